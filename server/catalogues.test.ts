import { TYPE, parse } from '@formatjs/icu-messageformat-parser';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../common/errors';
import type { Locale } from '../common/errors';
import { FIELD_MESSAGES } from '../common/forms/messages';
import { CATALOGUES } from '../web/i18n/catalogues';
import { PLATFORM_TEXT } from './issues';
import { MODULES } from './modules';
import { PHRASES } from './modules/bot/bot.text';
import { CONSOLE_MESSAGES } from './modules/console/console.messages';
import { inboxEn } from './modules/inbox/inbox.messages.en';
import { inboxRu } from './modules/inbox/inbox.messages.ru';
import { inboxUk } from './modules/inbox/inbox.messages.uk';
import { mailEn } from './modules/mail/mail.messages.en';
import { mailRu } from './modules/mail/mail.messages.ru';
import { mailUk } from './modules/mail/mail.messages.uk';
import { NOTICES_MESSAGES } from './modules/notices/notices.messages';
import { PAYMENTS_MESSAGES } from './modules/payments/payments.messages';
import { TICKETS_MESSAGES } from './modules/tickets/tickets.messages';

// Every catalogue of paydesk, web and server, in one place: each has the same keys in ru, uk and
// en, and each message is valid ICU with the same arguments (name and kind) in all three — a
// translation that drops `{count, plural, …}` or renames `{name}` fails here, not in a customer's mail.

type Catalogue = Record<Locale, Readonly<Record<string, string>>>;

/** Texts kept per key with their three languages (`{ code: { ru, uk, en } }`), turned per language. */
function byLanguage(texts: Readonly<Record<string, Readonly<Record<Locale, string>>>>): Catalogue {
  const pick = (locale: Locale) => Object.fromEntries(Object.entries(texts).map(([key, t]) => [key, t[locale]]));
  return { ru: pick('ru'), uk: pick('uk'), en: pick('en') };
}

const CATALOGUE_LIST: ReadonlyArray<readonly [string, Catalogue]> = [
  ['web (web/i18n)', CATALOGUES],
  ['mail templates (mail.messages.*)', { ru: mailRu, uk: mailUk, en: mailEn }],
  ['incoming mail (inbox.messages.*)', { ru: inboxRu, uk: inboxUk, en: inboxEn }],
  ['consultant phrases (bot.text.ts)', PHRASES],
  ['requests (tickets.messages.ts)', TICKETS_MESSAGES],
  ['notices feed (notices.messages.ts)', NOTICES_MESSAGES],
  ['payment statuses (payments.messages.ts)', PAYMENTS_MESSAGES],
  ['console labels (console.messages.ts)', CONSOLE_MESSAGES],
  ['field errors (common/forms/messages.ts)', FIELD_MESSAGES],
  ['platform issue texts (server/issues.ts)', byLanguage(PLATFORM_TEXT)],
  ...MODULES.flatMap((m) =>
    'issueTexts' in m && m.issueTexts ? [[`${m.name} issue texts`, byLanguage(m.issueTexts)] as const] : [],
  ),
];

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

/** The keys whose message does not parse as ICU. */
function unreadable(catalogue: Readonly<Record<string, string>>): string[] {
  return Object.entries(catalogue).flatMap(([key, message]) => {
    try {
      parse(message);
      return [];
    } catch {
      return [key];
    }
  });
}

describe('every message catalogue', () => {
  it('lists the server catalogues and every module that brings issue texts', () => {
    expect(CATALOGUE_LIST.length).toBeGreaterThanOrEqual(16);
    expect(CATALOGUE_LIST.map(([name]) => name)).toContain('sla issue texts');
  });

  describe.each(CATALOGUE_LIST)('%s', (_name, catalogue) => {
    const sourceKeys = Object.keys(catalogue.ru).sort();

    it.each(LOCALES)('%s has exactly the keys of the Russian source, none empty', (locale) => {
      expect(Object.keys(catalogue[locale]).sort()).toEqual(sourceKeys);
      expect(Object.entries(catalogue[locale]).filter(([, text]) => text.trim() === '')).toEqual([]);
    });

    it.each(LOCALES)('%s messages are valid ICU with the same arguments as the source', (locale) => {
      expect(unreadable(catalogue[locale])).toEqual([]);
      const mismatched = sourceKeys.filter(
        (key) => icuArguments(catalogue[locale][key] ?? '').join() !== icuArguments(catalogue.ru[key] ?? '').join(),
      );
      expect(mismatched).toEqual([]);
    });
  });
});
