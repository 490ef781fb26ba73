import type { Locale } from './errors';

// Dates and money in the reader's language through Intl, for the web and the server (mail,
// feeds) alike: one place decides how paydesk writes a date. Formatters are cached (building an
// Intl.DateTimeFormat costs far more than formatting with it).

const TAGS: Record<Locale, string> = { ru: 'ru-RU', uk: 'uk-UA', en: 'en-GB' };

export function localeTag(locale: Locale): string {
  return TAGS[locale];
}

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

function toDate(value: Date | string | null | undefined): Date | null {
  if (!value) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "12 мая 2025 г., 14:30" — or '' for a missing or unreadable date. */
export function formatDateTime(value: Date | string | null | undefined, locale: Locale, timeZone?: string): string {
  const date = toDate(value);
  if (!date) return '';
  return cached(
    `dt|${locale}|${timeZone ?? ''}`,
    () => new Intl.DateTimeFormat(TAGS[locale], { dateStyle: 'long', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }),
  ).format(date);
}

/** "12.05.2025, 14:30": for lists and feeds (four-digit years in every language: uk's short style has two). */
export function formatShortDateTime(value: Date | string | null | undefined, locale: Locale, timeZone?: string): string {
  const date = toDate(value);
  if (!date) return '';
  return cached(
    `sdt|${locale}|${timeZone ?? ''}`,
    () =>
      new Intl.DateTimeFormat(TAGS[locale], {
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        ...(timeZone ? { timeZone } : {}),
      }),
  ).format(date);
}

/** "20.12.2026" in ru and uk (full year), "20/12/2026" in en. */
export function formatShortDate(value: Date | string | null | undefined, locale: Locale, timeZone?: string): string {
  const date = toDate(value);
  if (!date) return '';
  return cached(
    `sd|${locale}|${timeZone ?? ''}`,
    () =>
      new Intl.DateTimeFormat(TAGS[locale], {
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        ...(timeZone ? { timeZone } : {}),
      }),
  ).format(date);
}

/** "1 234,50 ₽" — an amount in a currency, in the reader's language; a value that is no number comes back as given. */
export function formatMoney(amount: number | string, currency: string, locale: Locale): string {
  const n = typeof amount === 'number' ? amount : Number(amount);
  if (!Number.isFinite(n)) return String(amount);
  try {
    return cached(
      `money|${locale}|${currency}`,
      () => new Intl.NumberFormat(TAGS[locale], { style: 'currency', currency }),
    ).format(n);
  } catch {
    return String(amount);
  }
}
