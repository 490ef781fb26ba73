import type { WikiSettings } from '../../../common/settings';
import type { StaffRole } from '../../db/schema';
import type { AuthUser } from '../../platform/auth/sessions';

/** Moderators of the members' wiki: accept/reject proposals, revert, lock. */
export const WIKI_MODERATOR_ROLES: readonly StaffRole[] = ['admin', 'supervisor'];
/** Who changes a member's level (override, verified identity, strikes). */
export const WIKI_LEVEL_ADMIN_ROLES: readonly StaffRole[] = ['admin'];

export const isModerator = (user: AuthUser | undefined) =>
  user?.kind === 'staff' && WIKI_MODERATOR_ROLES.some((r) => user.roles.includes(r));

/** What a member of a level may do under the wiki settings. */
export function memberCan(level: number, settings: WikiSettings) {
  return { edit: level >= settings.editLevel, propose: level >= settings.proposeLevel };
}
