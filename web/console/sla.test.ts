import { describe, expect, it } from 'vitest';
import { relativeTime, slaState } from './sla';

const now = Date.parse('2026-05-12T12:00:00Z');

describe('slaState', () => {
  it('is breached when flagged or past due, at risk when flagged, else fine', () => {
    expect(slaState({ dueAt: '2026-05-12T15:00:00Z', atRisk: false, breached: true }, now)).toBe('breached');
    expect(slaState({ dueAt: '2026-05-12T11:00:00Z', atRisk: false, breached: false }, now)).toBe('breached');
    expect(slaState({ dueAt: '2026-05-12T13:00:00Z', atRisk: true, breached: false }, now)).toBe('at_risk');
    expect(slaState({ dueAt: '2026-05-13T13:00:00Z', atRisk: false, breached: false }, now)).toBe('ok');
    expect(slaState({ dueAt: null, atRisk: false, breached: false }, now)).toBe('none');
    expect(slaState({ dueAt: '2026-05-13T13:00:00Z', atRisk: false, breached: false, paused: true }, now)).toBe('paused');
  });
});

describe('relativeTime', () => {
  it('speaks minutes, hours and days in the interface language', () => {
    // Exact abbreviations vary with the ICU version: check the number, the unit and the direction.
    expect(relativeTime('2026-05-12T12:30:00Z', now, 'en')).toMatch(/^in 30 min/);
    expect(relativeTime('2026-05-12T09:00:00Z', now, 'en')).toMatch(/^3 hr.* ago$/);
    expect(relativeTime('2026-05-15T12:00:00Z', now, 'en')).toBe('in 3 days');
    expect(relativeTime('2026-05-12T15:00:00Z', now, 'ru')).toMatch(/^через 3 ч/);
    expect(relativeTime(null, now, 'ru')).toBe('');
  });
});
