import type { Locale } from '../../../common/errors';
import { catalogueText } from '../../../common/messages';

/** Requests' own texts in Russian: the source (ICU MessageFormat, common/messages.ts). */
const ru = {
  // The system's note in a merged request's thread, in the customer's language.
  'tickets.merged': 'Обращение объединено с обращением {number}: переписка продолжится там.',
  // A submitted yes/no field as a line of text (the request card, the console, mail).
  'tickets.yes': 'Да',
  'tickets.no': 'Нет',
} as const;

export type TicketsMessageKey = keyof typeof ru;

const uk: Record<TicketsMessageKey, string> = {
  'tickets.merged': 'Звернення об’єднано зі зверненням {number}: листування продовжиться там.',
  'tickets.yes': 'Так',
  'tickets.no': 'Ні',
};

const en: Record<TicketsMessageKey, string> = {
  'tickets.merged': 'This request was merged into {number}; the conversation continues there.',
  'tickets.yes': 'Yes',
  'tickets.no': 'No',
};

/** The requests' catalogue per language (checked by server/catalogues.test.ts). */
export const TICKETS_MESSAGES: Record<Locale, Record<TicketsMessageKey, string>> = { ru, uk, en };

/** One text of the requests' catalogue in a language. */
export const ticketsText = catalogueText(TICKETS_MESSAGES);
