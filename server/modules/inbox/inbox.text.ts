import type { Locale } from '../../../common/errors';
import type { L10n } from '../../../common/forms/types';
import { formatMessage, type MessageValues } from '../../../common/messages';
import { inboxEn } from './inbox.messages.en';
import { inboxRu, type InboxMessageKey } from './inbox.messages.ru';
import { inboxUk } from './inbox.messages.uk';

const MESSAGES: Record<Locale, Record<InboxMessageKey, string>> = { ru: inboxRu, uk: inboxUk, en: inboxEn };

/** One text of the incoming-mail catalogue in a language (ICU MessageFormat). */
export function inboxText(locale: Locale, key: InboxMessageKey, values?: MessageValues): string {
  return formatMessage(locale, MESSAGES[locale][key], values);
}

/** A text in all three languages, for rows that keep every translation (e.g. a category's name). */
export function inboxL10n(key: InboxMessageKey): L10n {
  return { ru: inboxText('ru', key), uk: inboxText('uk', key), en: inboxText('en', key) };
}
