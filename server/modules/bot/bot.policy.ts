import type { StaffRole } from '../../db/schema';

/**
 * Who reads the consultant's unanswered questions: the people who write and fix help content —
 * supervisors and admins (there is no separate author role yet; see staff.policy.ts).
 */
export const UNANSWERED_READERS: readonly StaffRole[] = ['supervisor', 'admin'];
