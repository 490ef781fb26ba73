import type { Locale } from '../../common/errors';
import type { FormDef, L10n } from '../../common/forms/types';
import type { ReplyChannel, TicketStatus } from '../../common/tickets';
import { apiDownload, apiRequest } from './client';
import type { RequestOptions } from './client';

// Types and calls of the requests API (docs/API-requests.md). Bodies are trusted to match
// the contract; the server's OpenAPI schemas serialise them.

export type Audience = 'customer' | 'agent';

export type { ReplyChannel, TicketStatus };

export type CatalogNode = {
  id: string;
  slug: string;
  name: L10n;
  hint: L10n;
  audience: Audience;
  isLeaf: boolean;
  children: CatalogNode[];
};

export type ArticleRef = { slug: string; title: string; summary: string };

export type LeafForm = {
  categoryId: string;
  formId: string;
  version: number;
  path: Array<{ id: string; name: L10n }>;
  form: FormDef;
  articles: ArticleRef[];
  expectedReview: { slaCode: string; resolutionMinutes: number; businessHours: boolean; businessDayMinutes: number | null };
};

export type Article = { slug: string; title: string; summary: string; body: string };
export type SearchHit = { slug: string; title: string; snippet: string; score: number };

export type FiledTicket = {
  number: string;
  status: TicketStatus;
  /** Null for a guest: the review clock starts when the e-mail link is opened. */
  expectedBy: string | null;
  confirmationRequired: boolean;
};

export type TicketPayload = {
  categoryId: string;
  subject?: string;
  fields: Record<string, unknown>;
  email?: string;
  name?: string;
  locale: Locale;
  replyChannel: ReplyChannel;
  website: string;
};

export type TicketSummary = {
  number: string;
  subject: string;
  status: TicketStatus;
  category: { id: string; name: L10n };
  createdAt: string;
  updatedAt: string;
  expectedBy: string | null;
};

export type AttachmentInfo = { id: string; name: string; size: number; type: string };

export type TicketMessage = {
  id: string;
  author: { kind: 'customer' | 'staff' | 'system'; name: string };
  body: string;
  createdAt: string;
  attachments: AttachmentInfo[];
};

export type Ticket = {
  /** Names the request's realtime room (`ticket:<id>`). */
  id: string;
  number: string;
  subject: string;
  status: TicketStatus;
  channel: string;
  createdAt: string;
  updatedAt: string;
  expectedBy: string | null;
  replyChannel: ReplyChannel;
  category: { id: string; name: L10n; path: Array<{ id: string; name: L10n }> };
  fields: Array<{ key: string; label: L10n; type: string; value: string }>;
  messages: TicketMessage[];
  attachments: Array<AttachmentInfo & { fieldKey: string | null }>;
  can: { reply: boolean; resolve: boolean; reopen: boolean };
};

export type TicketPage = { items: TicketSummary[]; nextCursor: string | null };

/** How a request is opened: the signed-in session, or a guest's tracking token. */
export type TicketAccess = { token: string | null };

function accessOptions(access: TicketAccess): RequestOptions {
  return access.token ? { headers: { Authorization: `Bearer ${access.token}` } } : {};
}

const enc = encodeURIComponent;

export async function fetchCatalog(audience: Audience): Promise<CatalogNode[]> {
  const body = (await apiRequest('GET', `/catalog?audience=${audience}`)) as { items: CatalogNode[] };
  return body.items;
}

export async function fetchLeafForm(categoryId: string, locale: Locale): Promise<LeafForm> {
  return (await apiRequest('GET', `/catalog/${enc(categoryId)}/form?locale=${locale}`)) as LeafForm;
}

export async function recordDeflection(categoryId: string, input: { articleSlug?: string; query?: string }): Promise<void> {
  await apiRequest('POST', `/catalog/${enc(categoryId)}/deflections`, input);
}

export async function searchArticles(q: string, locale: Locale, signal?: AbortSignal): Promise<SearchHit[]> {
  const query = `/kb/search?q=${enc(q)}&locale=${locale}&limit=5`;
  const body = (await apiRequest('GET', query, undefined, signal ? { signal } : {})) as { items: SearchHit[] };
  return body.items;
}

export async function fetchArticle(slug: string, locale: Locale): Promise<Article> {
  return (await apiRequest('GET', `/kb/articles/${enc(slug)}?locale=${locale}`)) as Article;
}

/** Files a request; `body` is the JSON payload or the multipart FormData (see buildTicketBody). */
export async function fileTicket(body: TicketPayload | FormData, idempotencyKey: string): Promise<FiledTicket> {
  return (await apiRequest('POST', '/tickets', body, { headers: { 'Idempotency-Key': idempotencyKey } })) as FiledTicket;
}

export async function confirmTicket(token: string): Promise<{ number: string; trackingToken: string }> {
  return (await apiRequest('POST', '/tickets/confirm', { token })) as { number: string; trackingToken: string };
}

export async function fetchTickets(tab: 'active' | 'archive', cursor: string | null): Promise<TicketPage> {
  const query = `/tickets?tab=${tab}&limit=20${cursor ? `&cursor=${enc(cursor)}` : ''}`;
  return (await apiRequest('GET', query)) as TicketPage;
}

export async function fetchTicket(number: string, access: TicketAccess): Promise<Ticket> {
  return (await apiRequest('GET', `/tickets/${enc(number)}`, undefined, accessOptions(access))) as Ticket;
}

export async function postMessage(
  number: string,
  body: { body: string } | FormData,
  access: TicketAccess,
): Promise<TicketMessage> {
  return (await apiRequest('POST', `/tickets/${enc(number)}/messages`, body, accessOptions(access))) as TicketMessage;
}

export async function resolveTicket(number: string, access: TicketAccess): Promise<Ticket> {
  return (await apiRequest('POST', `/tickets/${enc(number)}/resolve`, undefined, accessOptions(access))) as Ticket;
}

export async function reopenTicket(number: string, message: string, access: TicketAccess): Promise<Ticket> {
  return (await apiRequest('POST', `/tickets/${enc(number)}/reopen`, { message }, accessOptions(access))) as Ticket;
}

export async function setTicketReplyChannel(number: string, replyChannel: ReplyChannel, access: TicketAccess): Promise<void> {
  await apiRequest('PUT', `/tickets/${enc(number)}/reply-channel`, { replyChannel }, accessOptions(access));
}

export async function downloadAttachment(number: string, id: string, access: TicketAccess): Promise<Blob> {
  return apiDownload(`/tickets/${enc(number)}/attachments/${enc(id)}`, accessOptions(access));
}
