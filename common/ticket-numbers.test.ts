import { describe, expect, it } from 'vitest';
import { formatTicketNumber, parseTicketNumber } from './ticket-numbers';

describe('request numbers', () => {
  it('carry a check digit that catches a mistyped digit', () => {
    const n = formatTicketNumber(100001);
    expect(n).toMatch(/^PD-100001\d$/);
    expect(parseTicketNumber(n)).toBe(n);
    expect(parseTicketNumber(n.toLowerCase().replace('-', ' '))).toBe(n);
    expect(parseTicketNumber(n.slice(3))).toBe(n);
    const wrong = n.slice(0, -2) + String((Number(n.at(-2)) + 1) % 10) + n.at(-1);
    expect(parseTicketNumber(wrong)).toBeNull();
    expect(parseTicketNumber('DROP TABLE')).toBeNull();
  });
});
