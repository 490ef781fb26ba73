import type { Locale } from '../../common/errors';
import { api, ok } from './http';
import type { Answer, Query } from './http';
import type { components } from './schema';

// Types and calls of the public help centre (`/kb/*`, docs/API-requests.md): the types are the
// server's OpenAPI document (web/api/schema.d.ts), the calls its typed client.

export type HelpAudience = NonNullable<Query<'/api/v1/kb/sections'>['audience']>;
export type KbSectionNode = components['schemas']['SectionNode'];
export type KbSectionPage = Answer<'/api/v1/kb/sections/{slug}', 'get'>;
export type KbArticleRef = KbSectionPage['articles'][number];
export type KbArticlePage = Answer<'/api/v1/kb/articles/{slug}', 'get'>;
type KbVoted = Answer<'/api/v1/kb/articles/{slug}/vote', 'post'>;
export type KbVote = Pick<KbVoted, 'helpful' | 'comment'>;
/** A search hit; `section` is the slug of its help-centre section (results are grouped by it). */
export type KbHit = Answer<'/api/v1/kb/search', 'get'>['items'][number];
export type KbSuggestion = Answer<'/api/v1/kb/suggest', 'get'>['items'][number];

const reader = (locale: Locale, audience: HelpAudience) => ({ locale, audience });

export async function fetchKbSections(locale: Locale, audience: HelpAudience, signal?: AbortSignal): Promise<KbSectionNode[]> {
  return (await ok(api.GET('/api/v1/kb/sections', { params: { query: reader(locale, audience) }, signal }))).items;
}

export async function fetchKbSection(slug: string, locale: Locale, audience: HelpAudience, signal?: AbortSignal) {
  return ok(api.GET('/api/v1/kb/sections/{slug}', { params: { path: { slug }, query: reader(locale, audience) }, signal }));
}

export async function fetchKbPopular(locale: Locale, audience: HelpAudience, signal?: AbortSignal): Promise<KbArticleRef[]> {
  const query = { ...reader(locale, audience), limit: 6 };
  return (await ok(api.GET('/api/v1/kb/popular', { params: { query }, signal }))).items;
}

export async function fetchKbArticle(slug: string, locale: Locale, audience: HelpAudience, signal?: AbortSignal) {
  return ok(api.GET('/api/v1/kb/articles/{slug}', { params: { path: { slug }, query: reader(locale, audience) }, signal }));
}

export async function voteKbArticle(
  slug: string,
  input: { locale: Locale; audience: HelpAudience; helpful: boolean; comment?: string },
): Promise<KbVoted> {
  const { audience, ...body } = input;
  return ok(api.POST('/api/v1/kb/articles/{slug}/vote', { params: { path: { slug }, query: { audience } }, body }));
}

/** The relevant hits (the server cuts the loose tail) and how many there are in all. */
export async function searchKb(
  q: string,
  locale: Locale,
  limit: number,
  signal?: AbortSignal,
  audience: HelpAudience = 'customer',
): Promise<{ items: KbHit[]; total: number }> {
  return ok(api.GET('/api/v1/kb/search', { params: { query: { q, locale, limit, audience } }, signal }));
}

/** As-you-type suggestions: article titles matching what is typed (the last word may be unfinished). */
export async function suggestKb(q: string, locale: Locale, signal?: AbortSignal): Promise<KbSuggestion[]> {
  return (await ok(api.GET('/api/v1/kb/suggest', { params: { query: { q, locale } }, signal }))).items;
}
