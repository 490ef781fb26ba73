import type { StaffRole } from '../../db/schema';

/** Who writes maintenance and outage notices: supervisors and admins. */
export const NOTICE_STAFF_ROLES: readonly StaffRole[] = ['admin', 'supervisor'];
