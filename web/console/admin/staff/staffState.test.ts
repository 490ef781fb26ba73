import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/client';
import type { Department, StaffMember } from '../api';
import {
  NO_FILTER,
  ROLES,
  departmentsByPerson,
  filterStaff,
  ownAccountLocks,
  refusalKeys,
  rolesChanged,
  sortRoles,
  toggleRole,
} from './staffState';

const person = (id: string, name: string, roles: string[], active = true): StaffMember => ({
  id,
  name,
  email: `${id}@paydesk.local`,
  roles,
  active,
});

const STAFF = [
  person('anna', 'Анна Админова', ['admin']),
  person('olga', 'Ольга Операторова', ['operator']),
  person('petr', 'Пётр Ушедший', ['specialist', 'operator'], false),
  person('marina', 'Марина Старшая', ['supervisor', 'security_officer']),
];

describe('staff tab: the list', () => {
  it('offers every role the server knows, first line first and admin last', () => {
    expect(ROLES).toEqual(['operator', 'specialist', 'supervisor', 'security_officer', 'admin']);
    expect(sortRoles(['admin', 'operator', 'admin', 'retired_role'])).toEqual(['operator', 'admin']);
  });

  it('finds people by any words of their name or e-mail (ё as е), by role and by access', () => {
    const ids = (filter: Partial<typeof NO_FILTER>) => filterStaff(STAFF, { ...NO_FILTER, ...filter }).map((p) => p.id);
    expect(ids({})).toEqual(['anna', 'olga', 'petr', 'marina']);
    expect(ids({ query: 'петр' })).toEqual(['petr']);
    expect(ids({ query: '  ОЛЬГА  оператор ' })).toEqual(['olga']);
    expect(ids({ query: 'marina@' })).toEqual(['marina']);
    expect(ids({ query: 'ольга анна' })).toEqual([]);
    expect(ids({ role: 'operator' })).toEqual(['olga', 'petr']);
    expect(ids({ status: 'inactive' })).toEqual(['petr']);
    expect(ids({ status: 'active', role: 'operator' })).toEqual(['olga']);
  });

  it('gathers each person’s departments with their tiers from the departments’ members', () => {
    const dep = (id: string, active: boolean, members: Array<[string, number]>): Department => ({
      id,
      code: id,
      name: { ru: id, uk: id, en: id },
      active,
      members: members.map(([staffId, tier]) => ({ staffId, tier, name: staffId, email: '', roles: [] })),
    });
    const byPerson = departmentsByPerson([
      dep('first_line', true, [['olga', 1]]),
      dep('terminals', false, [
        ['olga', 2],
        ['petr', 3],
      ]),
    ]);
    expect(byPerson.get('olga')?.map((m) => [m.departmentId, m.tier, m.active])).toEqual([
      ['first_line', 1, true],
      ['terminals', 2, false],
    ]);
    expect(byPerson.get('anna')).toBeUndefined();
  });
});

describe('staff tab: changes', () => {
  it('keeps the roles draft in order and sees a change only when the set differs', () => {
    expect(toggleRole(['admin'], 'operator', true)).toEqual(['operator', 'admin']);
    expect(toggleRole(['operator', 'admin'], 'admin', false)).toEqual(['operator']);
    expect(rolesChanged(['specialist', 'operator'], ['operator', 'specialist'])).toBe(false);
    expect(rolesChanged(['operator'], ['operator', 'supervisor'])).toBe(true);
    expect(rolesChanged(['operator'], [])).toBe(true);
  });

  it('locks an admin’s own deactivation and admin role, nobody else’s', () => {
    expect(ownAccountLocks('anna', { id: 'anna' })).toEqual({ deactivate: true, adminRole: true });
    expect(ownAccountLocks('anna', { id: 'olga' })).toEqual({ deactivate: false, adminRole: false });
  });

  it('names the catalogue’s text for the server’s refusal codes, by field, and nothing for other errors', () => {
    const refused = (issues: unknown[]) => new ApiError({ code: 'VALIDATION_FAILED', status: 400, details: { issues } });
    expect(refusalKeys(refused([{ path: ['body', 'active'], code: 'staff.own_account', message: '…' }]))).toEqual([
      'staffAdmin.refused.own_account.active',
    ]);
    expect(refusalKeys(refused([{ path: ['body', 'roles'], code: 'staff.own_account', message: '…' }]))).toEqual([
      'staffAdmin.refused.own_account.roles',
    ]);
    expect(refusalKeys(refused([{ path: [], code: 'staff.own_account', message: '…' }]))).toEqual([
      'staffAdmin.refused.own_account',
    ]);
    expect(refusalKeys(refused([{ path: ['body', 'active'], code: 'staff.last_admin', message: '…' }]))).toEqual([
      'staffAdmin.refused.last_admin',
    ]);
    expect(refusalKeys(refused([{ path: ['body', 'roles'], code: 'too_small', message: '…' }]))).toEqual([
      'staffAdmin.refused.too_small.roles',
    ]);
    expect(refusalKeys(refused([{ path: ['body'], code: 'custom', message: 'input.nothing_to_change' }]))).toEqual([]);
    expect(refusalKeys(new ApiError({ code: 'NOT_FOUND', status: 404 }))).toEqual([]);
    expect(refusalKeys(new Error('network'))).toEqual([]);
  });
});
