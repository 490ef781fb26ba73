import type { Me } from '../api/auth';

const has = (me: Me, ...roles: string[]) => roles.some((r) => me.user.roles.includes(r));

/** Supervisors and admins: the audit log, the "all" queue. */
export function readsAudit(me: Me): boolean {
  return has(me, 'supervisor', 'admin');
}

/** Admins: the administration screens. */
export function isAdmin(me: Me): boolean {
  return has(me, 'admin');
}

/** Admins and supervisors write the knowledge base (server: modules/kb/kb.policy.ts). */
export function authorsKb(me: Me): boolean {
  return has(me, 'supervisor', 'admin');
}
