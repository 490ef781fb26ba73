import { describe, expect, it } from 'vitest';
import { ERROR_CODES, LOCALES } from '../../common/errors';
import { CATALOGUES, translate } from './catalogues';
import { ru } from './ru';

const sourceKeys = Object.keys(ru).sort();
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it.each(LOCALES)('%s has exactly the keys of the Russian source', (locale) => {
    expect(Object.keys(CATALOGUES[locale]).sort()).toEqual(sourceKeys);
  });

  it.each(LOCALES)('%s has no empty messages', (locale) => {
    const empty = Object.entries(CATALOGUES[locale]).filter(([, text]) => text.trim() === '');
    expect(empty.map(([key]) => key)).toEqual([]);
  });

  it.each(LOCALES)('%s has a message for every API error code', (locale) => {
    const catalogue: Record<string, string> = CATALOGUES[locale];
    const missing = Object.keys(ERROR_CODES).filter((code) => !catalogue[`errors.${code}`]);
    expect(missing).toEqual([]);
  });

  it.each(LOCALES)('%s uses the same placeholders as the source', (locale) => {
    const catalogue: Record<string, string> = CATALOGUES[locale];
    const mismatched = sourceKeys.filter(
      (key) => placeholders(catalogue[key] ?? '').join() !== placeholders(ru[key as keyof typeof ru]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('ru', 'portal.footer.copyright', { year: 2025 })).toBe('© 2025 paydesk');
    expect(translate('en', 'errors.retryAfter', { time: '5 min' })).toBe('Try again in 5 min.');
    expect(translate('uk', 'errors.retryAfter')).toBe('Спробуйте ще раз через {time}.');
  });
});
