import type { StaffRole } from '../../db/schema';

/** Who reads outgoing mail (whole letters, with customers' addresses): admins and supervisors. */
export const MAIL_READERS: readonly StaffRole[] = ['admin', 'supervisor'];
/** Who may hand a failed message to SMTP again: admins only (audited). */
export const MAIL_RESENDERS: readonly StaffRole[] = ['admin'];
