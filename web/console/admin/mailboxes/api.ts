import { apiRequest } from '../../../api/client';

// The mailboxes admin API (`/console/admin/mailboxes`, docs/MAIL.md). Admins only.

export type MailboxImap = {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  folder: string;
  passwordSet: boolean;
  lastUid: number;
  lastPolledAt: string | null;
  lastError: string | null;
};

export type Mailbox = {
  id: string;
  address: string;
  name: string;
  departmentId: string | null;
  categoryId: string | null;
  active: boolean;
  imap: MailboxImap | null;
  waiting: number;
  failed: number;
};

export type MailboxInput = {
  address: string;
  name: string;
  departmentId: string | null;
  categoryId: string | null;
  active: boolean;
  imap: { host: string; port: number; secure: boolean; user: string; folder: string; password?: string } | null;
};

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
export type MailOrigin = {
  mailbox: string | null;
  routing: { categoryId: string | null; confidence: number; confident: boolean } | null;
  otherSenderLetters: number;
};

export async function fetchMailOrigin(number: string, signal?: AbortSignal): Promise<MailOrigin> {
  return (await apiRequest(
    'GET',
    `/console/tickets/${encodeURIComponent(number)}/mail-origin`,
    undefined,
    signal ? { signal } : {},
  )) as MailOrigin;
}
