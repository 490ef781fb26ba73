import { describe, expect, it } from 'vitest';
import { TICKET_STATUSES } from '../../../common/tickets';
import { formatTicketNumber, parseTicketNumber } from './numbers';
import { assertTransition, canTransition, TRANSITIONS } from './tickets.state';

describe('status machine', () => {
  it('follows new → open → pending_customer → resolved → archived, and reopened → open', () => {
    const path = ['new', 'open', 'pending_customer', 'open', 'resolved', 'archived', 'reopened', 'open'] as const;
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!)).toBe(true);
  });

  it('refuses moves that skip the machine, naming them', () => {
    expect(canTransition('archived', 'open')).toBe(false);
    expect(canTransition('expired', 'new')).toBe(false);
    expect(() => assertTransition('unconfirmed', 'resolved')).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        details: { reason: 'status_transition', from: 'unconfirmed', to: 'resolved' },
      }),
    );
  });

  it('names every status', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...TICKET_STATUSES].sort());
  });
});

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
