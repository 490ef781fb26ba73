/**
 * Trigram similarity as pg_trgm computes it, done in the app for the in-memory search index:
 * every word (a run of letters and digits, lower case) padded with two spaces in front and one
 * behind, cut into three-character pieces; similarity = shared / (|a| + |b| − shared) of the
 * distinct pieces. Typos are corrected against the lexicon with it, titles are compared with it.
 */

/** The distinct trigrams of a text (pg_trgm's `show_trgm`, as strings). */
export function trigrams(text: string): string[] {
  const out = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (!word) continue;
    const chars = [' ', ' ', ...word, ' '];
    for (let i = 0; i + 2 < chars.length; i++) out.add(chars[i]! + chars[i + 1]! + chars[i + 2]!);
  }
  return [...out];
}

/**
 * Items (numbered by the caller) with their trigrams interned as ascending ids, and postings
 * trigram → items, for "which items are at least this similar to a text" without a full scan.
 */
export class TrigramIndex {
  private readonly ids = new Map<string, number>();
  private readonly postings: number[][] = [];
  private readonly items: Int32Array[] = [];
  private counts = new Int32Array(0);
  private marks = new Uint8Array(0);

  /** The text's trigram ids, ascending; unknown trigrams are interned when `intern`, else dropped (they match nothing). */
  idsOf(text: string, intern: boolean): { ids: Int32Array; size: number } {
    const grams = trigrams(text);
    const out: number[] = [];
    for (const g of grams) {
      let id = this.ids.get(g);
      if (id === undefined && intern) {
        id = this.postings.length;
        this.ids.set(g, id);
        this.postings.push([]);
      }
      if (id !== undefined) out.push(id);
    }
    return { ids: Int32Array.from(out).sort(), size: grams.length };
  }

  add(item: number, text: string): void {
    const { ids } = this.idsOf(text, true);
    this.items[item] = ids;
    for (const id of ids) this.postings[id]!.push(item);
  }

  /** Marks a query's trigrams for markedSimilarity (unmark after: one marked query at a time). */
  mark(query: { ids: Int32Array }): void {
    if (this.marks.length < this.postings.length) this.marks = new Uint8Array(this.postings.length * 2);
    for (const id of query.ids) this.marks[id] = 1;
  }

  unmark(query: { ids: Int32Array }): void {
    for (const id of query.ids) this.marks[id] = 0;
  }

  /** pg_trgm's similarity of an item to the marked query of `size` trigrams (unknown ones counted too). */
  markedSimilarity(item: number, size: number): number {
    const own = this.items[item];
    if (!own || own.length === 0 || size === 0) return 0;
    const marks = this.marks;
    let shared = 0;
    for (let i = 0; i < own.length; i++) shared += marks[own[i]!]!;
    return shared / (own.length + size - shared);
  }

  /** How many trigrams the item has. */
  sizeOf(item: number): number {
    return this.items[item]?.length ?? 0;
  }

  /** Adds 1 to `counts[item]` per trigram an item shares with the query; items first counted go to `touched`. */
  countShared(query: { ids: Int32Array }, counts: Int32Array, touched: number[]): void {
    for (const id of query.ids)
      for (const item of this.postings[id]!) {
        if (counts[item] === 0) touched.push(item);
        counts[item]! += 1;
      }
  }

  /** Items at least `threshold` similar to the query (pg_trgm's `%`), with their similarity. */
  similar(query: { ids: Int32Array; size: number }, threshold: number, accept: (item: number) => boolean = () => true) {
    if (this.counts.length < this.items.length) this.counts = new Int32Array(Math.max(this.items.length, 64) * 2);
    const counts = this.counts;
    const touched: number[] = [];
    for (const id of query.ids)
      for (const item of this.postings[id]!) {
        if (counts[item] === 0) touched.push(item);
        counts[item]! += 1;
      }
    const out: Array<{ item: number; sim: number }> = [];
    for (const item of touched) {
      const shared = counts[item]!;
      counts[item] = 0;
      const sim = shared / (this.items[item]!.length + query.size - shared);
      if (sim >= threshold && accept(item)) out.push({ item, sim });
    }
    return out;
  }
}
