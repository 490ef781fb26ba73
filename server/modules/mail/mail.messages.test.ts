import { TYPE, parse } from '@formatjs/icu-messageformat-parser';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { mailEn } from './mail.messages.en';
import { mailRu } from './mail.messages.ru';
import { mailUk } from './mail.messages.uk';

/** The ICU arguments of a message with their kinds, sorted (as web/i18n/catalogue.test.ts). */
function icuArguments(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument) found.add(`${el.value}:argument`);
      else if (el.type === TYPE.plural || el.type === TYPE.select) {
        found.add(`${el.value}:${el.type === TYPE.plural ? 'plural' : 'select'}`);
        for (const option of Object.values(el.options)) walk(option.value);
      }
    }
  };
  walk(parse(message));
  return [...found].sort();
}

describe('the mail catalogues', () => {
  it.each([
    ['uk', mailUk],
    ['en', mailEn],
  ] as const)('%s has the Russian keys with the same ICU arguments', (_locale, catalogue) => {
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(mailRu).sort());
    for (const [key, source] of Object.entries(mailRu)) {
      expect(icuArguments(catalogue[key as keyof typeof mailRu]), key).toEqual(icuArguments(source));
    }
  });
});
