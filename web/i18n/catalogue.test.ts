import { describe, expect, it } from 'vitest';
import { ERROR_CODES, LOCALES } from '../../common/errors';
import { CATALOGUES, translate } from './catalogues';

// The same keys in ru, uk and en, none empty, with the same ICU arguments: server/catalogues.test.ts,
// over every catalogue of the web and the server.

describe('message catalogues', () => {
  it.each(LOCALES)('%s has a message for every API error code', (locale) => {
    const catalogue: Record<string, string> = CATALOGUES[locale];
    const missing = Object.keys(ERROR_CODES).filter((code) => !catalogue[`errors.${code}`]);
    expect(missing).toEqual([]);
  });

  it('fills arguments, chooses plural forms by the language, and leaves a message without its values visible', () => {
    expect(translate('ru', 'portal.footer.copyright', { year: 2025 })).toBe('© 2025 paydesk');
    expect(translate('en', 'errors.retryAfter', { time: '5 min' })).toBe('Try again in 5 min.');
    expect(translate('uk', 'errors.retryAfter')).toBe('Спробуйте ще раз через {time}.');
    expect([1, 3, 5, 21].map((count) => translate('ru', 'portal.review.businessDays', { count }))).toEqual([
      '1 рабочего дня',
      '3 рабочих дней',
      '5 рабочих дней',
      '21 рабочего дня',
    ]);
    expect([1, 2, 5].map((count) => translate('uk', 'portal.review.businessDays', { count }))).toEqual([
      '1 робочого дня',
      '2 робочих днів',
      '5 робочих днів',
    ]);
    expect(translate('en', 'portal.review.businessDays', { count: 2 })).toBe('2 business days');
  });

  it('counts help search results with the plural form of each language', () => {
    const count = (locale: (typeof LOCALES)[number], n: number) =>
      translate(locale, 'help.search.count', { q: 'кошелёк', count: n });
    expect([1, 3, 5, 11, 21, 1000].map((n) => count('ru', n))).toEqual([
      'По запросу «кошелёк»: 1 статья',
      'По запросу «кошелёк»: 3 статьи',
      'По запросу «кошелёк»: 5 статей',
      'По запросу «кошелёк»: 11 статей',
      'По запросу «кошелёк»: 21 статья',
      'По запросу «кошелёк»: 1000 статей',
    ]);
    expect([1, 2, 0].map((n) => count('uk', n))).toEqual([
      'За запитом «кошелёк»: 1 стаття',
      'За запитом «кошелёк»: 2 статті',
      'За запитом «кошелёк»: 0 статей',
    ]);
    expect([1, 0].map((n) => count('en', n))).toEqual(['1 article for “кошелёк”', '0 articles for “кошелёк”']);
  });
});
