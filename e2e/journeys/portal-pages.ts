import type { RouteObject } from 'react-router';
import { routes } from '../../web/routes';

// Every portal page, taken from the router's own list (web/routes.tsx), so a page added
// there is walked by the layout and console-error journeys without anyone listing it here.
// A pattern with parameters needs sample addresses below: a new parameterised page without
// one fails the journey with its pattern named.

/** Sample addresses for the patterns with parameters; `{request}` is one of the signed-in customer's requests. */
const SAMPLES: Record<string, string[]> = {
  '/help/search': ['/help/search?q=кошелёк заблокирован'],
  '/help/s/:slug': ['/help/s/wallet', '/help/s/support'],
  '/help/:slug': ['/help/terminal-no-receipt', '/help/check-payment-status'],
  '/help/*': ['/help/no/such/page'],
  '/agents/help/search': ['/agents/help/search?q=комиссия'],
  '/agents/help/s/:slug': ['/agents/help/s/agents'],
  '/agents/help/:slug': ['/agents/help/agent-support'],
  '/agents/help/*': ['/agents/help/no/such/page'],
  '/contact/*': [
    '/contact',
    '/contact/wallet',
    '/contact/terminals/terminal-payment-not-arrived/terminal-payment-with-receipt',
    '/contact/wallet/wallet-access/wallet-login-problem?step=form',
  ],
  '/agents/contact/*': ['/agents/contact'],
  '/wiki/:slug': ['/wiki/terminal-ne-vydal-chek'],
  '/wiki/:slug/edit': ['/wiki/terminal-ne-vydal-chek/edit'],
  '/wiki/:slug/history': ['/wiki/terminal-ne-vydal-chek/history'],
  '/wiki/:slug/revisions/:number': ['/wiki/terminal-ne-vydal-chek/revisions/1'],
  '/wiki/*': ['/wiki/no/such/page'],
  '/requests/:number': ['/requests/{request}'],
  '/requests/*': ['/requests/no/such/page'],
  '/*': ['/no-such-page'],
};

function join(parent: string, path: string | undefined): string {
  if (!path) return parent;
  if (path.startsWith('/')) return path;
  return `${parent.replace(/\/$/, '')}/${path}`;
}

function patterns(list: RouteObject[], parent: string): string[] {
  return list.flatMap((route) => {
    const here = join(parent, route.path);
    // A route with children is a frame (or a folder): its pages are the children.
    if (route.children) return patterns(route.children, here);
    return route.lazy || route.Component ? [here] : [];
  });
}

/** The patterns of every portal page (everything the router serves outside /console). */
export function portalPatterns(): string[] {
  const all = [...new Set(patterns(routes, ''))];
  return all.filter((p) => p !== '/console/*' && !p.startsWith('/console/'));
}

/** Addresses to open for every portal page; `request` fills `{request}`. */
export function portalAddresses(request: string): string[] {
  return portalPatterns().flatMap((pattern) => {
    const samples = SAMPLES[pattern];
    if (samples) return samples.map((s) => s.replace('{request}', request));
    if (/[:*]/.test(pattern))
      throw new Error(`portal page ${pattern} has parameters: add sample addresses to SAMPLES in e2e/journeys/portal-pages.ts`);
    return [pattern];
  });
}
