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
});
