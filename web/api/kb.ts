import type { Answer } from './http';
import type { Locale } from '../../common/errors';
import type { L10n } from '../../common/forms/types';
import { ApiError, apiRequest } from './client';

export type HelpAudience = 'customer' | 'agent';
export type KbArticleRef = { slug: string; locale: Locale; title: string; summary: string };
export type KbSectionNode = { slug: string; name: L10n; articleCount: number; children: KbSectionNode[] };
export type KbSectionPage = {
  slug: string;
  name: L10n;
  trail: Array<{ slug: string; name: L10n }>;
  children: Array<{ slug: string; name: L10n; articleCount: number }>;
  articles: KbArticleRef[];
};
export type KbVote = { helpful: boolean; comment: string | null };
export type KbArticlePage = Answer<'/api/v1/kb/articles/{slug}', 'get'>;
/** A search hit; `section` is the slug of its help-centre section (results are grouped by it). */
export type KbHit = { slug: string; title: string; snippet: string; score: number; section: string };
export type KbSuggestion = { slug: string; title: string };

const enc = encodeURIComponent;
const reader = (locale: Locale, audience: HelpAudience) => `locale=${locale}&audience=${audience}`;

export async function fetchKbSections(locale: Locale, audience: HelpAudience, signal?: AbortSignal): Promise<KbSectionNode[]> {
  const body = (await apiRequest('GET', `/kb/sections?${reader(locale, audience)}`, undefined, signal ? { signal } : {})) as {
    items: KbSectionNode[];
  };
  return body.items;
}

export async function fetchKbSection(slug: string, locale: Locale, audience: HelpAudience, signal?: AbortSignal) {
  return (await apiRequest(
    'GET',
    `/kb/sections/${enc(slug)}?${reader(locale, audience)}`,
    undefined,
    signal ? { signal } : {},
  )) as KbSectionPage;
}

export async function fetchKbPopular(locale: Locale, audience: HelpAudience, signal?: AbortSignal): Promise<KbArticleRef[]> {
  const body = (await apiRequest(
    'GET',
    `/kb/popular?${reader(locale, audience)}&limit=6`,
    undefined,
    signal ? { signal } : {},
  )) as {
    items: KbArticleRef[];
  };
  return body.items;
}

export async function fetchKbArticle(slug: string, locale: Locale, audience: HelpAudience, signal?: AbortSignal) {
  return (await apiRequest(
    'GET',
    `/kb/articles/${enc(slug)}?${reader(locale, audience)}`,
    undefined,
    signal ? { signal } : {},
  )) as KbArticlePage;
}

export async function voteKbArticle(
  slug: string,
  input: { locale: Locale; audience: HelpAudience; helpful: boolean; comment?: string },
): Promise<KbVote & { yes: number; no: number }> {
  const { audience, ...body } = input;
  return (await apiRequest('POST', `/kb/articles/${enc(slug)}/vote?audience=${audience}`, body)) as KbVote & {
    yes: number;
    no: number;
  };
}

/** The relevant hits (the server cuts the loose tail) and how many there are in all. */
export async function searchKb(
  q: string,
  locale: Locale,
  limit: number,
  signal?: AbortSignal,
  audience: HelpAudience = 'customer',
): Promise<{ items: KbHit[]; total: number }> {
  return (await apiRequest(
    'GET',
    `/kb/search?q=${enc(q)}&locale=${locale}&limit=${limit}&audience=${audience}`,
    undefined,
    signal ? { signal } : {},
  )) as { items: KbHit[]; total: number };
}

/**
 * As-you-type suggestions (`/kb/suggest`). Where the server has no such route yet (404), the
 * search itself stands in, so the box works either way.
 */
export async function suggestKb(q: string, locale: Locale, signal?: AbortSignal): Promise<KbSuggestion[]> {
  try {
    const body = (await apiRequest('GET', `/kb/suggest?q=${enc(q)}&locale=${locale}`, undefined, signal ? { signal } : {})) as {
      items: KbSuggestion[];
    };
    return body.items;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      return (await searchKb(q, locale, 6, signal)).items.map(({ slug, title }) => ({ slug, title }));
    }
    throw error;
  }
}
