import type { Locale } from '../../../common/errors';
import { catalogueText } from '../../../common/messages';

/** The notices feed's texts in Russian: the source (ICU MessageFormat, common/messages.ts). */
const ru = {
  // The Atom feed (notices.atom.ts): its title after the product's name, and each entry's severity.
  'notices.feedTitle': 'Уведомления о работах и сбоях',
  'notices.severity.info': 'Информация',
  'notices.severity.maintenance': 'Плановые работы',
  'notices.severity.outage': 'Сбой',
  'notices.severity.critical': 'Серьёзный сбой',
} as const;

export type NoticesMessageKey = keyof typeof ru;

const uk: Record<NoticesMessageKey, string> = {
  'notices.feedTitle': 'Повідомлення про роботи та збої',
  'notices.severity.info': 'Інформація',
  'notices.severity.maintenance': 'Планові роботи',
  'notices.severity.outage': 'Збій',
  'notices.severity.critical': 'Серйозний збій',
};

const en: Record<NoticesMessageKey, string> = {
  'notices.feedTitle': 'Maintenance and outage notices',
  'notices.severity.info': 'Information',
  'notices.severity.maintenance': 'Maintenance',
  'notices.severity.outage': 'Outage',
  'notices.severity.critical': 'Major outage',
};

/** The notices' catalogue per language (checked by server/catalogues.test.ts). */
export const NOTICES_MESSAGES: Record<Locale, Record<NoticesMessageKey, string>> = { ru, uk, en };

/** One text of the notices' catalogue in a language. */
export const noticesText = catalogueText(NOTICES_MESSAGES);
