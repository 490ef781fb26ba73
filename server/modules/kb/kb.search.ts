/**
 * Help-centre search: the index (kb_search_docs, kb_search_words) and the query.
 * Ranking is explained in docs/KB-SEARCH.md.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Locale } from '../../../common/errors';
import type { Executor } from '../../db/connection';
import { kbArticles, kbSearchDocs, kbSynonyms } from '../../db/schema';
import { clip, expandSynonyms, highlight, isStopWord, normalize, stems, stemWord, tokenize, type SynonymGroup } from './kb.text';

export type SearchAudience = 'customer' | 'agent';
export type SearchInput = { q: string; locale: Locale; limit: number; audience?: SearchAudience };
export type SearchHit = { slug: string; title: string; snippet: string; score: number };
/** A hit with what the consultant needs to judge it: the share of the query's words it matched. */
export type RankedHit = SearchHit & { summary: string; coverage: number };

/** Which articles an audience may find: customers never see agents' articles and vice versa. */
export const audiencesFor = (audience: SearchAudience): string[] =>
  audience === 'agent' ? ['agent', 'all'] : ['customer', 'all'];

/** Ranked within the filters among at most this many matching rows. */
export const CANDIDATE_LIMIT = 300;
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

/** (Re)indexes one article variant by its kb_articles id; removes it from the index when the row is gone. */
export async function indexArticle(
  db: Executor,
  articleId: string,
  options: { words?: Set<string> } = {},
): Promise<'indexed' | 'removed'> {
  const [article] = await db
    .select({
      id: kbArticles.id,
      slug: kbArticles.slug,
      locale: kbArticles.locale,
      audience: kbArticles.audience,
      title: kbArticles.title,
      summary: kbArticles.summary,
      body: kbArticles.body,
      tags: kbArticles.tags,
      status: kbArticles.status,
    })
    .from(kbArticles)
    .where(eq(kbArticles.id, articleId))
    .limit(1);
  if (!article) {
    await db.delete(kbSearchDocs).where(eq(kbSearchDocs.articleId, articleId));
    return 'removed';
  }
  await writeDoc(db, article, options.words);
  return 'indexed';
}

/** Writes the index row; the article's words go to the lexicon now, or into `collect` for one insert per batch. */
async function writeDoc(db: Executor, a: ArticleRow, collect?: Set<string>): Promise<void> {
  const locale = asLocale(a.locale);
  const body = plain(a.body);
  const tags = a.tags.join(' ');
  const norm = (s: string) => normalize(s);
  const st = (s: string) => stems(s, locale).join(' ');
  await db.execute(sql`
    INSERT INTO kb_search_docs (article_id, slug, locale, audience, published, title, summary, title_norm, ru_vector, stem_vector, indexed_at)
    VALUES (${a.id}, ${a.slug}, ${a.locale}, ${a.audience}, ${a.status === 'published' ? 1 : 0}, ${a.title}, ${a.summary}, ${norm(a.title)},
      setweight(to_tsvector('russian', ${norm(a.title)}), 'A') || setweight(to_tsvector('russian', ${norm(`${a.summary} ${tags}`)}), 'B') || setweight(to_tsvector('russian', ${norm(body)}), 'C'),
      setweight(to_tsvector('simple', ${st(a.title)}), 'A') || setweight(to_tsvector('simple', ${st(`${a.summary} ${tags}`)}), 'B') || setweight(to_tsvector('simple', ${st(body)}), 'C'),
      now())
    ON CONFLICT (article_id) DO UPDATE SET
      slug = excluded.slug, locale = excluded.locale, audience = excluded.audience, published = excluded.published,
      title = excluded.title, summary = excluded.summary, title_norm = excluded.title_norm,
      ru_vector = excluded.ru_vector, stem_vector = excluded.stem_vector, indexed_at = now()`);
  const text = [a.title, a.summary, tags, body].join(' ');
  if (collect) for (const w of lexiconWords(text)) collect.add(w);
  else await addWords(db, text);
}

