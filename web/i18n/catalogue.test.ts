import { TYPE, parse } from '@formatjs/icu-messageformat-parser';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, LOCALES } from '../../common/errors';
import { CATALOGUES, translate } from './catalogues';
import { ru } from './ru';

const sourceKeys = Object.keys(ru).sort();

/** The ICU arguments of a message with their kinds (`count:plural`, `name:argument`), sorted. */
function icuArguments(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument) found.add(`${el.value}:argument`);
      else if (el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time)
        found.add(`${el.value}:${TYPE[el.type]}`);
      else if (el.type === TYPE.plural || el.type === TYPE.select) {
        found.add(`${el.value}:${el.type === TYPE.plural ? 'plural' : 'select'}`);
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(parse(message));
  return [...found].sort();
}

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

  it.each(LOCALES)('%s messages are valid ICU with the same arguments as the source', (locale) => {
    const catalogue: Record<string, string> = CATALOGUES[locale];
    const mismatched = sourceKeys.filter(
      (key) => icuArguments(catalogue[key] ?? '').join() !== icuArguments(ru[key as keyof typeof ru]).join(),
    );
    expect(mismatched).toEqual([]);
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
