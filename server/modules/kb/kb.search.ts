/**
 * Help-centre search: the index rows (kb_search_docs, kb_search_words) and the query, which
 * runs against the in-memory index built from them (kb.memory.ts).
 * Ranking is explained in docs/KB-SEARCH.md.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import type { Locale } from '../../../common/errors';
import type { Executor } from '../../db/connection';
import { kbArticles } from '../../db/schema';
import { bumpVersion, encodeTerms, kbIndexChanged, memoryIndex, type KbMemoryIndex } from './kb.memory';
import { clip, expandSynonyms, highlight, isStopWord, normalize, stems, stemWord, tokenize, type SynonymGroup } from './kb.text';

export type SearchAudience = 'customer' | 'agent';
export type SearchInput = { q: string; locale: Locale; limit: number; audience?: SearchAudience };
export type SearchHit = { slug: string; title: string; snippet: string; score: number };
/** A hit with what the consultant needs to judge it: the share of the query's words it matched. */
export type RankedHit = SearchHit & { summary: string; coverage: number };

/** Which articles an audience may find: customers never see agents' articles and vice versa. */
export const audiencesFor = (audience: SearchAudience): string[] =>
  audience === 'agent' ? ['agent', 'all'] : ['customer', 'all'];

const MAX_QUERY_WORDS = 8;

const rows = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

// ───────────────────────────── index ─────────────────────────────

type ArticleRow = {
  id: string;
  slug: string;
  locale: string;
  audience: string;
  title: string;
  summary: string;
  body: string;
  tags: string[];
  status: string;
};

const asLocale = (l: string): Locale => (l === 'uk' || l === 'en' ? l : 'ru');

