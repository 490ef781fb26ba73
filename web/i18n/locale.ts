import { LOCALES } from '../../common/errors';
import type { Locale } from '../../common/errors';

export const DEFAULT_LOCALE: Locale = 'ru';
export const LOCALE_STORAGE_KEY = 'paydesk.locale';
export const LOCALE_COOKIE = 'pd_locale';
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** Narrows an arbitrary string to a supported locale. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function readCookie(name: string): string | null {
  const prefix = `${name}=`;
  for (const part of document.cookie.split(';')) {
    const trimmed = part.trim();
    if (trimmed.startsWith(prefix)) return decodeURIComponent(trimmed.slice(prefix.length));
  }
  return null;
}

function readStorage(): string | null {
  try {
    return window.localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    // Storage can be disabled (private mode, strict settings): the cookie still works.
    return null;
  }
}

/** The locale the person chose on this device, or null when they never chose one. */
export function readChosenLocale(): Locale | null {
  const stored = readStorage();
  if (isLocale(stored)) return stored;
  const cookie = readCookie(LOCALE_COOKIE);
  return isLocale(cookie) ? cookie : null;
}

/** Remembers the choice in localStorage and in a cookie the server reads, and sets `<html lang>`. */
export function persistLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // See readStorage.
  }
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${ONE_YEAR_SECONDS}; SameSite=Lax`;
  applyDocumentLocale(locale);
}

/** Sets `<html lang>` so screen readers and hyphenation use the right language. */
export function applyDocumentLocale(locale: Locale): void {
  document.documentElement.lang = locale;
}
