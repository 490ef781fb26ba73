/**
 * The help centre's lexicon (kb_search_words: every word of the articles, as written) and its
 * trigrams: what a typo is corrected to (kb.search.ts). Replaced whole when the words change.
 */
import { allowedEdits, editDistance } from './kb.keyboard';
import { TrigramIndex } from './kb.trigram';

/** Corrections kept (the cache is emptied when full). */
const TYPOS_MAX = 5_000;

export class Lexicon {
  private readonly words: Set<string>;
  private readonly list: string[];
  private readonly trigrams = new TrigramIndex();
  private typos = new Map<string, string | null>();

  constructor(words: string[]) {
    this.words = new Set(words);
    this.list = [...this.words];
    this.list.forEach((w, i) => this.trigrams.add(i, w));
  }

  has(word: string): boolean {
    return this.words.has(word);
  }

  forgetTypos(): void {
    this.typos.clear();
  }

  /**
   * The lexicon word a typo most likely meant: among words sharing trigrams with it, the fewest
   * edits (Damerau–Levenshtein; at most allowedEdits of its length), then the most similar, then
   * the first alphabetically. Null when none is close enough ("купить" is not a typo of «купюру»).
   */
  nearest(word: string): string | null {
    const cached = this.typos.get(word);
    if (cached !== undefined) return cached;
    const query = this.trigrams.idsOf(word, false);
    const max = allowedEdits(word.length);
    let best: { word: string; edits: number; sim: number } | null = null;
    for (const { item, sim } of this.trigrams.similar(query, 0.2)) {
      const w = this.list[item]!;
      const edits = editDistance(word, w, max);
      if (edits > max) continue;
      if (!best || edits < best.edits || (edits === best.edits && (sim > best.sim || (sim === best.sim && w < best.word))))
        best = { word: w, edits, sim };
    }
    if (this.typos.size >= TYPOS_MAX) this.typos.clear();
    this.typos.set(word, best?.word ?? null);
    return best?.word ?? null;
  }
}
