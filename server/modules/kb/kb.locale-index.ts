/**
 * One language's part of the in-memory search index: stem → postings (variants with the rank
 * each contributes), the titles' trigrams, and every phrasing on its own (stem → phrasings, and
 * which variant each belongs to), with what inverse document frequency needs.
 */
import { decodePhrasings, decodeTerms, IntList, Posting, termRank } from './kb.terms';
import { TrigramIndex } from './kb.trigram';

export class LocaleIndex {
  readonly terms = new Map<string, Posting>();
  readonly titles = new TrigramIndex();
  /** Stem → the phrasings that have it. */
  readonly phrasingPostings = new Map<string, IntList>();
  /** Per phrasing: its variant's slot and its distinct stems. */
  readonly phrasingSlot = new IntList();
  readonly phrasingStems: string[][] = [];
  /** Variants of this language in the index (for inverse document frequency). */
  docs = 0;
  private sorted: string[] | null = null;

  add(slot: number, terms: string, titleNorm: string, phrasings: string): void {
    this.docs += 1;
    for (const [stem, a, b, c, d] of decodeTerms(terms)) {
      let p = this.terms.get(stem);
      if (!p) {
        this.terms.set(stem, (p = new Posting()));
        this.sorted = null;
      }
      p.push(slot, termRank(a, b, c, d), a > 0 ? 1 : 0);
    }
    this.titles.add(slot, titleNorm);
    for (const stems of decodePhrasings(phrasings)) {
      const id = this.phrasingStems.length;
      this.phrasingStems.push(stems);
      this.phrasingSlot.push(slot);
      for (const stem of stems) {
        let list = this.phrasingPostings.get(stem);
        if (!list) this.phrasingPostings.set(stem, (list = new IntList()));
        list.push(id);
      }
    }
  }

  /** A variant left the index (its postings stay until the next rebuild, skipped as invisible). */
  removed(): void {
    this.docs = Math.max(0, this.docs - 1);
  }

  /** How many variants have the stem (replaced ones included until a rebuild: an estimate). */
  df(stem: string): number {
    return this.terms.get(stem)?.size ?? 0;
  }

  /** Inverse document frequency: rare stems weigh more than common ones; 0 for an unknown stem. */
  idf(stem: string): number {
    const df = this.df(stem);
    return df === 0 ? 0 : Math.log(1 + this.docs / df);
  }

  /** Stems starting with `prefix` (as-you-type), from a sorted list built when first needed. */
  withPrefix(prefix: string): string[] {
    const sorted = (this.sorted ??= [...this.terms.keys()].sort());
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++) out.push(sorted[i]!);
    return out;
  }
}
