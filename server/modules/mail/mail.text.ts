import type { Locale } from '../../../common/errors';
import { formatMessage, type MessageValues } from '../../../common/messages';
import { mailEn } from './mail.messages.en';
import { mailRu, type MailMessageKey } from './mail.messages.ru';
import { mailUk } from './mail.messages.uk';

const MESSAGES: Record<Locale, Record<MailMessageKey, string>> = { ru: mailRu, uk: mailUk, en: mailEn };

/** One text of the mail catalogues in a language (ICU MessageFormat, real plural rules). */
export function mailText(locale: Locale, key: MailMessageKey, values?: MessageValues): string {
  return formatMessage(locale, MESSAGES[locale][key], values);
}
