import type { Locale } from '../../common/errors';
import type { FormDef, L10n } from '../../common/forms/types';
import type { ReplyChannel, TicketStatus } from '../../common/tickets';
import { apiDownload, apiRequest } from './client';
import type { RequestOptions } from './client';
import type { Answer } from './http';

// Types and calls of the requests API (docs/API-requests.md): the types are the server's
// OpenAPI document (web/api/schema.d.ts), never a hand copy — except the form definition, whose
// exact type is the shared validator's (common/forms), and the catalogue tree (the document
// cannot express a recursive schema).

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

type LeafFormAnswer = Answer<'/api/v1/catalog/{id}/form', 'get'>;
export type LeafForm = Omit<LeafFormAnswer, 'form'> & { form: FormDef };
export type ArticleRef = LeafForm['articles'][number];

export type Article = Answer<'/api/v1/kb/articles/{slug}', 'get'>;
export type SearchHit = Answer<'/api/v1/kb/search', 'get'>['items'][number];

/** The answer to filing; `expectedBy` is null for a guest (the clock starts when the e-mail link is opened). */
export type FiledTicket = Answer<'/api/v1/tickets/', 'post'>;

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

export type TicketPage = Answer<'/api/v1/tickets/', 'get'>;
export type TicketSummary = TicketPage['items'][number];
/** A request with its thread; `id` names its realtime room (`ticket:<id>`). */
export type Ticket = Answer<'/api/v1/tickets/{number}', 'get'>;
export type TicketMessage = Ticket['messages'][number];
export type AttachmentInfo = TicketMessage['attachments'][number];
type Confirmed = Answer<'/api/v1/tickets/confirm', 'post'>;

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

export async function confirmTicket(token: string): Promise<Confirmed> {
  return (await apiRequest('POST', '/tickets/confirm', { token })) as Confirmed;
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
