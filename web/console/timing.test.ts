import { describe, expect, it } from 'vitest';
import { debounce, throttleGate } from './timing';

describe('debounce', () => {
  it('runs once after the last trigger of a burst', () => {
    const pending = new Map<number, () => void>();
    let next = 0;
    const timers = {
      set: (fn: () => void) => {
        next += 1;
        pending.set(next, fn);
        return next;
      },
      clear: (handle: unknown) => pending.delete(handle as number),
    };
    let runs = 0;
    const d = debounce(() => (runs += 1), 300, timers);
    d.trigger();
    d.trigger();
    d.trigger();
    expect(pending.size).toBe(1);
    for (const fn of pending.values()) fn();
    expect(runs).toBe(1);
    d.trigger();
    d.cancel();
    expect(pending.size).toBe(1);
  });
});

describe('throttleGate', () => {
  it('opens at most once per interval', () => {
    const gate = throttleGate(3000);
    expect(gate(0)).toBe(true);
    expect(gate(1000)).toBe(false);
    expect(gate(2999)).toBe(false);
    expect(gate(3000)).toBe(true);
  });
});