/** Strips Markdown punctuation that would otherwise glue to words (links keep their text). */
const plain = (markdown: string) => markdown.replace(/\]\([^)]*\)/g, ']').replace(/[*_#>`~|[\]]/g, ' ');

const ARTICLE_COLUMNS = {
  id: kbArticles.id,
  slug: kbArticles.slug,
  locale: kbArticles.locale,
  audience: kbArticles.audience,
  title: kbArticles.title,
  summary: kbArticles.summary,
  body: kbArticles.body,
  tags: kbArticles.tags,
  status: kbArticles.status,
};

/** (Re)indexes one article variant by its kb_articles id; removes it from the index when the row is gone. */
export async function indexArticle(db: Executor, articleId: string): Promise<'indexed' | 'removed'> {
  const [article] = await db.select(ARTICLE_COLUMNS).from(kbArticles).where(eq(kbArticles.id, articleId)).limit(1);
  kbIndexChanged();
  if (!article) {
    await db.execute(sql`WITH bump AS (${bumpVersion()}) DELETE FROM kb_search_docs WHERE article_id = ${articleId}`);
    return 'removed';
  }
  const words = new Set<string>();
  await writeDocs(db, [article], words);
  await insertWords(db, [...words]);
  return 'indexed';
}

/** The index row of a variant: its stems per field (title A, short answer + tags B, body C). */
function docRow(a: ArticleRow) {
  const locale = asLocale(a.locale);
  const tags = a.tags.join(' ');
  const { terms, length } = encodeTerms([
    stems(a.title, locale),
    stems(`${a.summary} ${tags}`, locale),
    stems(plain(a.body), locale),
  ]);
  return sql`(${a.id}::uuid, ${a.slug}, ${a.locale}, ${a.audience}, ${a.status === 'published' ? 1 : 0}, ${a.title}, ${a.summary}, ${normalize(a.title)}, ${terms}, ${length}, now())`;
}

/** Writes the index rows (one statement per 100); the articles' words go into `collect` for one lexicon insert per batch. */
async function writeDocs(db: Executor, articles: ArticleRow[], collect: Set<string>): Promise<void> {
  for (let i = 0; i < articles.length; i += 100) {
    const chunk = articles.slice(i, i + 100);
    await db.execute(sql`
      WITH bump AS (${bumpVersion()})
      INSERT INTO kb_search_docs (article_id, slug, locale, audience, published, title, summary, title_norm, terms, length, indexed_at)
      VALUES ${sql.join(chunk.map(docRow), sql`, `)}
      ON CONFLICT (article_id) DO UPDATE SET
        slug = excluded.slug, locale = excluded.locale, audience = excluded.audience, published = excluded.published,
        title = excluded.title, summary = excluded.summary, title_norm = excluded.title_norm,
        terms = excluded.terms, length = excluded.length, rev = excluded.rev, indexed_at = now()`);
    for (const a of chunk) for (const w of lexiconWords([a.title, a.summary, a.tags.join(' '), a.body].join(' '))) collect.add(w);
  }
}

const lexiconWords = (text: string) =>
  [...new Set(tokenize(text, 20_000))].filter((w) => w.length >= 3 && w.length <= 40 && !/^\d+$/.test(w));

async function insertWords(db: Executor, words: string[]): Promise<void> {
  for (let i = 0; i < words.length; i += 5_000) {
    const chunk = words.slice(i, i + 5_000);
    await db.execute(
      sql`WITH bump AS (${bumpVersion()}) INSERT INTO kb_search_words (word) SELECT unnest(${`{${chunk.join(',')}}`}::text[]) ON CONFLICT DO NOTHING`,
    );
  }
  if (words.length > 0) kbIndexChanged();
}

/** Adds words to the lexicon that typos are corrected against. */
export async function addWords(db: Executor, text: string): Promise<void> {
  const words = lexiconWords(text);
  if (words.length > 0) await insertWords(db, words);
}

/**
 * Indexes every article variant that has no index row or changed since it was indexed
 * (start-up backfill and the seed); returns how many it indexed.
 */
export async function indexMissing(db: Executor, batch = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const found = rows<{ id: string }>(
      await db.execute(sql`
        SELECT a.id FROM kb_articles a LEFT JOIN kb_search_docs d ON d.article_id = a.id
         WHERE d.article_id IS NULL OR d.indexed_at < a.updated_at
         LIMIT ${batch}`),
    );
    if (found.length > 0) {
      const articles = await db
        .select(ARTICLE_COLUMNS)
        .from(kbArticles)
        .where(
          inArray(
            kbArticles.id,
            found.map((r) => r.id),
          ),
        );
      const words = new Set<string>();
      await writeDocs(db, articles, words);
      await insertWords(db, [...words]);
      kbIndexChanged();
    }
    total += found.length;
    if (found.length < batch) return total;
  }
}

// ───────────────────────────── synonyms ─────────────────────────────

/** The synonym groups as this process holds them (with the index; current within seconds on every node). */
export async function loadSynonyms(db: Executor): Promise<SynonymGroup[]> {
  return (await memoryIndex(db)).synonyms;
}

/** After the synonyms changed: searches on this process re-read them first. */
export function forgetSynonyms(_db?: Executor): void {
  kbIndexChanged();
}

// ───────────────────────────── query ─────────────────────────────

export type ParsedQuery = {
  /** Normalised query text (trigram comparisons). */
  norm: string;
  /** Per content word: its alternatives (typo correction, synonyms) as stems. */
  groups: string[][];
  /** The last word, typed in part (suggestions and as-you-type search). */
  prefix: string | null;
  /** The stem of that word (prefix-matched against the index's stems). */
  prefixStem: string | null;
};

const safe = (s: string) => /^[\p{L}\p{N}]+$/u.test(s);

/** Corrects words the index has never seen to the nearest one it has (trigram similarity ≥ 0.3), keeping the original too. */
function correct(index: KbMemoryIndex, words: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const w of words) {
    if (w.length < 4 || /\d/.test(w) || index.hasWord(w)) continue;
    const near = index.nearestWord(w);
    if (near) out.set(w, near);
  }
  return out;
}

