/**
 * The help-centre search index held in memory, one per database per process: per locale an
 * inverted index stem → article variants (with the rank each contributes), the titles' trigrams,
 * the lexicon (for typo correction) and the synonym groups. Loaded from kb_search_docs /
 * kb_search_words / kb_synonyms on the first search, then kept current by small deltas:
 * at once when this process writes the index or the bus announces a change on another node
 * (`kb.index_changed`), and at most every REFRESH_MS by one cheap check in the background
 * (lost announcements, writes inside transactions). A search itself runs no SQL.
 * Design and ranking: docs/KB-SEARCH.md.
 */
import type { Executor } from '../../db/connection';
import type { SynonymGroup } from './kb.text';
import { LocaleIndex } from './kb.locale-index';
import { FallbackViews } from './kb.memory.fallback';
import {
  groupWeights,
  maskWeights,
  newNear,
  pick,
  featuresScore,
  offer,
  phrasingMatch,
  countAtLeast,
  SCORE,
  titleOnly,
  type IndexHit,
  type IndexQuery,
  type SearchFilter,
  type Near,
} from './kb.scoring';
import { Lexicon } from './kb.lexicon';
import { changeGeneration } from './kb.memory.changes';
import * as sqlOf from './kb.memory.sql';
import type { DocRow } from './kb.memory.sql';

export const REFRESH_MS = 5_000;
/** Index rows re-read below the newest revision seen (writes that committed out of order). */
const REV_MARGIN = 200;
/** More changed rows than this: reload everything. */
const DELTA_MAX = 2_000;
const LOAD_CHUNK = 1_000;
const RESULTS_MAX = 5_000;

type Doc = {
  id: string;
  rev: number;
  slug: string;
  locale: string;
  audience: string;
  section: string;
  published: boolean;
  title: string;
  summary: string;
  alive: boolean;
};

export class KbMemoryIndex {
  private docs: Doc[] = [];
  private byId = new Map<string, number>();
  private locales = new Map<string, LocaleIndex>();
  private alive = 0;
  private maxRev = 0;
  /** The lexicon (typo correction). */
  private lexicon = new Lexicon([]);
  private wordCount = -1;
  private synonymState = '';
  synonyms: SynonymGroup[] = [];
  /**
   * Finished results of recent queries (customers ask the same things), by the caller's key;
   * emptied whenever anything in the index changes, so a hit is always what a search would return now.
   */
  readonly results = new Map<string, unknown>();

  private loaded = false;
  private seenGeneration = -1;
  /** kb_search_state.version when this index was last brought up to date. */
  private version = -1;
  private checkedAt = 0;
  private running: Promise<void> | null = null;

  // Scratch space of a search (searches run synchronously, one at a time).
  private mask = new Uint32Array(0);
  private titleMask = new Uint32Array(0);
  private rank = new Float64Array(0);
  private best = new Float64Array(0);
  private shared = new Int32Array(0);
  private phrasingMask = new Uint32Array(0);
  /** The slots a search touched (each once), in the order first touched. */
  private touched = new Int32Array(0);
  /** Per slot: 1 when alive and published; the audience's code. */
  private visible = new Uint8Array(0);
  private audience = new Uint8Array(0);
  /** Per slot: log2(length + 1), ts_rank's normalisation 1. */
  private lengthNorm = new Float64Array(0);
  private audienceCodes = new Map<string, number>();
  /** What a Russian fallback search may offer (kb.memory.fallback.ts); emptied at every change. */
  private fallbacks = new FallbackViews();

  /** Makes the index current enough to search: loads it, applies announced changes, schedules the periodic check. */
  async ready(db: Executor): Promise<void> {
    if (!this.loaded || this.seenGeneration !== changeGeneration()) {
      await this.refresh(db);
      return;
    }
    if (Date.now() - this.checkedAt > REFRESH_MS && !this.running)
      // Not awaited: the search uses the index as it is; errors are retried at the next check.
      this.refresh(db).catch(() => undefined);
  }

