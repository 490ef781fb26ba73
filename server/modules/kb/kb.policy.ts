import type { FastifyRequest } from 'fastify';
import type { StaffRole } from '../../db/schema';
import { requireStaff } from '../../platform/auth/guards';

/**
 * Who writes the help centre. There is no separate content role in staff.policy.ts: admins
 * and supervisors author; every staff member may read the console's article list (drafts too).
 */
export const KB_AUTHOR_ROLES: readonly StaffRole[] = ['admin', 'supervisor'];

/** Any staff member: reading articles, drafts and revisions in the console. */
export function requireKbReader(request: FastifyRequest) {
  return requireStaff(request);
}

/** Creating, editing, publishing, reverting, locking; the unhelpful list (routes declare KB_AUTHOR_ROLES). */
export function requireKbAuthor(request: FastifyRequest) {
  return requireStaff(request);
}

/** A lock holds everyone but its holder and admins. */
export function mayEditLocked(staff: { id: string; roles: readonly StaffRole[] }, lock: { staffId: string } | null): boolean {
  return !lock || lock.staffId === staff.id || staff.roles.includes('admin');
}
