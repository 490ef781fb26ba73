import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { routes } from '../../routes';
import { searchHref } from './helpPaths';

/** The last matched route's own path (or 'index') and the params, for a URL of the app. */
function routeOf(url: string) {
  const matches = matchRoutes(routes, url) ?? [];
  const last = matches[matches.length - 1];
  return { path: last?.route.index ? 'index' : last?.route.path, params: last?.params ?? {} };
}

describe('the help centre URLs', () => {
  it('tell the home, search, section and article pages apart, and the unknown ones', () => {
    expect(routeOf('/help').path).toBe('index');
    expect(routeOf('/help/').path).toBe('index');
    expect(routeOf('/help/search').path).toBe('search');
    expect(routeOf('/help/s/wallet-access')).toMatchObject({ path: 's/:slug', params: { slug: 'wallet-access' } });
    expect(routeOf('/help/wallet-blocked')).toMatchObject({ path: ':slug', params: { slug: 'wallet-blocked' } });
    expect(routeOf('/agents/help/agent-support')).toMatchObject({ path: ':slug', params: { slug: 'agent-support' } });
    expect(routeOf('/help/a/b/c').path).toBe('*');
  });

  it('send other portal and console URLs where they belong', () => {
    expect(routeOf('/requests/PD-10004').params).toMatchObject({ number: 'PD-10004' });
    expect(routeOf('/wiki/limits/revisions/3')).toMatchObject({ path: ':slug/revisions/:number', params: { number: '3' } });
    expect(routeOf('/contact/wallet/access').path).toBe('contact/*');
    expect(routeOf('/console/tickets/PD-1').path).toBe('/console/*');
    expect(routeOf('/no/such/page').path).toBe('*');
  });

  it('encodes the query of a search link', () => {
    expect(searchHref('/help', 'кошелёк & смс')).toBe(
      '/help/search?q=%D0%BA%D0%BE%D1%88%D0%B5%D0%BB%D1%91%D0%BA%20%26%20%D1%81%D0%BC%D1%81',
    );
  });
});
