import { describe, expect, it } from 'vitest';
import type { StaffScope } from '../staff';
import { authorize, can } from './tickets.policy';

const SECURITY = 'dep-security';
const FIRST = 'dep-first';
const staff = (over: Partial<StaffScope> = {}): StaffScope => ({
  id: 'staff-1',
  name: 'S',
  roles: ['operator'],
  departments: new Map([[FIRST, { code: 'first_line', tier: 1 }]]),
  securityDepartmentId: SECURITY,
  ...over,
});
const ticket = (over: Partial<Parameters<typeof can>[2]> = {}) => ({
  id: 't-1',
  customerId: 'c-1',
  departmentId: FIRST,
  assigneeId: null,
  status: 'open' as const,
  ...over,
});

describe('tickets.policy can()', () => {
  it('staff outside the security service never see its requests, not even by number', () => {
    const a = { kind: 'staff' as const, scope: staff() };
    expect(can(a, 'view', ticket({ departmentId: SECURITY }))).toBe(false);
    expect(() => authorize(a, 'reply', ticket({ departmentId: SECURITY }))).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    const member = {
      kind: 'staff' as const,
      scope: staff({ departments: new Map([[SECURITY, { code: 'security', tier: 1 }]]) }),
    };
    expect(can(member, 'reply', ticket({ departmentId: SECURITY }))).toBe(true);
  });

  it('staff work their department; others see but may not (403); unconfirmed requests do not exist for staff', () => {
    const a = { kind: 'staff' as const, scope: staff() };
    expect(can(a, 'reply', ticket())).toBe(true);
    expect(can(a, 'assign', ticket())).toBe(false);
    expect(() => authorize(a, 'reply', ticket({ departmentId: 'dep-other' }))).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(can(a, 'view', ticket({ departmentId: 'dep-other' }))).toBe(true);
    expect(can(a, 'view', ticket({ status: 'unconfirmed' }))).toBe(false);
  });

  it('customers: their own requests; what they may do follows the status', () => {
    const me = { kind: 'customer' as const, customerId: 'c-1', name: 'C' };
    expect(can(me, 'view', ticket({ customerId: 'c-2' }))).toBe(false);
    expect(can(me, 'reply', ticket())).toBe(true);
    expect(can(me, 'assign', ticket())).toBe(false);
    expect(() => authorize(me, 'reply', ticket({ status: 'resolved' }))).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(can(me, 'reopen', ticket({ status: 'archived' }))).toBe(true);
    const guest = { kind: 'guest' as const, ticketId: 't-1', tokenId: 'x' };
    expect(can(guest, 'view', ticket())).toBe(true);
    expect(can(guest, 'view', ticket({ id: 't-2' }))).toBe(false);
    expect(can(guest, 'view', ticket({ status: 'expired' }))).toBe(false);
  });
});
