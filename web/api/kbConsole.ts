import type { Answer } from './http';
import type { Locale } from '../../common/errors';
import { apiRequest } from './client';

export type KbStatus = 'draft' | 'published';
export type KbAudienceValue = 'customer' | 'agent' | 'all';
export type KbLock = { staffId: string; name: string; lockedAt: string } | null;
export type KbListItem = {
  id: string;
  slug: string;
  locale: Locale;
  title: string;
  section: string;
  audience: KbAudienceValue;
  status: KbStatus;
  revision: number;
  views: number;
  yes: number;
  no: number;
  updatedAt: string;
  lock: KbLock;
};
export type KbPage<T> = { items: T[]; total: number; page: number; pageSize: number };
export type KbContent = {
  title: string;
  summary: string;
  body: string;
  tags: string[];
  /** "How customers ask". */
  phrasings: string[];
  section: string;
  audience: KbAudienceValue;
  categories: string[];
};
export type KbProposal = { id: string; text: string; asked: number; proposedAt: string; proposedBy: string | null };
export type KbDetail = Answer<'/api/v1/console/kb/articles/{id}', 'get'>;
export type KbSaved = { id: string; revision: number; status: KbStatus };
export type KbRevision = {
  number: number;
  action: 'seed' | 'create' | 'edit' | 'revert';
  revertedFrom: number | null;
  title: string;
  note: string | null;
  author: { id: string; name: string } | null;
  createdAt: string;
};
export type KbDiffLine = { op: 'same' | 'add' | 'del'; text: string };
export type KbDiff = {
  from: number;
  to: number;
  title: KbDiffLine[];
  summary: KbDiffLine[];
  body: KbDiffLine[];
  tags: KbDiffLine[];
};
export type KbSectionOption = { slug: string; name: { ru: string; uk: string; en: string }; children: KbSectionOption[] };
export type KbUnhelpful = {
  id: string;
  slug: string;
  locale: Locale;
  title: string;
  yes: number;
  no: number;
  views: number;
  comments: Array<{ comment: string; helpful: boolean; at: string }>;
};

const base = '/console/kb';
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

export async function listKbArticles(query: URLSearchParams, signal?: AbortSignal) {
  return (await apiRequest('GET', `${base}/articles?${query.toString()}`, undefined, opts(signal))) as KbPage<KbListItem>;
}
export async function fetchKbSectionOptions(signal?: AbortSignal) {
  return ((await apiRequest('GET', `${base}/sections`, undefined, opts(signal))) as { items: KbSectionOption[] }).items;
}
export async function fetchKbDetail(id: string, signal?: AbortSignal) {
  return (await apiRequest('GET', `${base}/articles/${id}`, undefined, opts(signal))) as KbDetail;
}
export async function createKbArticle(body: KbContent & { slug: string; locale: Locale }) {
  return (await apiRequest('POST', `${base}/articles`, body)) as KbSaved;
}
export async function saveKbArticle(id: string, body: KbContent & { revision: number; note?: string }) {
  return (await apiRequest('PUT', `${base}/articles/${id}`, body)) as KbSaved;
}
export async function setKbStatus(id: string, publish: boolean) {
  return (await apiRequest('POST', `${base}/articles/${id}/${publish ? 'publish' : 'unpublish'}`)) as KbSaved;
}
export async function setKbLock(id: string, lock: boolean) {
  return ((await apiRequest(lock ? 'POST' : 'DELETE', `${base}/articles/${id}/lock`)) as { lock: KbLock }).lock;
}
export async function fetchKbRevisions(id: string, signal?: AbortSignal) {
  return ((await apiRequest('GET', `${base}/articles/${id}/revisions`, undefined, opts(signal))) as { items: KbRevision[] })
    .items;
}
export async function fetchKbDiff(id: string, number: number) {
  return (await apiRequest('GET', `${base}/articles/${id}/revisions/${number}/diff`)) as KbDiff;
}
export async function revertKbArticle(id: string, number: number, revision: number) {
  return (await apiRequest('POST', `${base}/articles/${id}/revert`, { number, revision })) as KbSaved;
}
export async function fetchKbUnhelpful(page: number, signal?: AbortSignal) {
  return (await apiRequest('GET', `${base}/unhelpful?page=${page}`, undefined, opts(signal))) as KbPage<KbUnhelpful>;
}

/** Customers' questions proposed as phrasings of a variant. */
export async function fetchKbProposals(id: string, signal?: AbortSignal) {
  return (await apiRequest(
    'GET',
    `/console/kb/articles/${encodeURIComponent(id)}/proposals`,
    undefined,
    signal ? { signal } : {},
  )) as {
    items: KbProposal[];
  };
}
export async function reviewKbProposal(id: string, decision: 'accept' | 'reject') {
  return (await apiRequest('POST', `/console/kb/proposals/${encodeURIComponent(id)}/${decision}`)) as {
    status: 'accepted' | 'rejected';
    revision: number | null;
  };
}
