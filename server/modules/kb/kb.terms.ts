/**
 * The index row's terms and what one stem contributes to the rank — PostgreSQL's `ts_rank`
 * (calc_rank_or) over a tsvector whose positions run through the fields in order: title (A),
 * short answer + tags (B), body (C), the customers' phrasings (D). kb.parity.test.ts builds that
 * tsvector in SQL and asks PostgreSQL, so the two are checked against each other.
 */

/** ts_rank's weights of the fields {D, C, B, A}: the phrasings (D) above the body and the short answer. */
export const FIELD_WEIGHTS = { A: 1.0, B: 0.4, C: 0.2, D: 0.6 } as const;
/** The same as PostgreSQL's weights array (D, C, B, A order). */
export const TS_RANK_WEIGHTS = `{${FIELD_WEIGHTS.D},${FIELD_WEIGHTS.C},${FIELD_WEIGHTS.B},${FIELD_WEIGHTS.A}}`;

// Σ 1/i² for ts_rank's diminishing repeats.
const H2 = new Float64Array(258);
for (let i = 1; i < H2.length; i++) H2[i] = H2[i - 1]! + 1 / (i * i);

/**
 * What one stem contributes to `ts_rank` in a document where it occurs `a` times in the title,
 * `b` in the short answer and tags, `c` in the body, `d` in the phrasings: each position weighted
 * and divided by its rank squared, the heaviest occurrence counted as if it came first, over π²/6.
 */
export function termRank(a: number, b: number, c: number, d = 0): number {
  const counts = [a, b, c, d];
  const weights = [FIELD_WEIGHTS.A, FIELD_WEIGHTS.B, FIELD_WEIGHTS.C, FIELD_WEIGHTS.D];
  let at = 0;
  let sum = 0;
  let wjm = -1;
  let jm = 0;
  for (let f = 0; f < 4; f++) {
    const from = Math.min(at, 256);
    const to = Math.min(at + counts[f]!, 256);
    if (to > from) {
      sum += weights[f]! * (H2[to]! - H2[from]!);
      if (weights[f]! > wjm) {
        wjm = weights[f]!;
        jm = from;
      }
    }
    at += counts[f]!;
  }
  if (wjm < 0) return 0;
  return (wjm + sum - wjm / ((jm + 1) * (jm + 1))) / 1.64493406685;
}

/** The index row's `terms`: "stem:a:b:c:d" per distinct stem (occurrences per field), and the number of stems. */
export function encodeTerms(fields: [string[], string[], string[], string[]]): { terms: string; length: number } {
  const counts = new Map<string, [number, number, number, number]>();
  let length = 0;
  fields.forEach((stems, f) => {
    for (const s of stems) {
      if (!s) continue;
      let c = counts.get(s);
      if (!c) counts.set(s, (c = [0, 0, 0, 0]));
      c[f as 0 | 1 | 2 | 3] += 1;
      length += 1;
    }
  });
  return { terms: [...counts].map(([s, c]) => `${s}:${c.join(':')}`).join(' '), length };
}

/** Reads `terms` back: stem and its counts per field (rows written before phrasings have three counts). */
export function* decodeTerms(terms: string): Generator<[string, number, number, number, number]> {
  for (const entry of terms.split(' ')) {
    if (!entry) continue;
    const [stem, a, b, c, d] = entry.split(':') as [string, string, string, string, string | undefined];
    yield [stem, +a, +b, +c, d === undefined ? 0 : +d];
  }
}

/** The index row's `phrasings`: the stems of each phrasing (distinct, in order), phrasings separated by "|". */
export const encodePhrasings = (phrasings: string[][]): string =>
  phrasings
    .map((p) => [...new Set(p)].join(' '))
    .filter(Boolean)
    .join('|');

export const decodePhrasings = (text: string): string[][] =>
  text ? text.split('|').map((p) => p.split(' ').filter(Boolean)) : [];

/** Postings of one stem in typed arrays (slots ascending, each one's rank, 1 when in the title), grown by doubling. */
export class Posting {
  size = 0;
  slots = new Int32Array(4);
  ranks = new Float64Array(4);
  inTitle = new Uint8Array(4);

  push(slot: number, rank: number, inTitle: number): void {
    if (this.size === this.slots.length) {
      const slots = new Int32Array(this.size * 2);
      slots.set(this.slots);
      this.slots = slots;
      const ranks = new Float64Array(this.size * 2);
      ranks.set(this.ranks);
      this.ranks = ranks;
      const titles = new Uint8Array(this.size * 2);
      titles.set(this.inTitle);
      this.inTitle = titles;
    }
    this.slots[this.size] = slot;
    this.ranks[this.size] = rank;
    this.inTitle[this.size] = inTitle;
    this.size += 1;
  }
}

/** A growable list of ints (phrasing postings). */
export class IntList {
  size = 0;
  items = new Int32Array(4);

  push(value: number): void {
    if (this.size === this.items.length) {
      const next = new Int32Array(this.size * 2);
      next.set(this.items);
      this.items = next;
    }
    this.items[this.size++] = value;
  }
}
