import { IntlMessageFormat } from 'intl-messageformat';
import type { Locale } from './errors';
import { localeTag } from './format';

// One message format for every text of paydesk, web and server: ICU MessageFormat
// (FormatJS intl-messageformat) with the languages' real plural rules —
// `{count, plural, one {# день} few {# дня} many {# дней} other {# дня}}` — and `{name}`
// arguments. Catalogues are plain `key → message` objects per area and language.

export type MessageValues = Record<string, string | number>;

const compiled = new Map<string, IntlMessageFormat>();

/**
 * Formats one ICU message in a locale. A message that cannot be read, or that misses a value,
 * comes back as written (a visible `{name}` is better than a blank or a crash).
 */
export function formatMessage(locale: Locale, message: string, values?: MessageValues): string {
  if (!values && !message.includes('{')) return message;
  const key = `${locale}\u0000${message}`;
  let format = compiled.get(key);
  try {
    if (!format) {
      format = new IntlMessageFormat(message, localeTag(locale));
      compiled.set(key, format);
    }
    return String(format.format(values ?? {}));
  } catch {
    return message;
  }
}

/** The formatter of one area's catalogue (`{ ru, uk, en }`): one text in a language, with its ICU values. */
export function catalogueText<K extends string>(catalogue: Record<Locale, Record<K, string>>) {
  return (locale: Locale, key: K, values?: MessageValues): string => formatMessage(locale, catalogue[locale][key], values);
}
