import type { TicketStatus } from '../../../common/tickets';

/** Who is looking at a request from the customer side. */
export type Viewer =
  { kind: 'customer'; customerId: string; name: string } | { kind: 'guest'; ticketId: string; tokenId: string };

type Owned = { id: string; customerId: string | null };

/** A customer sees their own requests; a guest token opens only its request. Everything else is 404. */
export function canView(viewer: Viewer, ticket: Owned): boolean {
  return viewer.kind === 'customer' ? ticket.customerId === viewer.customerId : ticket.id === viewer.ticketId;
}

const REPLYABLE: readonly TicketStatus[] = ['new', 'open', 'pending_customer', 'reopened'];

/** What the customer may do with a request in this status. */
export function customerActions(status: TicketStatus): { reply: boolean; resolve: boolean; reopen: boolean } {
  return {
    reply: REPLYABLE.includes(status),
    resolve: REPLYABLE.includes(status),
    reopen: status === 'resolved' || status === 'archived',
  };
}
