import type { Locale } from '../../../../common/errors';
import { LOCALES } from '../../../../common/errors';
import type { L10n } from '../../../../common/forms/types';

/** Slugs of categories: lowercase latin letters, digits and dashes, 2–80 characters (as the server checks). */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,79}$/;

/** `message` for each language whose text is blank. */
export function l10nErrors(value: L10n, message: string): Partial<Record<Locale, string[]>> {
  const out: Partial<Record<Locale, string[]>> = {};
  for (const locale of LOCALES) if (!value[locale].trim()) out[locale] = [message];
  return out;
}

/** True when every language has a text. */
export function isComplete(value: L10n): boolean {
  return LOCALES.every((locale) => value[locale].trim() !== '');
}
