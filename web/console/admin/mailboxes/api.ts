import { apiRequest } from '../../../api/client';
import type { Answer, Body } from '../../../api/http';

// The mailboxes admin API (`/console/admin/mailboxes`, docs/MAIL.md). Admins only.

export type Mailbox = Answer<'/api/v1/console/admin/mailboxes', 'get'>['items'][number];
export type MailboxImap = NonNullable<Mailbox['imap']>;
export type MailboxInput = Body<'/api/v1/console/admin/mailboxes', 'post'>;

const BASE = '/console/admin/mailboxes';

export async function fetchMailboxes(signal?: AbortSignal): Promise<Mailbox[]> {
  const body = (await apiRequest('GET', BASE, undefined, signal ? { signal } : {})) as { items: Mailbox[] };
  return body.items;
}

export async function createMailbox(input: MailboxInput): Promise<void> {
  await apiRequest('POST', BASE, input);
}

export async function updateMailbox(id: string, input: MailboxInput): Promise<void> {
  await apiRequest('PATCH', `${BASE}/${encodeURIComponent(id)}`, input);
}

/** How a request came in by mail (the console workspace's badge). */
export type MailOrigin = Answer<'/api/v1/console/tickets/{number}/mail-origin', 'get'>;

export async function fetchMailOrigin(number: string, signal?: AbortSignal): Promise<MailOrigin> {
  return (await apiRequest(
    'GET',
    `/console/tickets/${encodeURIComponent(number)}/mail-origin`,
    undefined,
    signal ? { signal } : {},
  )) as MailOrigin;
}
