/**
 * Which Russian variants a search for a reader of another language may offer (docs/KB-SEARCH.md,
 * "Readers of other languages"): the index's `visible` (1 per published, alive slot) with the
 * variants of some articles hidden. Both views are made from the index's slots; the index
 * empties them at every change.
 */
import type { SearchFilter } from './kb.scoring';

type Slot = { slug: string; locale: string; audience: string; alive: boolean };

export class FallbackViews {
  /** Per reader's language and audiences (`uk|customer,all`): see `without`. */
  private byLocale = new Map<string, Uint8Array>();
  /** Slug → its variants' slots; built when first asked. */
  private slotsOfSlug: Map<string, number[]> | null = null;

  /** The `visible` a search uses: the index's, or a fallback's (`hideSlugs`, else `fallbackFor`). */
  view(docs: Slot[], visible: Uint8Array, filter: SearchFilter): Uint8Array {
    if (filter.hideSlugs) return this.except(docs, visible, filter.hideSlugs);
    return filter.fallbackFor ? this.without(docs, visible, filter.fallbackFor, filter.audiences) : visible;
  }

  clear(): void {
    this.byLocale.clear();
    this.slotsOfSlug = null;
  }

  /** `visible` without the variants of articles that have a variant in `locale` visible to the audiences (kept per both). */
  without(docs: Slot[], visible: Uint8Array, locale: string, audiences: string[]): Uint8Array {
    const key = `${locale}|${audiences.join(',')}`;
    const known = this.byLocale.get(key);
    if (known) return known;
    const allowed = new Set(audiences);
    const own = new Set<string>();
    docs.forEach((d, slot) => {
      if (visible[slot] === 1 && d.locale === locale && allowed.has(d.audience)) own.add(d.slug);
    });
    const out = visible.slice();
    docs.forEach((d, slot) => {
      if (out[slot] === 1 && own.has(d.slug)) out[slot] = 0;
    });
    this.byLocale.set(key, out);
    return out;
  }

  /** `visible` without the variants of these articles (a copy per call: the set is the query's). */
  except(docs: Slot[], visible: Uint8Array, slugs: ReadonlySet<string>): Uint8Array {
    if (!this.slotsOfSlug) {
      const map = new Map<string, number[]>();
      docs.forEach((d, slot) => {
        if (!d.alive) return;
        const list = map.get(d.slug);
        if (list) list.push(slot);
        else map.set(d.slug, [slot]);
      });
      this.slotsOfSlug = map;
    }
    const out = visible.slice();
    for (const slug of slugs) for (const slot of this.slotsOfSlug.get(slug) ?? []) out[slot] = 0;
    return out;
  }
}