export async function parseQuery(
  db: Executor,
  q: string,
  locale: Locale,
  options: { prefix?: boolean } = {},
): Promise<ParsedQuery> {
  return parseWith(await memoryIndex(db), q, locale, options);
}

function parseWith(index: KbMemoryIndex, q: string, locale: Locale, options: { prefix?: boolean }): ParsedQuery {
  const norm = normalize(q).slice(0, 200);
  const all = tokenize(norm).filter(safe);
  const words = all.filter((w) => !isStopWord(w)).slice(0, MAX_QUERY_WORDS);
  const fixes = correct(index, words);
  const synonyms = index.synonyms;
  const fixed = words.map((w) => fixes.get(w) ?? w);
  const expanded = expandSynonyms(fixed, synonyms, locale);
  const wordAlts = expanded.map((alts, i) => [...new Set([words[i]!, ...alts])]);
  const groups = wordAlts.map((alts) => [
    ...new Set(
      alts.flatMap((a) =>
        tokenize(a)
          .filter(safe)
          .map((w) => stemWord(w, locale)),
      ),
    ),
  ]);
  const endsInWord = /[\p{L}\p{N}]$/u.test(q.trim());
  const lastWord = words[words.length - 1];
  const prefix =
    (options.prefix ?? true) && endsInWord && lastWord && lastWord === all[all.length - 1] && lastWord.length >= 3
      ? lastWord
      : null;
  const prefixStem = prefix ? stemWord(prefix, locale) : null;
  return {
    norm,
    groups,
    prefix,
    prefixStem: prefixStem && prefixStem.length >= 3 ? prefixStem : prefix,
  };
}

/** Ranked hits with highlights; an empty list when the query has no words worth searching for. */
export async function rankArticles(db: Executor, input: SearchInput, options: { prefix?: boolean } = {}): Promise<RankedHit[]> {
  const locale = input.locale;
  if (normalize(input.q).length < 2) return [];
  const index = await memoryIndex(db);
  const audience = input.audience ?? 'customer';
  // The result depends on the normalised text and on whether the last word is unfinished (ё/е, case, punctuation alike).
  const endsInWord = /[\p{L}\p{N}]$/u.test(input.q.trim());
  const key = `${locale}|${audience}|${input.limit}|${options.prefix ?? true}|${endsInWord}|${normalize(input.q)}`;
  const hits = index.cached(key, () => rank(index, input.q, { locale, audience, limit: input.limit }, options));
  return hits.map((h) => ({ ...h }));
}

function rank(
  index: KbMemoryIndex,
  q: string,
  filter: { locale: Locale; audience: SearchAudience; limit: number },
  options: { prefix?: boolean },
): RankedHit[] {
  const { locale } = filter;
  const parsed = parseWith(index, q, locale, options);
  if (parsed.groups.length === 0) return [];
  const found = index.search(parsed, { locale, audiences: audiencesFor(filter.audience), limit: filter.limit });
  const marks = new Set(parsed.groups.flat());
  const prefixes = parsed.prefix ? [parsed.prefix] : [];
  return found.map((r) => ({
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    snippet: highlight(clip(r.summary, 240), marks, locale, prefixes),
    score: Math.round(r.score * 1000) / 1000,
    coverage: r.coverage,
  }));
}

export async function searchArticles(db: Executor, input: SearchInput): Promise<SearchHit[]> {
  const hits = await rankArticles(db, input);
  return hits.map(({ slug, title, snippet, score }) => ({ slug, title, snippet, score }));
}

/** As-you-type suggestions: titles of the best matches, the last word taken as typed in part. */
export async function suggestArticles(
  db: Executor,
  input: { q: string; locale: Locale; audience?: SearchAudience; limit?: number },
): Promise<Array<{ slug: string; title: string }>> {
  const hits = await rankArticles(db, { ...input, limit: input.limit ?? 6 }, { prefix: true });
  return hits.map(({ slug, title }) => ({ slug, title }));
}