const lexiconWords = (text: string) =>
  [...new Set(tokenize(text, 20_000))].filter((w) => w.length >= 3 && w.length <= 40 && !/^\d+$/.test(w));

async function insertWords(db: Executor, words: string[]): Promise<void> {
  for (let i = 0; i < words.length; i += 5_000) {
    const chunk = words.slice(i, i + 5_000);
    await db.execute(
      sql`INSERT INTO kb_search_words (word) SELECT unnest(${`{${chunk.join(',')}}`}::text[]) ON CONFLICT DO NOTHING`,
    );
  }
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
    const ids = rows<{ id: string }>(
      await db.execute(sql`
        SELECT a.id FROM kb_articles a LEFT JOIN kb_search_docs d ON d.article_id = a.id
         WHERE d.article_id IS NULL OR d.indexed_at < a.updated_at
         LIMIT ${batch}`),
    );
    const words = new Set<string>();
    for (const { id } of ids) await indexArticle(db, id, { words });
    await insertWords(db, [...words]);
    total += ids.length;
    if (ids.length < batch) return total;
  }
}

// ───────────────────────────── synonyms ─────────────────────────────

const synonymCache = new WeakMap<object, { at: number; groups: SynonymGroup[] }>();
const SYNONYM_TTL_MS = 10_000;

/** The synonym groups, cached for a few seconds per database (an admin's change clears it at once on this node). */
export async function loadSynonyms(db: Executor): Promise<SynonymGroup[]> {
  const hit = synonymCache.get(db);
  if (hit && Date.now() - hit.at < SYNONYM_TTL_MS) return hit.groups;
  const groups = (await db.select({ terms: kbSynonyms.terms }).from(kbSynonyms)).map((r) => r.terms);
  synonymCache.set(db, { at: Date.now(), groups });
  return groups;
}

export function forgetSynonyms(db: Executor): void {
  synonymCache.delete(db);
}

// ───────────────────────────── query ─────────────────────────────

export type ParsedQuery = {
  /** Normalised query text (trigram comparisons). */
  norm: string;
  /** Per content word: its alternatives (typo correction, synonyms) as stems. */
  groups: string[][];
  /** The same alternatives as words, for the `russian` configuration. */
  words: string[][];
  /** The last word, typed in part (suggestions and as-you-type search). */
  prefix: string | null;
  /** The stem of that word (prefix-matched in the app-stemmed vector). */
  prefixStem: string | null;
};

const safe = (s: string) => /^[\p{L}\p{N}]+$/u.test(s);

/** Corrects words the index has never seen to the nearest one it has (pg_trgm), keeping the original too. */
async function correct(db: Executor, words: string[]): Promise<Map<string, string>> {
  const candidates = words.filter((w) => w.length >= 4 && !/\d/.test(w));
  if (candidates.length === 0) return new Map();
  const found = rows<{ w: string; near: string | null }>(
    await db.execute(sql`
      SELECT t.w, CASE WHEN EXISTS (SELECT 1 FROM kb_search_words WHERE word = t.w) THEN NULL
                  ELSE (SELECT word FROM kb_search_words WHERE word % t.w ORDER BY similarity(word, t.w) DESC, word LIMIT 1) END AS near
        FROM unnest(${`{${candidates.join(',')}}`}::text[]) AS t(w)`),
  );
  return new Map(found.filter((r) => r.near).map((r) => [r.w, r.near!]));
}

export async function parseQuery(
  db: Executor,
  q: string,
  locale: Locale,
  options: { prefix?: boolean } = {},
): Promise<ParsedQuery> {
  const norm = normalize(q).slice(0, 200);
  const all = tokenize(norm).filter(safe);
  const words = all.filter((w) => !isStopWord(w)).slice(0, MAX_QUERY_WORDS);
  const fixes = await correct(db, words);
  const synonyms = await loadSynonyms(db);
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
    words: wordAlts.map((alts) => alts.flatMap((a) => tokenize(a).filter(safe))),
    prefix,
    prefixStem: prefixStem && prefixStem.length >= 3 ? prefixStem : prefix,
  };
}

