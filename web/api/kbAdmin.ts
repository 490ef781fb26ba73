import type { Locale } from '../../common/errors';
import { apiRequest } from './client';

export type SynonymGroup = { id: string; terms: string[]; updatedAt: string };
export type TriageStatus = 'new' | 'attached' | 'needs_article';
export type UnansweredRow = {
  question: string;
  locale: string;
  normalized: string;
  count: number;
  lastAskedAt: string;
  topSlug: string | null;
  status: TriageStatus;
  slug: string | null;
};
export type UnansweredPage = { items: UnansweredRow[]; total: number; perWeek: Array<{ week: string; count: number }> };

const BASE = '/console/admin/kb/synonyms';

export async function fetchSynonyms(signal?: AbortSignal): Promise<SynonymGroup[]> {
  return ((await apiRequest('GET', BASE, undefined, signal ? { signal } : {})) as { items: SynonymGroup[] }).items;
}
export async function createSynonym(terms: string[]): Promise<SynonymGroup> {
  return (await apiRequest('POST', BASE, { terms })) as SynonymGroup;
}
export async function deleteSynonym(id: string): Promise<void> {
  await apiRequest('DELETE', `${BASE}/${encodeURIComponent(id)}`);
}

/** The consultant's unanswered questions, grouped and counted, with the count per week (supervisors, admins). */
export async function fetchUnanswered(
  query: { days: number; locale?: Locale; status?: TriageStatus; limit: number; offset: number },
  signal?: AbortSignal,
): Promise<UnansweredPage> {
  const params = new URLSearchParams({ days: String(query.days), limit: String(query.limit), offset: String(query.offset) });
  if (query.locale) params.set('locale', query.locale);
  if (query.status) params.set('status', query.status);
  return (await apiRequest(
    'GET',
    `/console/kb/unanswered?${params.toString()}`,
    undefined,
    signal ? { signal } : {},
  )) as UnansweredPage;
}

/** Attaches a group of questions to an article (a phrasing proposal) or marks it as needing a new article. */
export async function triageUnanswered(body: {
  locale: string;
  normalized: string;
  decision: 'attach' | 'needs_article';
  slug?: string;
}): Promise<{ status: 'attached' | 'needs_article'; proposalId: string | null }> {
  return (await apiRequest('POST', '/console/kb/unanswered/triage', body)) as {
    status: 'attached' | 'needs_article';
    proposalId: string | null;
  };
}
