import type { HelpAudience } from '../../api/kb';

/** Where each audience's help centre lives (like the wizard: customers at /help, agents in their section). */
export function helpBase(audience: HelpAudience): string {
  return audience === 'agent' ? '/agents/help' : '/help';
}

export const articleHref = (base: string, slug: string) => `${base}/${encodeURIComponent(slug)}`;
export const sectionHref = (base: string, slug: string) => `${base}/s/${encodeURIComponent(slug)}`;
export const searchHref = (base: string, q: string) => `${base}/search?q=${encodeURIComponent(q)}`;