  private refresh(db: Executor): Promise<void> {
    if (this.running) return this.running;
    const run = (async () => {
      const seen = changeGeneration();
      this.checkedAt = Date.now();
      if (!this.loaded) await this.loadAll(db);
      else await this.applyChanges(db);
      this.seenGeneration = seen;
      this.loaded = true;
    })();
    this.running = run.finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async loadAll(db: Executor): Promise<void> {
    this.version = await sqlOf.currentVersion(db);
    this.docs = [];
    this.visible = new Uint8Array(0);
    this.audience = new Uint8Array(0);
    this.lengthNorm = new Float64Array(0);
    this.byId = new Map();
    this.locales = new Map();
    this.alive = 0;
    this.maxRev = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const chunk = await sqlOf.docsAfter(db, after, LOAD_CHUNK);
      for (const r of chunk) this.put(r);
      if (chunk.length < LOAD_CHUNK) break;
      after = chunk[chunk.length - 1]!.article_id;
    }
    await this.loadLexicon(db, await sqlOf.stateOf(db));
  }

  private async loadLexicon(db: Executor, state: { words: number; synonyms: string }): Promise<void> {
    if (state.words !== this.wordCount) {
      this.results.clear();
      this.lexicon = new Lexicon(await sqlOf.lexicon(db));
      this.wordCount = state.words;
    }
    if (state.synonyms !== this.synonymState) {
      this.results.clear();
      this.synonyms = await sqlOf.synonymGroups(db);
      this.synonymState = state.synonyms;
    }
  }

  /** One cheap statement when nothing changed; else the changed rows (by revision), deletions, lexicon, synonyms. */
  private async applyChanges(db: Executor): Promise<void> {
    // The usual case: one primary-key read says nothing changed.
    const version = await sqlOf.currentVersion(db);
    if (version === this.version) return;
    this.version = version;
    const state = await sqlOf.stateOf(db);
    const rev = Number(state.rev);
    if (rev !== this.maxRev || state.docs !== this.alive) {
      const recent = await sqlOf.revisionsSince(db, Math.max(0, this.maxRev - REV_MARGIN), DELTA_MAX + 1);
      if (recent.length > DELTA_MAX) {
        await this.loadAll(db);
        return;
      }
      const wanted = recent
        .filter((r) => this.docs[this.byId.get(r.article_id) ?? -1]?.rev !== Number(r.rev))
        .map((r) => r.article_id);
      for (let i = 0; i < wanted.length; i += 500) {
        const ids = wanted.slice(i, i + 500);
        for (const r of await sqlOf.docsByIds(db, ids)) this.put(r);
      }
      if (state.docs !== this.alive) {
        // Rows were deleted (or committed out of order further back than the margin): compare the ids.
        const ids = await sqlOf.allRevisions(db);
        const present = new Set(ids.map((r) => r.article_id));
        for (const [id, slot] of this.byId) if (!present.has(id)) this.drop(slot, id);
        const missing = ids.filter((r) => this.docs[this.byId.get(r.article_id) ?? -1]?.rev !== Number(r.rev));
        if (missing.length > 0) {
          await this.loadAll(db);
          return;
        }
      }
      this.maxRev = Math.max(this.maxRev, rev);
      // Many replaced rows leave dead postings behind: rebuild from the database now and then.
      if (this.docs.length > 1_000 && this.docs.length > this.alive * 1.5) {
        await this.loadAll(db);
        return;
      }
    }
    await this.loadLexicon(db, state);
  }

