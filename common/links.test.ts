import { describe, expect, it } from 'vitest';
import { findUnsafeMarkdownLink, isSafeHref } from './links';

describe('safe link targets', () => {
  it('refuses targets a browser reads as another host or a script', () => {
    for (const href of [
      '//evil.example/x',
      '/\\evil.example/x',
      '/%5Cevil.example',
      '/%2f/evil',
      'javascript:alert(1)',
      ' //evil',
    ])
      expect(isSafeHref(href), href).toBe(false);
    for (const href of ['/help/cards', 'https://example.test/a', 'mailto:help@paydesk.local', 'tel:+79001112233', '#top'])
      expect(isSafeHref(href), href).toBe(true);
  });

  it('finds the first unsafe link of a Markdown body, inline or by reference', () => {
    expect(findUnsafeMarkdownLink('See [x](/\\evil.example/x) and [y](/help)')).toBe('/\\evil.example/x');
    expect(findUnsafeMarkdownLink('See [x][1]\n\n[1]: //evil.example')).toBe('//evil.example');
    expect(findUnsafeMarkdownLink('[ok](/help/cards) and [mail](mailto:a@b.test) (not a link)')).toBeNull();
  });
});
