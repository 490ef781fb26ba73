import type { Locale } from '../../../common/errors';
import type { L10n } from '../../../common/forms/types';
import { catalogueText } from '../../../common/messages';

/** The console's server-made texts in Russian: the source (ICU MessageFormat, common/messages.ts). */
const ru = {
  // How a number taken out of a request's free text is named beside the form's fields (the request
  // card, with its reveal button): a label like a form's, so it travels in all three languages.
  'console.freeText.passport': 'Документ из текста обращения',
  'console.freeText.card': 'Номер карты из текста обращения',
} as const;

export type ConsoleMessageKey = keyof typeof ru;

const uk: Record<ConsoleMessageKey, string> = {
  'console.freeText.passport': 'Документ із тексту звернення',
  'console.freeText.card': 'Номер картки з тексту звернення',
};

const en: Record<ConsoleMessageKey, string> = {
  'console.freeText.passport': 'Document number from the text',
  'console.freeText.card': 'Card number from the text',
};

/** The console's catalogue per language (checked by server/catalogues.test.ts). */
export const CONSOLE_MESSAGES: Record<Locale, Record<ConsoleMessageKey, string>> = { ru, uk, en };

/** One text of the console's catalogue in a language. */
export const consoleText = catalogueText(CONSOLE_MESSAGES);

/** A text in all three languages, for labels that carry every translation (like a form field's). */
export function consoleL10n(key: ConsoleMessageKey): L10n {
  return { ru: consoleText('ru', key), uk: consoleText('uk', key), en: consoleText('en', key) };
}