  private put(r: DocRow): void {
    this.results.clear();
    this.fallbacks.clear();
    this.nearCache.clear();
    this.lexicon.forgetTypos();
    const old = this.byId.get(r.article_id);
    if (old !== undefined) this.drop(old, r.article_id);
    const slot = this.docs.length;
    const rev = Number(r.rev);
    this.docs.push({
      id: r.article_id,
      rev,
      slug: r.slug,
      locale: r.locale,
      audience: r.audience,
      section: r.section,
      published: Number(r.published) === 1,
      title: r.title,
      summary: r.summary,
      alive: true,
    });
    this.byId.set(r.article_id, slot);
    this.alive += 1;
    if (this.visible.length <= slot) {
      const grow = (old: Uint8Array) => {
        const next = new Uint8Array(Math.max(1_024, slot * 2));
        next.set(old);
        return next;
      };
      this.visible = grow(this.visible);
      this.audience = grow(this.audience);
      const norms = new Float64Array(this.visible.length);
      norms.set(this.lengthNorm);
      this.lengthNorm = norms;
    }
    this.lengthNorm[slot] = Math.log2(Number(r.length) + 1) || 1;
    let code = this.audienceCodes.get(r.audience);
    if (code === undefined) this.audienceCodes.set(r.audience, (code = this.audienceCodes.size));
    this.visible[slot] = Number(r.published) === 1 ? 1 : 0;
    this.audience[slot] = code;
    if (rev > this.maxRev) this.maxRev = rev;
    let locale = this.locales.get(r.locale);
    if (!locale) this.locales.set(r.locale, (locale = new LocaleIndex()));
    locale.add(slot, r.terms, r.title_norm, r.phrasings);
  }

  private drop(slot: number, id: string): void {
    const doc = this.docs[slot];
    if (!doc || !doc.alive) return;
    this.results.clear();
    this.fallbacks.clear();
    this.nearCache.clear();
    doc.alive = false;
    this.visible[slot] = 0;
    this.locales.get(doc.locale)?.removed();
    this.byId.delete(id);
    this.alive -= 1;
  }

  /** A result cached under `key`, or computed by `make` and kept (at most RESULTS_MAX keys). */
  cached<T>(key: string, make: () => T): T {
    const hit = this.results.get(key) as T | undefined;
    if (hit !== undefined) return hit;
    const value = make();
    if (this.results.size >= RESULTS_MAX) this.results.clear();
    this.results.set(key, value);
    return value;
  }

  // ───────── lexicon ─────────

  hasWord(word: string): boolean {
    return this.lexicon.has(word);
  }

  /** The lexicon word a typo most likely meant, or null (kb.lexicon.ts). */
  nearestWord(word: string): string | null {
    return this.lexicon.nearest(word);
  }

  // ───────── search ─────────

  /** Candidates by words, best first (see search), of recent queries; emptied with `results`. */
  private nearCache = new Map<string, Near>();

  private cacheNear(key: string, near: Near): void {
    if (this.nearCache.size >= RESULTS_MAX) this.nearCache.clear();
    this.nearCache.set(key, near);
  }

  /** Whether the language's index has the stem (a word known by its stem needs no typo correction), or with `prefix` some stem beginning with it. */
  hasStem(locale: string, stem: string, prefix = false): boolean {
    const part = this.locales.get(locale);
    return prefix ? (part?.withPrefix(stem).length ?? 0) > 0 : (part?.terms.has(stem) ?? false);
  }

