/**
 * The catalogue leaf the consultant suggests writing to: the one that lists the answering article,
 * else the one whose name shares the question's words. Read from the catalogue (its tables, read only).
 */
import { sql } from 'drizzle-orm';
import type { Locale } from '../../../common/errors';
import type { Executor } from '../../db/connection';
import { type RankedHit, stems } from '../kb';

export type BotAudience = 'customer' | 'agent';
export type BotCategory = { id: string; slug: string; name: string; url: string };

const rows = <T>(r: unknown): T[] => (r as { rows: T[] }).rows;

type Leaf = {
  id: string;
  slug: string;
  name: Record<Locale, string>;
  path: string[];
  articleSlugs: string[];
  stems: Map<Locale, Set<string>>;
};
const leafCache = new WeakMap<object, Map<BotAudience, { at: number; leaves: Leaf[] }>>();

/** An audience's active catalogue leaves with their wizard paths (cached for 30 s per database). */
async function leavesOf(db: Executor, audience: BotAudience): Promise<Leaf[]> {
  const cache = leafCache.get(db);
  const hit = cache?.get(audience);
  if (hit && Date.now() - hit.at < 30_000) return hit.leaves;
  const found = rows<{ id: string; slug: string; name: Record<Locale, string>; path: string[]; article_slugs: string[] }>(
    await db.execute(sql`
      WITH RECURSIVE tree AS (
        SELECT id, slug, name, is_leaf, active, article_slugs, ARRAY[slug] AS path, position
          FROM categories WHERE parent_id IS NULL AND audience = ${audience} AND active
        UNION ALL
        SELECT c.id, c.slug, c.name, c.is_leaf, c.active, c.article_slugs, tree.path || c.slug, c.position
          FROM categories c JOIN tree ON c.parent_id = tree.id WHERE c.active
      )
      SELECT id, slug, name, path, article_slugs FROM tree WHERE is_leaf ORDER BY path`),
  );
  const leaves = found.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    path: r.path,
    articleSlugs: r.article_slugs,
    stems: new Map((['ru', 'uk', 'en'] as const).map((l) => [l, new Set(stems(r.name[l] ?? '', l))])),
  }));
  if (!cache) leafCache.set(db, new Map([[audience, { at: Date.now(), leaves }]]));
  else cache.set(audience, { at: Date.now(), leaves });
  return leaves;
}

const present = (leaf: Leaf, locale: Locale, audience: BotAudience): BotCategory => ({
  id: leaf.id,
  slug: leaf.slug,
  name: leaf.name[locale] || leaf.name.ru,
  url: `${audience === 'agent' ? '/agents/contact' : '/contact'}/${leaf.path.map(encodeURIComponent).join('/')}`,
});

/**
 * The leaf to write to: one that lists the best article (the leaf named like it first, then the
 * one listing it earliest), else the leaf whose name shares most of the question's words.
 */
export async function findCategory(
  db: Executor,
  question: string,
  locale: Locale,
  best: RankedHit | undefined,
  audience: BotAudience = 'customer',
): Promise<BotCategory | undefined> {
  const leaves = await leavesOf(db, audience);
  if (best) {
    const linked = leaves
      .filter((l) => l.articleSlugs.includes(best.slug))
      .sort(
        (a, b) =>
          Number(b.slug === best.slug) - Number(a.slug === best.slug) ||
          a.articleSlugs.indexOf(best.slug) - b.articleSlugs.indexOf(best.slug),
      );
    if (linked[0]) return present(linked[0], locale, audience);
  }
  const words = [...new Set(stems(question, locale))];
  if (words.length === 0) return undefined;
  let top: { leaf: Leaf; share: number } | undefined;
  for (const leaf of leaves) {
    const names = leaf.stems.get(locale)!;
    const share = words.filter((w) => names.has(w)).length / words.length;
    if (share > (top?.share ?? 0)) top = { leaf, share };
  }
  return top && top.share >= 0.5 ? present(top.leaf, locale, audience) : undefined;
}
