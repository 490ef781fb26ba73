import { describe, expect, it } from 'vitest';
import { TICKET_STATUSES } from '../../../common/tickets';
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
