import type { Locale } from '../../common/errors';
import { formatMessage } from '../../common/messages';
import { en } from './en';
import { ru } from './ru';
import type { Catalogue, MessageKey } from './ru';
import { uk } from './uk';

export type { Catalogue, MessageKey };
export type MessageParams = Record<string, string | number>;

/** Every catalogue by locale; Russian is the source and the fallback. */
export const CATALOGUES: Record<Locale, Catalogue> = { ru, uk, en };

/** True when `key` names a message (for keys built at run time, e.g. `errors.<CODE>`). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(ru, key);
}

/** Looks `key` up in the locale's catalogue and formats it (ICU MessageFormat, common/messages.ts). */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return formatMessage(locale, CATALOGUES[locale][key] ?? ru[key], params);
}
