/**
 * Passport numbers in free text (letters to support): found, taken out (sealed by the caller)
 * and masked. Pure functions; nothing here logs.
 *
 * - Russian internal passport: series of 4 digits + number of 6 digits, written "4508 123456",
 *   "45 08 123456", "4508 №123456"; ten digits in a row only next to a passport word (a bare
 *   ten-digit run is as likely a phone number).
 * - Ukrainian passport booklet: two Cyrillic capitals + 6 digits, "КВ 123456" / "КВ123456".
 * - Ukrainian ID card: 9 digits, only next to a passport / ID-card word.
 *
 * Phone numbers (wallets are phone numbers), amounts and dates are not matched: a candidate must
 * not touch other digits, `+`, `-`, `.`, `,` or `/` (which join digits into phones, dates, amounts).
 */

export type PassportKind = 'ru_passport' | 'ua_passport' | 'ua_id_card';
export type PassportMatch = { kind: PassportKind; value: string; start: number; end: number };

const KEYWORD =
  /(паспорт|passport|серия|серія|id[\s-]?карт|айді[\s-]?карт|id[\s-]?card|ідентифікаційн|удостоверени|посвідчен|документ)/iu;
/** How far before a number a keyword counts (characters). */
const KEYWORD_WINDOW = 60;

const RU_SPLIT = /(\d{2})[ \u00a0]?(\d{2})[ \u00a0]+(?:№[ \u00a0]?|N[ \u00a0]?)?(\d{6})/gu;
const RU_SPLIT_NO = /(\d{4})[ \u00a0]?№[ \u00a0]?(\d{6})/gu;
const TEN = /\d{10}/gu;
const UA_BOOK = /[А-ЯІЇЄҐ]{2}[ \u00a0]?№?[ \u00a0]?\d{6}/gu;
const NINE = /\d{9}/gu;

/** Characters that glue a digit run into something else (phone, date, amount, longer number). */
const GLUE = /[\d+\-.,/:]/u;

function isolated(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  // A trailing full stop or comma ends a sentence; only a digit after it glues (a decimal).
  const afterGlues = after !== undefined && (/\d/u.test(after) || (/[-.,/:]/u.test(after) && /\d/u.test(text[end + 1] ?? '')));
  return !(before !== undefined && GLUE.test(before)) && !afterGlues;
}

function nearKeyword(text: string, start: number): boolean {
  return KEYWORD.test(text.slice(Math.max(0, start - KEYWORD_WINDOW), start));
}

function letterBefore(text: string, start: number): boolean {
  return /\p{L}/u.test(text[start - 1] ?? '');
}

/** Every passport number in `text`, in order, without overlaps. */
export function findPassports(text: string): PassportMatch[] {
  const found: PassportMatch[] = [];
  const add = (kind: PassportKind, m: RegExpExecArray, ok: boolean) => {
    const start = m.index;
    const end = start + m[0].length;
    if (!ok || !isolated(text, start, end)) return;
    if (found.some((f) => start < f.end && end > f.start)) return;
    found.push({ kind, value: m[0], start, end });
  };
  for (const m of text.matchAll(RU_SPLIT)) add('ru_passport', m, true);
  for (const m of text.matchAll(RU_SPLIT_NO)) add('ru_passport', m, true);
  for (const m of text.matchAll(UA_BOOK))
    add('ua_passport', m, !letterBefore(text, m.index) && !/\p{L}/u.test(text[m.index + m[0].length] ?? ''));
  for (const m of text.matchAll(TEN)) add('ru_passport', m, nearKeyword(text, m.index));
  for (const m of text.matchAll(NINE)) add('ua_id_card', m, nearKeyword(text, m.index));
  return found.sort((a, b) => a.start - b.start);
}

/** Masks all but the last two characters: "4508 123456" → "•••• ••••56". */
export function maskDocument(value: string): string {
  return value.replace(/[\p{L}\p{N}]/gu, (ch, offset: number) =>
    value.slice(offset + 1).replace(/[^\p{L}\p{N}]/gu, '').length < 2 ? ch : '•',
  );
}

/** The text with every passport number masked, and the numbers found (for sealing). */
export function redactPassports(text: string): { text: string; found: PassportMatch[] } {
  const found = findPassports(text);
  if (found.length === 0) return { text, found };
  let out = '';
  let at = 0;
  for (const f of found) {
    out += text.slice(at, f.start) + maskDocument(f.value);
    at = f.end;
  }
  return { text: out + text.slice(at), found };
}
