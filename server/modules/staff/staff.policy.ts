import { eq } from 'drizzle-orm';
import type { StaffRole } from '../../db/schema';
import { departmentMembers, departments } from '../../db/schema';
import type { Executor } from '../../db/connection';
import { SECURITY_DEPARTMENT_CODE, type AuthUser } from '../../platform/auth/sessions';

export const SECURITY_DEPARTMENT = SECURITY_DEPARTMENT_CODE;
export { FIRST_LINE } from '../../../common/tickets';

/** What a staff member is, loaded once per request: roles and department memberships with tiers. */
export type StaffScope = {
  id: string;
  name: string;
  roles: StaffRole[];
  /** departmentId → code and tier */
  departments: Map<string, { code: string; tier: number }>;
  securityDepartmentId: string | null;
};

/**
 * The scope of a staff member. Uses the memberships read with the session (no query) unless
 * `reload` asks for a fresh read (long-lived WebSocket connections check rooms with it).
 */
export async function loadScope(
  db: Executor,
  user: Extract<AuthUser, { kind: 'staff' }>,
  options: { reload?: boolean } = {},
): Promise<StaffScope> {
  if (user.scope && !options.reload) {
    return {
      id: user.id,
      name: user.name,
      roles: user.roles,
      departments: new Map(user.scope.departments.map((r) => [r.departmentId, { code: r.code, tier: r.tier }])),
      securityDepartmentId: user.scope.securityDepartmentId,
    };
  }
  const rows = await db
    .select({ departmentId: departmentMembers.departmentId, tier: departmentMembers.tier, code: departments.code })
    .from(departmentMembers)
    .innerJoin(departments, eq(departments.id, departmentMembers.departmentId))
    .where(eq(departmentMembers.staffId, user.id));
  const [security] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(eq(departments.code, SECURITY_DEPARTMENT))
    .limit(1);
  return {
    id: user.id,
    name: user.name,
    roles: user.roles,
    departments: new Map(rows.map((r) => [r.departmentId, { code: r.code, tier: r.tier }])),
    securityDepartmentId: security?.id ?? null,
  };
}

const has = (scope: StaffScope, ...roles: StaffRole[]) => roles.some((r) => scope.roles.includes(r));

export const isSupervisor = (scope: StaffScope) => has(scope, 'supervisor', 'admin');

/** Members of the security service (and supervisors, admins) see its requests; nobody else does. */
export function seesSecurity(scope: StaffScope): boolean {
  return (
    isSupervisor(scope) ||
    has(scope, 'security_officer') ||
    (scope.securityDepartmentId !== null && scope.departments.has(scope.securityDepartmentId))
  );
}

type TicketRef = { departmentId: string | null; assigneeId: string | null };

/** Whether the request exists for this person at all (404 otherwise). */
export function canSee(scope: StaffScope, ticket: TicketRef): boolean {
  if (ticket.departmentId && ticket.departmentId === scope.securityDepartmentId) return seesSecurity(scope);
  return true;
}

/** Working a request (reply, note, ask, resolve, take, transfer, escalate): its department's members, its assignee, supervisors. */
export function canWork(scope: StaffScope, ticket: TicketRef): boolean {
  if (!canSee(scope, ticket)) return false;
  if (isSupervisor(scope) || ticket.assigneeId === scope.id) return true;
  return ticket.departmentId !== null && scope.departments.has(ticket.departmentId);
}

/** Assigning to someone else: supervisors, or a member of the request's department at tier ≥ 2. */
export function canAssignOthers(scope: StaffScope, ticket: TicketRef): boolean {
  if (isSupervisor(scope)) return canSee(scope, ticket);
  const m = ticket.departmentId ? scope.departments.get(ticket.departmentId) : undefined;
  return Boolean(m && m.tier >= 2);
}

/** Who may see passport data in full (with a reason, audited); the reveal route declares these. */
export const REVEAL_ROLES: readonly StaffRole[] = ['supervisor', 'security_officer', 'admin'];
export function canReveal(scope: StaffScope): boolean {
  return has(scope, ...REVEAL_ROLES);
}

/** Who browses the audit log; the audit route declares these. */
export const AUDIT_READERS: readonly StaffRole[] = ['supervisor', 'admin'];
export function canReadAudit(scope: StaffScope): boolean {
  return has(scope, ...AUDIT_READERS);
}

/** The "all requests" queue. */
export function canSeeAllQueue(scope: StaffScope): boolean {
  return isSupervisor(scope);
}
