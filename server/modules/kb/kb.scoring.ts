/**
 * Ranking a query against one language's index (docs/KB-SEARCH.md, "A query"):
 *
 *   score = 2 × coverage + 1 × title coverage + 2 × rank + 2 × phrasing + 0.8 × title similarity
 *
 * - coverage: the share of the query's words a variant has anywhere (title, short answer, tags,
 *   body, phrasings), each word weighted by its inverse document frequency — "кошелёк" is in half
 *   the articles and says less than "купюра"; a word no article has weighs UNKNOWN_WEIGHT
 *   ("вчера", "сестре": neither for nor against an article);
 * - title coverage: the same, in the title only;
 * - rank: PostgreSQL's ts_rank (normalisation 1) of the OR of the words' alternatives (kb.terms.ts);
 * - phrasing: how well the best single phrasing matches — Dice's overlap of the weighted words
 *   of the query and of the phrasing: 1 when a customer asks exactly what a phrasing says;
 * - title similarity: pg_trgm's, of the title and the whole query.
 *
 * The title similarity (at most 0.8) is computed only for variants that can still reach the list.
 * `featuresScore` is the formula. The two features PostgreSQL also computes (ts_rank, pg_trgm's
 * similarity) are checked against it on the demo help centre by kb.parity.test.ts.
 */
import type { LocaleIndex } from './kb.locale-index';
import type { TrigramIndex } from './kb.trigram';

/** A query as the index takes it (see parseQuery): per word its alternative stems; the unfinished last word's stem. */
export type IndexQuery = { norm: string; groups: string[][]; prefixStem: string | null };
/**
 * What a search returns: the first `limit` variants of the locale visible to the audiences; with
 * `count`, also how many score at least `share` of the best (up to `upTo`).
 */
export type SearchFilter = {
  locale: string;
  audiences: string[];
  limit: number;
  /** `best`: count against this score when it is above the list's own best (a list merged from two languages). */
  count?: { upTo: number; share: number; best?: number };
  /**
   * Searching Russian for a reader of another language: `fallbackFor` offers only articles with no
   * variant in that language visible to the audiences; `hideSlugs`, only articles not in the set
   * (the ones the reader's own search matched).
   */
  fallbackFor?: string;
  hideSlugs?: ReadonlySet<string>;
  /** Filled with the slugs of the variants matching some word of the query (its own-language search). */
  matchedSlugs?: Set<string>;
};
export type IndexHit = {
  slug: string;
  /** The variant's language (another than the reader's for a Russian fallback). */
  locale: string;
  title: string;
  summary: string;
  section: string;
  /** Weighted share of the query's words the variant has. */
  coverage: number;
  /** The best phrasing's match (0–1). */
  phrasing: number;
  /** The summed weight of the query's words it has (how much evidence, not only what share). */
  matched: number;
  score: number;
};

/** The weight of a word that no article of the language has. */
export const UNKNOWN_WEIGHT = 0.35;
export const SCORE = { coverage: 2, title: 1, rank: 2, phrasing: 2, titleSim: 0.8 } as const;

/** Per word group: its weight — √ of the inverse document frequency of its most common alternative, or UNKNOWN_WEIGHT. */
export function groupWeights(part: LocaleIndex, groups: string[][]): number[] {
  return groups.map((alts) => {
    let w = Infinity;
    for (const a of alts) {
      const idf = part.idf(a);
      if (idf > 0 && idf < w) w = idf;
    }
    // The square root: a rare word counts more than a common one, but one rare word in passing does not outweigh the rest.
    return w === Infinity ? UNKNOWN_WEIGHT : Math.sqrt(w);
  });
}

/** Σ of the weights of the groups whose bits are set, for every mask of up to 8 groups. */
export function maskWeights(weights: number[]): Float64Array {
  const out = new Float64Array(1 << weights.length);
  for (let m = 1; m < out.length; m++) {
    const low = m & -m;
    out[m] = out[m ^ low]! + weights[31 - Math.clz32(low)]!;
  }
  return out;
}

/** A score as lists show it (and as their floors compare it): three decimals. */
export const roundScore = (score: number): number => Math.round(score * 1000) / 1000;

/** The score without the title similarity, from the features every path computes alike. */
export function featuresScore(f: { coverage: number; titleCoverage: number; rank: number; phrasing: number }): number {
  return SCORE.coverage * f.coverage + SCORE.title * f.titleCoverage + SCORE.rank * f.rank + SCORE.phrasing * f.phrasing;
}

/** Dice's overlap of a phrasing and the query: 2 × weight shared / (query's weight + phrasing's weight). */
export function phrasingMatch(shared: number, queryWeight: number, phrasingWeight: number): number {
  const total = queryWeight + phrasingWeight;
  return total === 0 ? 0 : Math.min(1, (2 * shared) / total);
}

/**
 * The variants matching a query's words that can reach its list (within 0.8 of the k-th best score
 * without the title), with that score, their coverage and phrasing match; those at or above the k-th best first.
 */
export type Near = {
  slots: Int32Array;
  base: Float64Array;
  coverage: Float64Array;
  phrasing: Float64Array;
  matched: Float64Array;
};

export const newNear = (count: number): Near => ({
  slots: new Int32Array(count),
  base: new Float64Array(count),
  coverage: new Float64Array(count),
  phrasing: new Float64Array(count),
  matched: new Float64Array(count),
});