  /**
   * Ranked variants of the locale visible to the audiences (published only); see kb.scoring.ts.
   * Variants matching no word come in only by a title similar to the query (≥ 0.3).
   */
  search(query: IndexQuery, filter: SearchFilter): { hits: IndexHit[]; total: number } {
    const part = this.locales.get(filter.locale);
    const n = query.groups.length;
    if (!part || n === 0 || filter.limit <= 0) return { hits: [], total: 0 };
    const size = this.docs.length;
    if (this.mask.length < size) {
      const cap = Math.max(1_024, size * 2);
      this.mask = new Uint32Array(cap);
      this.titleMask = new Uint32Array(cap);
      this.rank = new Float64Array(cap);
      this.best = new Float64Array(cap);
      this.shared = new Int32Array(cap);
      this.touched = new Int32Array(cap);
    }
    if (this.phrasingMask.length < part.phrasingStems.length)
      this.phrasingMask = new Uint32Array(Math.max(1_024, part.phrasingStems.length * 2));
    const { mask, titleMask, rank, best, shared, docs, phrasingMask } = this;
    // The variants matching the words and their scores without the title's similarity depend only
    // on the words' alternatives: typos corrected to the same words share them.
    const key = `${filter.locale}|${filter.fallbackFor ?? ''}|${filter.audiences.join(',')}|${filter.limit}|${query.prefixStem ?? ''}|${JSON.stringify(query.groups)}`;
    // (Hidden slugs change with the query: such a search is not kept; one collecting its matches visits them.)
    const known = filter.hideSlugs || filter.matchedSlugs ? undefined : this.nearCache.get(key);
    // (Counting needs every matching variant's score, which the candidates do not keep.)
    if (known && !filter.count) {
      const top = pick(docs, part, known, part.titles.idsOf(query.norm, false), filter.limit);
      if (top.length === filter.limit && top[top.length - 1]!.score > SCORE.titleSim) return { hits: top, total: top.length };
    }
    const allowed = new Uint8Array(this.audienceCodes.size + 1);
    for (const a of filter.audiences) {
      const code = this.audienceCodes.get(a);
      if (code !== undefined) allowed[code] = 1;
    }
    const visible = this.fallbacks.view(this.docs, this.visible, filter);
    const audience = this.audience;
    const weights = groupWeights(part, query.groups);
    const byMask = maskWeights(weights);
    const total = byMask[byMask.length - 1]!;

    // Stems: which words each variant matches (anywhere, in the title) and its rank.
    const touched = this.touched;
    let touchedCount = 0;
    const visit = (
      p: { slots: Int32Array; ranks: Float64Array; inTitle: Uint8Array; size: number },
      bit: number,
      addRank: boolean,
    ) => {
      const { slots, ranks, inTitle, size } = p;
      for (let i = 0; i < size; i++) {
        const slot = slots[i]!;
        if (mask[slot] === 0) {
          if (visible[slot] === 0 || allowed[audience[slot]!] === 0) continue;
          touched[touchedCount++] = slot;
        }
        mask[slot]! |= bit;
        if (inTitle[i] === 1) titleMask[slot]! |= bit;
        if (addRank) rank[slot]! += ranks[i]!;
      }
    };
    // ts_rank divides by the number of distinct query items; a stem in two groups counts (and ranks) once.
    const ranked = new Set<string>();
    query.groups.forEach((group, g) => {
      for (const stem of group) {
        const p = part.terms.get(stem);
        if (p) visit(p, 1 << g, !ranked.has(stem));
        ranked.add(stem);
      }
    });
    let items = ranked.size;
    if (query.prefixStem) {
      if (!ranked.has(query.prefixStem)) items += 1;
      for (const stem of part.withPrefix(query.prefixStem)) {
        if (stem === query.prefixStem && ranked.has(stem)) continue;
        visit(part.terms.get(stem)!, 1 << (n - 1), true);
      }
    }
    if (filter.matchedSlugs) for (let t = 0; t < touchedCount; t++) filter.matchedSlugs.add(docs[touched[t]!]!.slug);

    // Phrasings, each on its own: the words it shares with the query, then the best per variant.
    const phrasingTouched: number[] = [];
    query.groups.forEach((group, g) => {
      for (const stem of new Set(group)) {
        const list = part.phrasingPostings.get(stem);
        if (!list) continue;
        for (let i = 0; i < list.size; i++) {
          const id = list.items[i]!;
          if (phrasingMask[id] === 0) phrasingTouched.push(id);
          phrasingMask[id]! |= 1 << g;
        }
      }
    });
    for (const id of phrasingTouched) {
      const slot = part.phrasingSlot.items[id]!;
      const m = phrasingMask[id]!;
      phrasingMask[id] = 0;
      if (mask[slot] === 0) continue;
      let own = 0;
      for (const stem of part.phrasingStems[id]!) own += part.idf(stem);
      const match = phrasingMatch(byMask[m]!, total, own);
      if (match > best[slot]!) best[slot] = match;
    }

    // Without the title's similarity (at most 0.8), and the k-th best of that: only variants within
    // 0.8 of it can reach the list, and only theirs is computed.
    const { lengthNorm } = this;
    const kth = new Float64Array(filter.limit).fill(-1);
    for (let t = 0; t < touchedCount; t++) {
      const slot = touched[t]!;
      const b = featuresScore({
        coverage: byMask[mask[slot]!]! / total,
        titleCoverage: byMask[titleMask[slot]!]! / total,
        rank: rank[slot]! / items / lengthNorm[slot]!,
        phrasing: best[slot]!,
      });
      rank[slot] = b;
      if (b > kth[filter.limit - 1]!) {
        let at = filter.limit - 1;
        while (at > 0 && kth[at - 1]! < b) {
          kth[at] = kth[at - 1]!;
          at -= 1;
        }
        kth[at] = b;
      }
    }
    const kthBest = kth[filter.limit - 1]!;
    const floor = kthBest - SCORE.titleSim;
    let count = 0;
    for (let t = 0; t < touchedCount; t++) if (rank[touched[t]!]! >= floor) count += 1;
    const near = newNear(count);
    let head = 0;
    let tail = count;
    for (let t = 0; t < touchedCount; t++) {
      const slot = touched[t]!;
      const b = rank[slot]!;
      if (b < floor) continue;
      const at = b >= kthBest ? head++ : --tail;
      near.slots[at] = slot;
      near.base[at] = b;
      near.coverage[at] = byMask[mask[slot]!]! / total;
      near.phrasing[at] = best[slot]!;
      near.matched[at] = byMask[mask[slot]!]!;
    }
    if (!filter.hideSlugs) this.cacheNear(key, near);
    const title = part.titles.idsOf(query.norm, false);
    const top = pick(docs, part, near, title, filter.limit);
    // Titles like the query that match none of its words (a typo the lexicon could not correct):
    // they score at most 0.8, so they are looked for only when the list is not full above that.
    const eligible = (slot: number) => mask[slot] === 0 && visible[slot] === 1 && allowed[audience[slot]!] === 1;
    if (top.length < filter.limit || top[top.length - 1]!.score <= SCORE.titleSim)
      for (const [slot, sim] of titleOnly(part.titles, title, shared, eligible)) {
        filter.matchedSlugs?.add(docs[slot]!.slug);
        offer(top, filter.limit, docs[slot]!, { coverage: 0, phrasing: 0, matched: 0 }, SCORE.titleSim * sim);
      }
    // The search's count of relevant hits beyond its page (scores from `rank`, before it is cleared).
    const matched = { slots: touched, count: touchedCount, base: rank };
    const counting = filter.count;
    const relevant =
      counting && top[0]
        ? countAtLeast(
            part.titles,
            matched,
            title,
            { ...counting, best: Math.max(counting.best ?? 0, top[0].score) },
            { shared, eligible },
          )
        : 0;
    for (let t = 0; t < touchedCount; t++) {
      const slot = touched[t]!;
      mask[slot] = 0;
      titleMask[slot] = 0;
      rank[slot] = 0;
      best[slot] = 0;
    }
    return { hits: top, total: counting ? relevant : top.length };
  }
}

const indexes = new WeakMap<object, KbMemoryIndex>();

/** The index of a database (keyed by its Drizzle handle: pass the root database, not a transaction). */
export async function memoryIndex(db: Executor): Promise<KbMemoryIndex> {
  let index = indexes.get(db);
  if (!index) indexes.set(db, (index = new KbMemoryIndex()));
  await index.ready(db);
  return index;
}
