import type { TicketStatus } from '../../../common/tickets';
import { AppError } from '../../errors';

/** The status machine: every allowed move. Anything else is a CONFLICT. */
export const TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  unconfirmed: ['new', 'expired'],
  new: ['open', 'pending_customer', 'resolved'],
  open: ['pending_customer', 'resolved'],
  pending_customer: ['open', 'resolved'],
  resolved: ['archived', 'reopened'],
  archived: ['reopened'],
  reopened: ['open', 'pending_customer', 'resolved'],
  expired: [],
};

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Throws CONFLICT naming both statuses when the move is not allowed. */
export function assertTransition(from: TicketStatus, to: TicketStatus): void {
  if (!canTransition(from, to)) throw new AppError('CONFLICT', { reason: 'status_transition', from, to });
}
