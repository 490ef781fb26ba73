import type { AdminNode } from '../api';

export type Located = { node: AdminNode; parentId: string | null; siblings: AdminNode[]; depth: number };

/** Finds a node with its parent and siblings (in order), or null. */
export function locate(tree: readonly AdminNode[], id: string): Located | null {
  const walk = (level: readonly AdminNode[], parentId: string | null, depth: number): Located | null => {
    for (const node of level) {
      if (node.id === id) return { node, parentId, siblings: [...level], depth };
      const found = walk(node.children, node.id, depth + 1);
      if (found) return found;
    }
    return null;
  };
  return walk(tree, null, 0);
}

/** The ids of the siblings after moving `id` one place up or down; null when it cannot move. */
export function reorderedSiblings(siblings: readonly AdminNode[], id: string, delta: -1 | 1): string[] | null {
  const i = siblings.findIndex((n) => n.id === id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= siblings.length) return null;
  const ids = siblings.map((n) => n.id);
  [ids[i], ids[j]] = [ids[j] as string, ids[i] as string];
  return ids;
}

export type Branch = { id: string; name: AdminNode['name']; depth: number; active: boolean };

/** The nodes that can hold children (not leaves), depth first, for "parent" pickers. */
export function branches(tree: readonly AdminNode[], depth = 0): Branch[] {
  return tree.flatMap((n) =>
    n.isLeaf ? [] : [{ id: n.id, name: n.name, depth, active: n.active ?? true }, ...branches(n.children, depth + 1)],
  );
}

/** Every node, depth first, with its depth (e.g. the category picker of canned answers). */
export function flatten(tree: readonly AdminNode[], depth = 0): Array<{ node: AdminNode; depth: number }> {
  return tree.flatMap((node) => [{ node, depth }, ...flatten(node.children, depth + 1)]);
}

/** The breadcrumb of names from the root to `id`. */
export function pathTo(tree: readonly AdminNode[], id: string): AdminNode[] {
  for (const node of tree) {
    if (node.id === id) return [node];
    const below = pathTo(node.children, id);
    if (below.length) return [node, ...below];
  }
  return [];
}

/** The URL of a leaf's form on the portal (customers at /contact, agents at /agents/contact). */
export function portalHref(tree: readonly AdminNode[], id: string): string {
  const path = pathTo(tree, id);
  const base = path[0]?.audience === 'agent' ? '/agents/contact' : '/contact';
  return `${base}/${path.map((n) => encodeURIComponent(n.slug)).join('/')}?step=form`;
}
