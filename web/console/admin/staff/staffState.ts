import { isMessageKey } from '../../../i18n/catalogues';
import type { MessageKey } from '../../../i18n/catalogues';
import type { Department, StaffMember, StaffRole } from '../api';
import { issuePath, issuesOf } from '../shared/issues';

// The staff tab's pure logic: the roles offered, the list's filter, each person's departments,
// the roles draft and what the server's refusals say (by their stable codes).

/** Every role the server knows (a Record, so a new role in the API fails the type check here). */
const ROLE_ORDER: Record<StaffRole, number> = { operator: 0, specialist: 1, supervisor: 2, security_officer: 3, admin: 4 };

/** The roles an admin can give, in the order the screen lists them. */
export const ROLES = (Object.keys(ROLE_ORDER) as StaffRole[]).sort((a, b) => ROLE_ORDER[a] - ROLE_ORDER[b]);

export const isRole = (role: string): role is StaffRole => Object.hasOwn(ROLE_ORDER, role);

/** The known roles of a list, each once, in the screen's order (unknown codes are left out). */
export function sortRoles(roles: readonly string[]): StaffRole[] {
  return [...new Set(roles)].filter(isRole).sort((a, b) => ROLE_ORDER[a] - ROLE_ORDER[b]);
}

export type StatusFilter = 'all' | 'active' | 'inactive';
export type StaffFilter = { query: string; role: StaffRole | ''; status: StatusFilter };
export const NO_FILTER: StaffFilter = { query: '', role: '', status: 'all' };

/** Lower case, ё as е: what a search compares. */
const fold = (text: string) => text.toLocaleLowerCase('ru').replaceAll('ё', 'е');

/**
 * The people the filter keeps: every word of the query in the name or e-mail, the role if one is
 * chosen, active or deactivated; the list's order (by name, as the server sends it) kept.
 */
export function filterStaff(staff: readonly StaffMember[], filter: StaffFilter): StaffMember[] {
  const words = fold(filter.query).split(/\s+/).filter(Boolean);
  return staff.filter((person) => {
    if (filter.status === 'active' && !person.active) return false;
    if (filter.status === 'inactive' && person.active) return false;
    if (filter.role && !person.roles.includes(filter.role)) return false;
    const text = fold(`${person.name} ${person.email}`);
    return words.every((word) => text.includes(word));
  });
}

export type Membership = { departmentId: string; name: Department['name']; tier: number; active: boolean };

/** Each person's departments (with tier), from the departments' member lists. */
export function departmentsByPerson(departments: readonly Department[]): Map<string, Membership[]> {
  const out = new Map<string, Membership[]>();
  for (const d of departments)
    for (const m of d.members) {
      const list = out.get(m.staffId) ?? [];
      list.push({ departmentId: d.id, name: d.name, tier: m.tier, active: d.active });
      out.set(m.staffId, list);
    }
  return out;
}

/** True when the draft holds other roles than the saved ones (order ignored). */
export function rolesChanged(saved: readonly string[], draft: readonly StaffRole[]): boolean {
  const a = sortRoles(saved);
  const b = sortRoles(draft);
  return a.length !== b.length || a.some((role, i) => role !== b[i]);
}

/**
 * What an admin may not do to this person on this screen: themselves, they cannot deactivate or
 * drop their own admin role (the server refuses it too: `staff.own_account`).
 */
export function ownAccountLocks(meId: string, person: Pick<StaffMember, 'id'>): { deactivate: boolean; adminRole: boolean } {
  const self = person.id === meId;
  return { deactivate: self, adminRole: self };
}

/** The roles draft with `role` switched on or off, in the screen's order. */
export function toggleRole(draft: readonly StaffRole[], role: StaffRole, on: boolean): StaffRole[] {
  return sortRoles(on ? [...draft, role] : draft.filter((r) => r !== role));
}

/**
 * The catalogue's texts for a refused change, by the issues' stable codes and fields
 * (`staffAdmin.refused.<code>.<field>`, then `staffAdmin.refused.<code>`); empty when the
 * error names none the catalogue knows (the caller shows `errors.<CODE>` then).
 */
export function refusalKeys(error: unknown): MessageKey[] {
  const keys = new Set<MessageKey>();
  for (const issue of issuesOf(error)) {
    if (issue.code === undefined) continue;
    const field = issuePath(issue).split('.')[0];
    const code = issue.code.replace(/^staff\./, '');
    const specific = `staffAdmin.refused.${code}.${field}`;
    const general = `staffAdmin.refused.${code}`;
    if (field && isMessageKey(specific)) keys.add(specific);
    else if (isMessageKey(general)) keys.add(general);
  }
  return [...keys];
}