export type Doc = { slug: string; locale: string; title: string; summary: string; section: string };

const worse = (score: number, slug: string, than: { score: number; slug: string }) =>
  score < than.score || (score === than.score && slug > than.slug);

/** Puts a variant into the ordered list (score descending, then slug) if it belongs there. */
export function offer(
  top: IndexHit[],
  limit: number,
  doc: Doc,
  features: { coverage: number; phrasing: number; matched: number },
  score: number,
): void {
  if (top.length === limit && worse(score, doc.slug, top[top.length - 1]!)) return;
  let at = top.length;
  while (at > 0 && worse(top[at - 1]!.score, top[at - 1]!.slug, { score, slug: doc.slug })) at -= 1;
  top.splice(at, 0, {
    slug: doc.slug,
    locale: doc.locale,
    title: doc.title,
    summary: doc.summary,
    section: doc.section,
    coverage: features.coverage,
    phrasing: features.phrasing,
    matched: features.matched,
    score,
  });
  if (top.length > limit) top.pop();
}

/**
 * The list from the candidates: adds the title's similarity to each score without it, skipping
 * every candidate whose bound cannot reach the list — the similarity is at most min/max of the
 * two trigram counts, exactly that when one holds all of the other's trigrams.
 */
export function pick(
  docs: Doc[],
  part: LocaleIndex,
  near: Near,
  title: { ids: Int32Array; size: number },
  limit: number,
): IndexHit[] {
  const top: IndexHit[] = [];
  const titles = part.titles;
  const q = title.size;
  const features = (i: number) => ({ coverage: near.coverage[i]!, phrasing: near.phrasing[i]!, matched: near.matched[i]! });
  if (q === 0) {
    for (let i = 0; i < near.slots.length; i++) offer(top, limit, docs[near.slots[i]!]!, features(i), near.base[i]!);
    return top;
  }
  titles.mark(title);
  try {
    for (let i = 0; i < near.slots.length; i++) {
      const b = near.base[i]!;
      const slot = near.slots[i]!;
      if (top.length === limit) {
        const own = titles.sizeOf(slot);
        const bound = own === 0 ? 0 : own < q ? own / q : q / own;
        if (b + SCORE.titleSim * bound < top[limit - 1]!.score) continue;
      }
      offer(top, limit, docs[slot]!, features(i), b + SCORE.titleSim * titles.markedSimilarity(slot, q));
    }
  } finally {
    titles.unmark(title);
  }
  return top;
}

/**
 * How many of the query's hits score at least `share` of the `best` one (rounded as lists show
 * them: the help centre's relevance floor), up to `upTo` — what a list of `upTo` would hold at or
 * above it, without ranking that list. A matching variant whose score without the title reaches
 * the floor counts as it is; its title's similarity is computed only when the floor is within the
 * title's reach; titles like the query that match none of its words (≤ 0.8) are looked at only
 * when the floor is that low. `base` is indexed by slot.
 */
export function countAtLeast(
  titles: TrigramIndex,
  matched: { slots: Int32Array; count: number; base: Float64Array },
  title: { ids: Int32Array; size: number },
  limits: { best: number; share: number; upTo: number },
  similar: { eligible: (slot: number) => boolean; shared: Int32Array },
): number {
  const floor = roundScore(limits.best) * limits.share;
  const { upTo } = limits;
  const q = title.size;
  let count = 0;
  const near: number[] = [];
  for (let i = 0; i < matched.count; i++) {
    const b = matched.base[matched.slots[i]!]!;
    if (roundScore(b) >= floor) {
      if (++count >= upTo) return upTo;
    } else if (q > 0 && roundScore(b + SCORE.titleSim) >= floor) near.push(i);
  }
  if (near.length > 0) {
    titles.mark(title);
    try {
      for (const i of near) {
        const slot = matched.slots[i]!;
        const b = matched.base[slot]!;
        const own = titles.sizeOf(slot);
        const bound = own === 0 ? 0 : own < q ? own / q : q / own;
        if (roundScore(b + SCORE.titleSim * bound) < floor) continue;
        if (roundScore(b + SCORE.titleSim * titles.markedSimilarity(slot, q)) >= floor && ++count >= upTo) return upTo;
      }
    } finally {
      titles.unmark(title);
    }
  }
  if (floor <= SCORE.titleSim && count < upTo)
    for (const [, sim] of titleOnly(titles, title, similar.shared, similar.eligible))
      if (roundScore(SCORE.titleSim * sim) >= floor) count += 1;
  return Math.min(count, upTo);
}

/**
 * Variants like the query by title (similarity ≥ 0.3) that match none of its words: `eligible`
 * says which slots may be offered (visible, for the audience, not matched). `shared` is scratch,
 * left zeroed.
 */
export function titleOnly(
  titles: TrigramIndex,
  title: { ids: Int32Array; size: number },
  shared: Int32Array,
  eligible: (slot: number) => boolean,
): Array<[number, number]> {
  const touched: number[] = [];
  const out: Array<[number, number]> = [];
  titles.countShared(title, shared, touched);
  for (const slot of touched) {
    const common = shared[slot]!;
    shared[slot] = 0;
    if (!eligible(slot)) continue;
    const sim = common / (titles.sizeOf(slot) + title.size - common);
    if (sim >= 0.3) out.push([slot, sim]);
  }
  return out;
}
