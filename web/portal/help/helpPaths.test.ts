import { describe, expect, it } from 'vitest';
import { helpRoute, searchHref } from './helpPaths';

describe('helpRoute', () => {
  it('tells the home, search, section and article pages apart', () => {
    expect(helpRoute('/help', '/help')).toEqual({ kind: 'home' });
    expect(helpRoute('/help/', '/help')).toEqual({ kind: 'home' });
    expect(helpRoute('/help/search', '/help')).toEqual({ kind: 'search' });
    expect(helpRoute('/help/s/wallet-access', '/help')).toEqual({ kind: 'section', slug: 'wallet-access' });
    expect(helpRoute('/help/wallet-blocked', '/help')).toEqual({ kind: 'article', slug: 'wallet-blocked' });
    expect(helpRoute('/agents/help/agent-support', '/agents/help')).toEqual({ kind: 'article', slug: 'agent-support' });
    expect(helpRoute('/help/a/b/c', '/help')).toEqual({ kind: 'unknown' });
  });

  it('encodes the query of a search link', () => {
    expect(searchHref('/help', 'кошелёк & смс')).toBe(
      '/help/search?q=%D0%BA%D0%BE%D1%88%D0%B5%D0%BB%D1%91%D0%BA%20%26%20%D1%81%D0%BC%D1%81',
    );
  });
});
