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

/** Where a request came from; `appeal`: a customer's appeal of a solved request (linked to it). */
export const TICKET_CHANNELS = ['web', 'email', 'chat', 'phone', 'social', 'api', 'appeal'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

export const REPLY_CHANNELS = ['email', 'portal'] as const;
export type ReplyChannel = (typeof REPLY_CHANNELS)[number];

/** Statuses shown under "Archive" in the customer's requests. */
export const ARCHIVE_STATUSES: readonly TicketStatus[] = ['resolved', 'archived'];

/** The first line's department code: requests land there unless routed; tier 1 of it cannot be "returned". */
export const FIRST_LINE = 'first_line';

/** Request priorities, lowest first (the catalogue's default priority, the console's filter and action). */
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** The resolution codes an operator picks from when resolving (a standard installation's; the server checks its table). */
export const RESOLUTION_CODES = ['answered', 'fixed', 'refunded', 'compensated', 'no_reply', 'out_of_scope'] as const;
/** The code a merge gives the request merged into another (never picked by hand). */
export const MERGED_RESOLUTION = 'merged';
export type ResolutionCode = (typeof RESOLUTION_CODES)[number] | typeof MERGED_RESOLUTION;

/**
 * A new request's priority: the category's, raised one step for a Priority-package customer and
 * never below normal for them («low» → «normal», «normal» → «high»; «high» and «urgent» stay).
 */
export function filingPriority(categoryPriority: Priority, priorityCustomer: boolean): Priority {
  if (!priorityCustomer) return categoryPriority;
  if (categoryPriority === 'low') return 'normal';
  if (categoryPriority === 'normal') return 'high';
  return categoryPriority;
}

/** How long a guest's unconfirmed request (and its confirmation link) lives, in days. */
export const UNCONFIRMED_TTL_DAYS = 7;
