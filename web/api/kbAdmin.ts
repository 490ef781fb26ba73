import { api, ok } from './http';
import type { Answer, Body, Query } from './http';

// Types and calls of the help centre's admin tools (synonyms; the consultant's unanswered
// questions): the server's OpenAPI document (web/api/schema.d.ts) through its typed client.

export type SynonymGroup = Answer<'/api/v1/console/admin/kb/synonyms', 'get'>['items'][number];
export type UnansweredPage = Answer<'/api/v1/console/kb/unanswered', 'get'>;
export type UnansweredRow = UnansweredPage['items'][number];
export type TriageStatus = UnansweredRow['status'];
type UnansweredQuery = Query<'/api/v1/console/kb/unanswered'>;
type TriageBody = Body<'/api/v1/console/kb/unanswered/triage', 'post'>;

export async function fetchSynonyms(signal?: AbortSignal): Promise<SynonymGroup[]> {
  return (await ok(api.GET('/api/v1/console/admin/kb/synonyms', { signal }))).items;
}
export async function createSynonym(terms: string[]): Promise<SynonymGroup> {
  return ok(api.POST('/api/v1/console/admin/kb/synonyms', { body: { terms } }));
}
export async function deleteSynonym(id: string): Promise<void> {
  await ok(api.DELETE('/api/v1/console/admin/kb/synonyms/{id}', { params: { path: { id } } }));
}

/** The consultant's unanswered questions, grouped and counted, with the count per week (supervisors, admins). */
export async function fetchUnanswered(
  query: UnansweredQuery & { days: number; limit: number; offset: number },
  signal?: AbortSignal,
): Promise<UnansweredPage> {
  return ok(api.GET('/api/v1/console/kb/unanswered', { params: { query }, signal }));
}

/** Attaches a group of questions to an article (a phrasing proposal) or marks it as needing a new article. */
export async function triageUnanswered(body: TriageBody): Promise<Answer<'/api/v1/console/kb/unanswered/triage', 'post'>> {
  return ok(api.POST('/api/v1/console/kb/unanswered/triage', { body }));
}
