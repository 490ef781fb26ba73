import type { HelpAudience } from '../../api/kb';

/** Where each audience's help centre lives (like the wizard: customers at /help, agents in their section). */
export function helpBase(audience: HelpAudience): string {
  return audience === 'agent' ? '/agents/help' : '/help';
}

export const articleHref = (base: string, slug: string) => `${base}/${encodeURIComponent(slug)}`;
export const sectionHref = (base: string, slug: string) => `${base}/s/${encodeURIComponent(slug)}`;
export const searchHref = (base: string, q: string) => `${base}/search?q=${encodeURIComponent(q)}`;

export type HelpRoute =
  | { kind: 'home' }
  | { kind: 'search' }
  | { kind: 'section'; slug: string }
  | { kind: 'article'; slug: string }
  | { kind: 'unknown' };

const decode = (part: string) => {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
};

/** What a path under the help centre's base shows. */
export function helpRoute(path: string, base: string): HelpRoute {
  const rest = path.slice(base.length).replace(/\/+$/, '');
  if (rest === '') return { kind: 'home' };
  if (rest === '/search') return { kind: 'search' };
  const section = /^\/s\/([^/]+)$/.exec(rest)?.[1];
  if (section) return { kind: 'section', slug: decode(section) };
  const article = /^\/([^/]+)$/.exec(rest)?.[1];
  if (article) return { kind: 'article', slug: decode(article) };
  return { kind: 'unknown' };
}
