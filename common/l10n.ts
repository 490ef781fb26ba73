import { z } from 'zod';

// The one zod shape of a text in the product's three languages (ru, uk, en); server schemas,
// settings and the generated API types all come from here.

const inEach = <S extends z.ZodType>(text: S) => z.object({ ru: text, uk: text, en: text });

/** A text in every language as the API returns it. */
export const l10nText = inEach(z.string());

/** A text staff write in every language: trimmed, at most `max` characters, none empty unless `optional`. */
export function l10nInput(max: number, options: { optional?: boolean } = {}) {
  const text = z.string().trim().max(max);
  return inEach(options.optional ? text : text.min(1));
}