const orQuery = (terms: string[]) => terms.join(' | ');

/** The tsquery text of one word's alternatives (stems), optionally restricted to the title (weight A). */
function stemGroupQuery(group: string[], isLast: boolean, prefix: string | null, weight = ''): string {
  const parts = group.map((s) => `${s}${weight ? `:${weight}` : ''}`);
  if (isLast && prefix) parts.push(`${prefix}:*${weight}`);
  return `(${orQuery(parts)})`;
}

/**
 * The search statement (not run): candidates matching any alternative of any word (Russian stems,
 * app stems, or a title like the query) within locale, audience and publication, under a LIMIT;
 * then ranked among themselves. Tests EXPLAIN it.
 */
export function searchStatement(parsed: ParsedQuery, input: { locale: Locale; audience: SearchAudience; limit: number }): SQL {
  const audiences = `{${audiencesFor(input.audience).join(',')}}`;
  const n = parsed.groups.length;
  const stemAll = parsed.groups.map((g, i) => stemGroupQuery(g, i === n - 1, parsed.prefixStem)).join(' | ');
  const ruAll = orQuery(parsed.words.flat());
  const coverage = sql.join(
    parsed.groups.map(
      (g, i) => sql`(stem_vector @@ to_tsquery('simple', ${stemGroupQuery(g, i === n - 1, parsed.prefixStem)}))::int`,
    ),
    sql` + `,
  );
  const titleCoverage = sql.join(
    parsed.groups.map(
      (g, i) => sql`(stem_vector @@ to_tsquery('simple', ${stemGroupQuery(g, i === n - 1, parsed.prefixStem, 'A')}))::int`,
    ),
    sql` + `,
  );
  const sq = sql`to_tsquery('simple', ${stemAll})`;
  const rq = sql`to_tsquery('russian', ${ruAll})`;
  return sql`
    WITH candidates AS (
      SELECT d.slug, d.title, d.summary, d.title_norm, d.ru_vector, d.stem_vector
        FROM kb_search_docs d
       WHERE (d.stem_vector @@ ${sq} OR d.ru_vector @@ ${rq} OR d.title_norm % ${parsed.norm})
         AND d.locale = ${input.locale} AND d.audience = ANY(${audiences}::text[]) AND d.published = 1
       LIMIT ${CANDIDATE_LIMIT}
    ), scored AS (
      SELECT c.slug, c.title, c.summary,
             ((${coverage})::float8 / ${n}) AS coverage,
             ((${titleCoverage})::float8 / ${n}) AS title_coverage,
             ts_rank(c.stem_vector, ${sq}, 1) AS stem_rank,
             ts_rank(c.ru_vector, ${rq}, 1) AS ru_rank,
             similarity(c.title_norm, ${parsed.norm}) AS title_sim
        FROM candidates c
    )
    SELECT slug, title, summary, coverage,
           (2.0 * coverage + 1.0 * title_coverage + stem_rank + ru_rank + 0.8 * title_sim)::float8 AS score
      FROM scored
     ORDER BY score DESC, slug
     LIMIT ${input.limit}`;
}

/** Ranked hits with highlights; an empty list when the query has no words worth searching for. */
export async function rankArticles(db: Executor, input: SearchInput, options: { prefix?: boolean } = {}): Promise<RankedHit[]> {
  const locale = input.locale;
  if (normalize(input.q).length < 2) return [];
  const parsed = await parseQuery(db, input.q, locale, options);
  if (parsed.groups.length === 0) return [];
  const found = rows<{ slug: string; title: string; summary: string; coverage: number; score: number }>(
    await db.execute(searchStatement(parsed, { locale, audience: input.audience ?? 'customer', limit: input.limit })),
  );
  const marks = new Set(parsed.groups.flat());
  const prefixes = parsed.prefix ? [parsed.prefix] : [];
  return found.map((r) => ({
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    snippet: highlight(clip(r.summary, 240), marks, locale, prefixes),
    score: Math.round(Number(r.score) * 1000) / 1000,
    coverage: Number(r.coverage),
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
