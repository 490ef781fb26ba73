import type { Audience, CatalogNode } from '../../api/requests';

/** Where each audience's wizard lives: customers at /contact, agents in their own section. */
export function contactBase(audience: Audience): string {
  return audience === 'agent' ? '/agents/contact' : '/contact';
}

/** The slugs after the wizard's base path: `/contact/terminals/not-credited` → ['terminals', 'not-credited']. */
export function slugsFromPath(pathname: string, base: string): string[] {
  if (pathname !== base && !pathname.startsWith(`${base}/`)) return [];
  return pathname
    .slice(base.length)
    .split('/')
    .filter(Boolean)
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });
}

export type Resolved =
  /** The nodes from the root down to the current one (empty at the root). */
  { found: true; trail: CatalogNode[] } | { found: false };

/** Follows `slugs` down the tree; not found when any slug names no child of the level above. */
export function resolveSlugs(roots: CatalogNode[], slugs: string[]): Resolved {
  const trail: CatalogNode[] = [];
  let level = roots;
  for (const slug of slugs) {
    const node = level.find((n) => n.slug === slug);
    if (!node) return { found: false };
    trail.push(node);
    level = node.children;
  }
  return { found: true, trail };
}

/** The wizard URL of the node at the end of `trail`. */
export function trailHref(base: string, trail: Array<Pick<CatalogNode, 'slug'>>): string {
  return trail.length === 0 ? base : `${base}/${trail.map((n) => encodeURIComponent(n.slug)).join('/')}`;
}

/**
 * The form page's heading: the leaf's meaning with its parent («Платёж через терминал не
 * дошёл — чек сохранился»), since the leaf's own name («Чек сохранился») means little alone.
 * The leaf's first letter is lowered unless it starts an abbreviation (SMS, QR).
 */
export function formHeading(names: string[]): string {
  const leaf = names.at(-1) ?? '';
  const parent = names.length >= 2 ? names.at(-2) : undefined;
  if (!parent || !leaf) return leaf;
  const lowered = /^\p{Lu}\p{Ll}/u.test(leaf) ? leaf.charAt(0).toLocaleLowerCase() + leaf.slice(1) : leaf;
  return `${parent} — ${lowered}`;
}
