import { allOf, api, ok } from './http';
import type { Answer, Body, Query } from './http';

// Types and calls of the console's knowledge base (`/console/kb/*`, docs/API-console.md): the
// server's OpenAPI document (web/api/schema.d.ts) through its typed client.

export type KbListQuery = Query<'/api/v1/console/kb/articles'>;
export type KbListPage = Answer<'/api/v1/console/kb/articles', 'get'>;
export type KbListItem = KbListPage['items'][number];
export type KbStatus = KbListItem['status'];
export type KbAudienceValue = KbListItem['audience'];
export type KbLock = KbListItem['lock'];
export type KbDetail = Answer<'/api/v1/console/kb/articles/{id}', 'get'>;
type KbCreate = Body<'/api/v1/console/kb/articles', 'post'>;
type KbSave = Body<'/api/v1/console/kb/articles/{id}', 'put'>;
export type KbSaved = Answer<'/api/v1/console/kb/articles/{id}/publish', 'post'>;
export type KbRevision = Answer<'/api/v1/console/kb/articles/{id}/revisions', 'get'>['items'][number];
export type KbDiff = Answer<'/api/v1/console/kb/articles/{id}/revisions/{number}/diff', 'get'>;
export type KbDiffLine = KbDiff['body'][number];
export type KbSectionOption = Answer<'/api/v1/console/kb/sections', 'get'>['items'][number];
export type KbProposal = Answer<'/api/v1/console/kb/articles/{id}/proposals', 'get'>['items'][number];
export type KbUnhelpful = Answer<'/api/v1/console/kb/unhelpful', 'get'>['items'][number];

const STATUSES = allOf<KbStatus>()(['draft', 'published']);
const LOCALES = allOf<NonNullable<KbListQuery['locale']>>()(['ru', 'uk', 'en']);
const AUDIENCES = allOf<KbAudienceValue>()(['customer', 'agent', 'all']);
const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined => list.find((item) => item === value);

/** The list's query from the page's URL (the filters live there); unknown values are left out. */
export function kbListQuery(search: string): KbListQuery {
  const params = new URLSearchParams(search);
  const text = (name: string) => params.get(name) || undefined;
  const page = Number(params.get('page'));
  const query: KbListQuery = {
    status: oneOf(STATUSES, params.get('status')),
    locale: oneOf(LOCALES, params.get('locale')),
    audience: oneOf(AUDIENCES, params.get('audience')),
    section: text('section'),
    q: text('q'),
    page: Number.isInteger(page) && page > 0 ? page : undefined,
  };
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as KbListQuery;
}

const byId = (id: string) => ({ params: { path: { id } } });

export async function listKbArticles(query: KbListQuery, signal?: AbortSignal): Promise<KbListPage> {
  return ok(api.GET('/api/v1/console/kb/articles', { params: { query }, signal }));
}
export async function fetchKbSectionOptions(signal?: AbortSignal): Promise<KbSectionOption[]> {
  return (await ok(api.GET('/api/v1/console/kb/sections', { signal }))).items;
}
export async function fetchKbDetail(id: string, signal?: AbortSignal): Promise<KbDetail> {
  return ok(api.GET('/api/v1/console/kb/articles/{id}', { ...byId(id), signal }));
}
export async function createKbArticle(body: KbCreate): Promise<KbSaved> {
  return ok(api.POST('/api/v1/console/kb/articles', { body }));
}
export async function saveKbArticle(id: string, body: KbSave): Promise<KbSaved> {
  return ok(api.PUT('/api/v1/console/kb/articles/{id}', { ...byId(id), body }));
}
export async function setKbStatus(id: string, publish: boolean): Promise<KbSaved> {
  return publish
    ? ok(api.POST('/api/v1/console/kb/articles/{id}/publish', byId(id)))
    : ok(api.POST('/api/v1/console/kb/articles/{id}/unpublish', byId(id)));
}
export async function setKbLock(id: string, lock: boolean): Promise<KbLock> {
  const answer = lock
    ? await ok(api.POST('/api/v1/console/kb/articles/{id}/lock', byId(id)))
    : await ok(api.DELETE('/api/v1/console/kb/articles/{id}/lock', byId(id)));
  return answer.lock;
}
export async function fetchKbRevisions(id: string, signal?: AbortSignal): Promise<KbRevision[]> {
  return (await ok(api.GET('/api/v1/console/kb/articles/{id}/revisions', { ...byId(id), signal }))).items;
}
export async function fetchKbDiff(id: string, number: number): Promise<KbDiff> {
  return ok(api.GET('/api/v1/console/kb/articles/{id}/revisions/{number}/diff', { params: { path: { id, number } } }));
}
export async function revertKbArticle(id: string, number: number, revision: number): Promise<KbSaved> {
  return ok(api.POST('/api/v1/console/kb/articles/{id}/revert', { ...byId(id), body: { number, revision } }));
}
export async function fetchKbUnhelpful(page: number, signal?: AbortSignal) {
  return ok(api.GET('/api/v1/console/kb/unhelpful', { params: { query: { page } }, signal }));
}

/** Customers' questions proposed as phrasings of a variant. */
export async function fetchKbProposals(id: string, signal?: AbortSignal) {
  return ok(api.GET('/api/v1/console/kb/articles/{id}/proposals', { ...byId(id), signal }));
}
export async function reviewKbProposal(id: string, decision: 'accept' | 'reject') {
  return decision === 'accept'
    ? ok(api.POST('/api/v1/console/kb/proposals/{id}/accept', byId(id)))
    : ok(api.POST('/api/v1/console/kb/proposals/{id}/reject', byId(id)));
}
