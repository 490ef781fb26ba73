/**
 * Help-centre search: the index rows (kb_search_docs, kb_search_words) and the query, which
 * runs against the in-memory index built from them (kb.memory.ts).
 * Ranking is explained in docs/KB-SEARCH.md.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import type { Locale } from '../../../common/errors';
import { asLocale } from '../../platform/locale';
import type { Executor } from '../../db/connection';
import { kbArticles } from '../../db/schema';
import { fromCyrillicLayout, fromLatinLayout, fromTranslit } from './kb.keyboard';
import { withImplied } from './kb.intent';
import { memoryIndex, type KbMemoryIndex } from './kb.memory';
import { roundScore, type IndexHit } from './kb.scoring';
import { kbIndexChanged } from './kb.memory.changes';
import { bumpVersion } from './kb.memory.sql';
import { encodePhrasings, encodeTerms } from './kb.terms';
import { clip, expandSynonyms, highlight, isStopWord, normalize, stems, stemWord, tokenize } from './kb.text';

export type SearchAudience = 'customer' | 'agent';
export type SearchInput = { q: string; locale: Locale; limit: number; audience?: SearchAudience };
/** `locale`: the variant's language — Russian when the reader's has none, or a query typed in Russian does not match theirs (marked «in Russian»). */
export type SearchHit = { slug: string; locale: Locale; title: string; snippet: string; score: number; section: string };
/**
 * A hit with what the consultant needs to judge it: the (weighted) share of the query's words it
 * matched and how well its best phrasing matched the question.
 */
export type RankedHit = SearchHit & { summary: string; coverage: number; phrasing: number; matched: number };

/** Which articles an audience may find: customers never see agents' articles and vice versa. */
export const audiencesFor = (audience: SearchAudience): string[] =>
  audience === 'agent' ? ['agent', 'all'] : ['customer', 'all'];

/** Content words of a query that count (a mask of them is kept per variant; 2^10 weights are tabled). */
const MAX_QUERY_WORDS = 10;

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
  phrasings: string[];
  section: string;
  status: string;
};

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
  phrasings: kbArticles.phrasings,
  section: kbArticles.section,
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

/** The index row of a variant: its stems per field (title A, short answer + tags B, body C, phrasings D) and each phrasing's. */
function docRow(a: ArticleRow) {
  const locale = asLocale(a.locale);
  const tags = a.tags.join(' ');
  const phrasings = a.phrasings.map((p) => stems(p, locale));
  const { terms, length } = encodeTerms([
    stems(a.title, locale),
    stems(`${a.summary} ${tags}`, locale),
    stems(plain(a.body), locale),
    phrasings.flat(),
  ]);
  return sql`(${a.id}::uuid, ${a.slug}, ${a.locale}, ${a.audience}, ${a.section}, ${a.status === 'published' ? 1 : 0}, ${a.title}, ${a.summary}, ${normalize(a.title)}, ${terms}, ${encodePhrasings(phrasings)}, ${length}, now())`;
}

