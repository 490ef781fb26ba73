import type { Locale } from '../../common/errors';
import { apiRequest } from './client';

export type SynonymGroup = { id: string; terms: string[]; updatedAt: string };
export type UnansweredRow = { question: string; locale: string; count: number; lastAskedAt: string; topSlug: string | null };

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

/** The consultant's unanswered questions, grouped and counted (supervisors, admins). */
export async function fetchUnanswered(
  query: { days: number; locale?: Locale; limit: number; offset: number },
  signal?: AbortSignal,
): Promise<{ items: UnansweredRow[]; total: number }> {
  const params = new URLSearchParams({ days: String(query.days), limit: String(query.limit), offset: String(query.offset) });
  if (query.locale) params.set('locale', query.locale);
  return (await apiRequest('GET', `/console/kb/unanswered?${params.toString()}`, undefined, signal ? { signal } : {})) as {
    items: UnansweredRow[];
    total: number;
  };
}
