/** Request statuses. `unconfirmed`: a guest's request before the e-mail link is opened (in no queue). */
export const TICKET_STATUSES = [
  'unconfirmed',
  'new',
  'open',
  'pending_customer',
  'resolved',
  'archived',
  'reopened',
  'expired',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_CHANNELS = ['web', 'email', 'chat', 'phone', 'social', 'api'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

export const REPLY_CHANNELS = ['email', 'portal'] as const;
export type ReplyChannel = (typeof REPLY_CHANNELS)[number];

/** Statuses shown under "Archive" in the customer's requests. */
export const ARCHIVE_STATUSES: readonly TicketStatus[] = ['resolved', 'archived'];