/** Writes the index rows (one statement per 100); the articles' words go into `collect` for one lexicon insert per batch. */
async function writeDocs(db: Executor, articles: ArticleRow[], collect: Set<string>): Promise<void> {
  for (let i = 0; i < articles.length; i += 100) {
    const chunk = articles.slice(i, i + 100);
    await db.execute(sql`
      WITH bump AS (${bumpVersion()})
      INSERT INTO kb_search_docs (article_id, slug, locale, audience, section, published, title, summary, title_norm, terms, phrasings, length, indexed_at)
      VALUES ${sql.join(chunk.map(docRow), sql`, `)}
      ON CONFLICT (article_id) DO UPDATE SET
        slug = excluded.slug, locale = excluded.locale, audience = excluded.audience, section = excluded.section, published = excluded.published,
        title = excluded.title, summary = excluded.summary, title_norm = excluded.title_norm,
        terms = excluded.terms, phrasings = excluded.phrasings, length = excluded.length, rev = excluded.rev, indexed_at = now()`);
    for (const a of chunk)
      for (const w of lexiconWords([a.title, a.summary, a.tags.join(' '), a.body, ...a.phrasings].join(' '))) collect.add(w);
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
  /** How many of its content words the language's index has by their stem (which language the query reads as). */
  known: number;
  /** The stem of that word (prefix-matched against the index's stems). */
  prefixStem: string | null;
};

const safe = (s: string) => /^[\p{L}\p{N}]+$/u.test(s);

/** Whether the help centre knows a word: as it is (the lexicon) or by its stem (another form of it). */
const knows = (index: KbMemoryIndex, word: string, locale: Locale) =>
  index.hasWord(word) || index.hasStem(locale, stemWord(word, locale));

/**
 * Tokens typed in the wrong layout or in transliteration, re-read: "pf,kjrbhjdfkb" →
 * «заблокировали», "zablokirovali" → the same, "ыьы" → "sms". A token is re-read only when it
 * is unknown as typed and the re-reading is known (or one typo away from a known word).
 */
function fixLayout(index: KbMemoryIndex, q: string, locale: Locale): string {
  if (!/[a-z[\];',.`]/i.test(q) && !/[а-яё]/i.test(q)) return q;
  return q
    .split(/\s+/)
    .map((token) => {
      const words = tokenize(token);
      if (words.length === 0 || words.every((w) => isStopWord(w) || /\d/.test(w) || knows(index, w, locale))) return token;
      const usable = (w: string | null) => w !== null && w.length >= 2 && (knows(index, w, locale) || isStopWord(w));
      const candidates = [
        fromLatinLayout(token.replace(/[^a-z[\];',.`]/gi, ''), locale),
        words.length === 1 ? fromCyrillicLayout(words[0]!) : null,
        words.length === 1 ? fromTranslit(words[0]!) : null,
      ].map((c) => (c === null ? null : normalize(c)));
      const direct = candidates.find(usable);
      if (direct) return direct;
      const translit = candidates[2];
      const near = translit && translit.length >= 4 ? index.nearestWord(translit) : null;
      return near ?? token;
    })
    .join(' ');
}

/** Corrects words the index knows neither as typed nor by stem to the nearest lexicon word (a few edits away), keeping the original too. */
function correct(index: KbMemoryIndex, words: string[], locale: Locale): Map<string, string> {
  const out = new Map<string, string>();
  for (const w of words) {
    if (w.length < 4 || /\d/.test(w) || knows(index, w, locale)) continue;
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
  const norm = normalize(fixLayout(index, q, locale)).slice(0, 200);
  const all = tokenize(norm).filter(safe);
  const words = [...new Set(all.filter((w) => !isStopWord(w)))].slice(0, MAX_QUERY_WORDS);
  const endsInWord = /[\p{L}\p{N}]$/u.test(q.trim());
  const lastWord = words[words.length - 1];
  const prefix =
    (options.prefix ?? true) && endsInWord && lastWord && lastWord === all[all.length - 1] && lastWord.length >= 3
      ? lastWord
      : null;
  const prefixStem = prefix ? stemWord(prefix, locale) : null;
  const fixes = correct(index, words, locale);
  // A last word still being typed («кошелек забл») that begins known words is not a typo: correcting it
  // («забыл») would rank another article first; the prefix match finds what it begins.
  if (prefix && index.hasStem(locale, prefixStem && prefixStem.length >= 3 ? prefixStem : prefix, true)) fixes.delete(prefix);
  const synonyms = index.synonyms;
  const fixed = words.map((w) => fixes.get(w) ?? w);
  const expanded = expandSynonyms(fixed, synonyms, locale);
  // A word's alternatives are single words: "учетная запись" stands for "аккаунт" only when both its words are asked.
  const wordAlts = expanded.map((alts, i) => [...new Set([words[i]!, fixed[i]!, ...alts.filter((a) => !a.includes(' '))])]);
  const groups = withImplied(
    all,
    words,
    wordAlts.map((alts) => [
      ...new Set(
        alts.flatMap((a) =>
          tokenize(a)
            .filter(safe)
            .map((w) => stemWord(w, locale)),
        ),
      ),
    ]),
  );
  return {
    norm,
    groups,
    prefix,
    known: words.filter((w) => index.hasStem(locale, stemWord(w, locale))).length,
    prefixStem: prefixStem && prefixStem.length >= 3 ? prefixStem : prefix,
  };
}

/**
 * A ranked list as the result cache keeps it: the hits without their snippets, which are made
 * from what the query marks only when a caller shows them (the search shows 5 of the 50 it ranks
 * to count) and then kept with the list.
 */
type Ranked = {
  hits: Array<Omit<RankedHit, 'snippet'>>;
  /** With `count`: how many hits score at least RELATIVE_FLOOR of the best, up to `count`; else the hits'. */
  total: number;
  snippets: Array<string | undefined>;
  /** Per language searched: the stems the query marks and its unfinished word. */
  marks: Map<Locale, { stems: Set<string>; prefixes: string[] }>;
};

/** The snippet of the list's i-th hit: its short answer, cut, the query's words (as that language reads them) marked. */
function snippetOf(ranked: Ranked, i: number): string {
  const hit = ranked.hits[i]!;
  const marks = ranked.marks.get(hit.locale);
  return (ranked.snippets[i] ??= highlight(clip(hit.summary, 240), marks?.stems ?? new Set(), hit.locale, marks?.prefixes ?? []));
}

/**
 * The ranked list of a query, from the result cache when it was asked recently; null when it has
 * no words worth searching for. `count`: also count the relevant hits, up to that many.
 */
async function rankedList(
  db: Executor,
  input: SearchInput,
  options: { prefix?: boolean; count?: number },
): Promise<Ranked | null> {
  const locale = input.locale;
  if (normalize(input.q).length < 2) return null;
  const index = await memoryIndex(db);
  const audience = input.audience ?? 'customer';
  // The result depends on the normalised text and on whether the last word is unfinished (ё/е, case, punctuation alike).
  const endsInWord = /[\p{L}\p{N}]$/u.test(input.q.trim());
  const key = `${locale}|${audience}|${input.limit}|${options.count ?? 0}|${options.prefix ?? true}|${endsInWord}|${normalize(input.q)}`;
  return index.cached(key, () => rank(index, input.q, { locale, audience, limit: input.limit }, options));
}

/** Ranked hits with highlights; an empty list when the query has no words worth searching for. */
export async function rankArticles(db: Executor, input: SearchInput, options: { prefix?: boolean } = {}): Promise<RankedHit[]> {
  const ranked = await rankedList(db, input, options);
  if (!ranked) return [];
  // Copies: callers may change what they get, the cached list stays as it was.
  return ranked.hits.map((h, i) => ({
    slug: h.slug,
    locale: h.locale,
    title: h.title,
    summary: h.summary,
    section: h.section,
    snippet: snippetOf(ranked, i),
    score: h.score,
    coverage: h.coverage,
    phrasing: h.phrasing,
    matched: h.matched,
  }));
}

/** Hits ordered as one index orders them: score descending, then slug. */
const byScore = (a: IndexHit, b: IndexHit) => b.score - a.score || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);

/**
 * The reader's language and, for a reader of uk or en, Russian (docs/KB-SEARCH.md, "Readers of
 * other languages"): the query is parsed for each language as that language reads it (its stems,
 * layout, typos) and the two lists merge by the same score. Russian offers the articles with no
 * variant in the reader's language and, when the query reads as Russian (more of its words known
 * to the Russian index by their Russian stems than to the reader's by theirs), also those whose
 * variant the reader's search did not match; a slug comes once, the reader's variant first.
 * Counted against the merged list's best, so `total` is what a longer page would hold.
 */
function rank(
  index: KbMemoryIndex,
  q: string,
  filter: { locale: Locale; audience: SearchAudience; limit: number },
  options: { prefix?: boolean; count?: number },
): Ranked {
  const { locale, limit } = filter;
  const audiences = audiencesFor(filter.audience);
  const count = options.count ? { upTo: options.count, share: RELATIVE_FLOOR } : undefined;
  const parts: Array<{ locale: Locale; parsed: ParsedQuery; fallbackFor?: Locale }> = [
    { locale, parsed: parseWith(index, q, locale, options) },
  ];
  if (locale !== 'ru') parts.push({ locale: 'ru', parsed: parseWith(index, q, 'ru', options), fallbackFor: locale });
  // A query read as Russian: the articles the reader's own search matches keep their Russian variants out, the rest may come.
  const readsAsRussian = parts.length > 1 && parts[1]!.parsed.known > parts[0]!.parsed.known;
  const matchedSlugs = readsAsRussian ? new Set<string>() : undefined;
  const searchPart = (p: (typeof parts)[number], best?: number) =>
    p.parsed.groups.length === 0
      ? { hits: [], total: 0 }
      : index.search(p.parsed, {
          locale: p.locale,
          audiences,
          limit,
          ...(count ? { count: best === undefined ? count : { ...count, best } } : {}),
          ...(p.fallbackFor ? (matchedSlugs ? { hideSlugs: matchedSlugs } : { fallbackFor: p.fallbackFor }) : { matchedSlugs }),
        });
  // The Russian part counts against at least the reader's best; the reader's is counted again only when Russian's is better.
  const found = [searchPart(parts[0]!)];
  if (parts[1]) found.push(searchPart(parts[1], found[0]!.hits[0]?.score));
  let hits = found[0]!.hits;
  let total = found[0]!.total;
  if (found.length > 1) {
    const best = Math.max(...found.map((f) => f.hits[0]?.score ?? 0));
    const ownBest = found[0]!.hits[0]?.score;
    const totals = [
      count && ownBest !== undefined && ownBest < best ? searchPart(parts[0]!, best).total : found[0]!.total,
      found[1]!.total,
    ];
    // One variant per article, the reader's where both came.
    const own = new Set(found[0]!.hits.map((h) => h.slug));
    hits = found
      .flatMap((f) => f.hits)
      .sort(byScore)
      .filter((h) => h.locale === locale || !own.has(h.slug))
      .slice(0, limit);
    total = count ? Math.min(count.upTo, totals[0]! + totals[1]!) : hits.length;
  }
  return {
    total,
    hits: hits.map((r) => ({
      slug: r.slug,
      locale: asLocale(r.locale),
      title: r.title,
      summary: r.summary,
      section: r.section,
      score: roundScore(r.score),
      coverage: r.coverage,
      phrasing: r.phrasing,
      matched: r.matched,
    })),
    snippets: [],
    marks: new Map(
      parts.map((p) => [
        p.locale,
        { stems: new Set(p.parsed.groups.flat()), prefixes: p.parsed.prefix ? [p.parsed.prefix] : [] },
      ]),
    ),
  };
}

/** Hits scoring under this share of the best one are the loose tail of a search ("заблокировали кошелёк" → hotline phones): cut. */
export const RELATIVE_FLOOR = 0.5;
/** Up to how many relevant hits are counted beyond a page. */
const COUNT_LIMIT = 50;

/**
 * The help centre's search: the relevant hits (within RELATIVE_FLOOR of the best), the first
 * `limit` of them, and how many there are.
 */
export async function searchArticles(db: Executor, input: SearchInput): Promise<{ items: SearchHit[]; total: number }> {
  // The page is ranked; the relevant hits beyond it (up to COUNT_LIMIT) are only counted.
  const ranked = await rankedList(db, input, { count: Math.max(input.limit, COUNT_LIMIT) });
  if (!ranked) return { items: [], total: 0 };
  const { hits } = ranked;
  const floor = (hits[0]?.score ?? 0) * RELATIVE_FLOOR;
  const items: SearchHit[] = [];
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!;
    if (h.score >= floor)
      items.push({
        slug: h.slug,
        locale: h.locale,
        title: h.title,
        snippet: snippetOf(ranked, i),
        score: h.score,
        section: h.section,
      });
  }
  return { items, total: ranked.total };
}

/** As-you-type suggestions: titles of the best matches, the last word taken as typed in part. */
export async function suggestArticles(
  db: Executor,
  input: { q: string; locale: Locale; audience?: SearchAudience; limit?: number },
): Promise<Array<{ slug: string; locale: Locale; title: string }>> {
  const ranked = await rankedList(db, { ...input, limit: input.limit ?? 6 }, { prefix: true });
  return (ranked?.hits ?? []).map(({ slug, locale, title }) => ({ slug, locale, title }));
}
