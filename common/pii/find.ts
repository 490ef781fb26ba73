/**
 * Personal data in free text: identity documents and bank-card numbers that people type into
 * subjects, descriptions, replies, letters and questions to the consultant. Pure functions,
 * shared by the browser and the server; nothing here logs or keeps what it sees.
 *
 * What is found (our own rules: no maintained library knows Russian and Ukrainian documents
 * together with their context words):
 * - `ru_passport`: series of 4 digits + number of 6 digits — "4508 123456", "45 08 123456",
 *   "4508 №123456", "серия 4508 номер 123456"; ten digits in a row only after a passport word
 *   (a bare ten-digit run is as likely a phone number).
 * - `ua_passport`: the passport booklet, two Cyrillic capitals + 6 digits — "КВ 123456",
 *   "КВ123456"; lower-case or Latin letters only after a passport word.
 * - `ua_id_card`: the ID card's 9-digit number, only after a passport or ID-card word.
 * - `card`: 13–19 digits passing the Luhn check, starting 2–6 (Mir, Visa, Mastercard, Amex,
 *   Maestro, UnionPay, JCB), written in one run, in groups of four, or 4-6-5 / 4-6-4.
 *
 * What is left alone: phone and wallet numbers, amounts, dates and times, request numbers
 * (PD-…), receipt, terminal, transaction and order numbers. A candidate must stand apart (no
 * letter, `+`, `-`, `/`, `@`, `#` or digit group glued to it, no decimal point or currency next
 * to it), and the nearest number word before it decides (`cues.ts`): "терминал 4508 123456" is
 * a terminal, "паспорт 4508123456" a passport.
 */
import { cueBefore, currencyAfter, type Cue } from './cues';

export type PiiKind = 'ru_passport' | 'ua_passport' | 'ua_id_card' | 'card';
/** A number found in a text: its kind, the text as written, and where it is (UTF-16 offsets). */
export type PiiMatch = { kind: PiiKind; value: string; start: number; end: number };

const SP = '[ \\u00a0]';
/** "№", "N", "No.", "номер", "number" between the series and the number. */
const NO = `(?:№|No\\.?|N|#|[Нн]омер\\p{L}*|[Nn]umber|[Nn]r\\.?)`;
const RU_SPLIT = new RegExp(
  `(?<!\\d)\\d{2}${SP}?\\d{2}(?:${SP}{0,3}[,;]?${SP}{0,3}${NO}${SP}{0,3}[:.]?${SP}{0,3}|${SP}{1,3})\\d{6}(?!\\d)`,
  'gu',
);
const TEN = /(?<!\d)\d{10}(?!\d)/gu;
const NINE = /(?<!\d)\d{9}(?!\d)/gu;
const UA_BOOK = new RegExp(
  `(?<![\\p{L}\\p{N}])[A-Za-zА-Яа-яЁёІЇЄҐіїєґ]{2}${SP}{0,3}(?:${NO}${SP}{0,3}[:.]?${SP}{0,3})?\\d{6}(?!\\d)`,
  'gu',
);
const UA_BOOK_STRONG = /^[А-ЯІЇЄҐ]{2}/u;
/** Digit groups joined by single spaces or dashes: where card numbers are looked for. */
const DIGIT_RUN = /\d+(?:[ \u00a0-]\d+)*/gu;

const LETTER_OR_DIGIT = /[\p{L}\p{N}_]/u;
const GLUE_BEFORE = /[\p{L}\p{N}_@#&+/\\-]/u;
const DIGIT = /\d/u;

/**
 * True when nothing glues the candidate to its neighbours: no letter, digit, `+`, `-`, `/`,
 * `@`, `#` right before it; no decimal point, time colon or slash between it and a digit; and
 * (`groups`) no digit group one space away, which makes it part of a longer grouping (a phone
 * "8 4508 123456", an amount "1 500 000").
 */
function isolated(text: string, start: number, end: number, groups = true): boolean {
  const before = text[start - 1];
  if (before !== undefined) {
    if (GLUE_BEFORE.test(before)) return false;
    if (/[.,:]/u.test(before) && DIGIT.test(text[start - 2] ?? '')) return false;
    if (groups && /[ \u00a0]/u.test(before) && DIGIT.test(text[start - 2] ?? '')) return false;
  }
  const after = text[end];
  if (after !== undefined) {
    if (LETTER_OR_DIGIT.test(after) || after === '@') return false;
    const next = text[end + 1] ?? '';
    if (/[-.,:/]/u.test(after) && DIGIT.test(next)) return false;
    if (groups && /[ \u00a0]/u.test(after) && DIGIT.test(next)) return false;
  }
  return !currencyAfter(text, end);
}

const DOCUMENT_CUES: readonly Cue[] = ['passport', 'id_card'];

/** Whether the nearest cue lets a document number of this strength through. */
function documentCueAllows(cue: Cue | null, strong: boolean, allowed: readonly Cue[] = DOCUMENT_CUES): boolean {
  if (cue === null) return strong;
  return allowed.includes(cue);
}

/** Luhn check of a digit string (card numbers carry one). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const SPACE = 32;
const NBSP = 0xa0;

/** Card numbers inside one run of digit groups (the longest valid window from each group). */
function cardsInRun(text: string, runStart: number, run: string, out: PiiMatch[]): void {
  // Each group's start and end in `text`, and the separator before it (0 for the first).
  const starts: number[] = [];
  const ends: number[] = [];
  const seps: number[] = [];
  for (const g of run.matchAll(/\d+/gu)) {
    starts.push(runStart + g.index);
    ends.push(runStart + g.index + g[0].length);
    const sep = g.index > 0 ? run.charCodeAt(g.index - 1) : 0;
    seps.push(sep === NBSP ? SPACE : sep);
  }
  const n = starts.length;
  for (let i = 0; i < n; i++) {
    // A window inside a run starts after a space (a dash joins it to what is before), and a
    // card number starts with 2–6.
    if (i > 0 && seps[i] !== SPACE) continue;
    const first = text.charCodeAt(starts[i]!);
    if (first < 50 || first > 54) continue;
    let best = -1;
    let count = 0;
    let allFours = true; // every group of the window before the current one has 4 digits
    for (let j = i; j < n; j++) {
      if (j > i + 1 && seps[j] !== seps[i + 1]) break;
      const len = ends[j]! - starts[j]!;
      count += len;
      if (count > 19) break;
      const closes = j === n - 1 || seps[j + 1] === SPACE;
      const shaped =
        j === i ||
        (allFours && len <= 4) ||
        (j === i + 2 && ends[i]! - starts[i]! === 4 && ends[i + 1]! - starts[i + 1]! === 6 && (len === 5 || len === 4));
      if (count >= 13 && closes && shaped && luhnValid(digitsOf(text, starts, ends, i, j))) best = j;
      allFours &&= len === 4;
    }
    if (best < 0) continue;
    const start = starts[i]!;
    const end = ends[best]!;
    if (!isolated(text, start, end, false) || cueBefore(text, start) === 'reference') continue;
    out.push({ kind: 'card', value: text.slice(start, end), start, end });
    i = best;
  }
}

function digitsOf(text: string, starts: number[], ends: number[], from: number, to: number): string {
  let digits = '';
  for (let k = from; k <= to; k++) digits += text.slice(starts[k], ends[k]);
  return digits;
}

/** Every identity-document and card number in `text`, in order, without overlaps. */
export function findPii(text: string): PiiMatch[] {
  const found: PiiMatch[] = [];
  const take = (kind: PiiKind, start: number, value: string) => {
    const end = start + value.length;
    if (found.some((f) => start < f.end && end > f.start)) return;
    found.push({ kind, value, start, end });
  };
  for (const m of text.matchAll(DIGIT_RUN)) {
    if (m[0].length < 13) continue;
    const cards: PiiMatch[] = [];
    cardsInRun(text, m.index, m[0], cards);
    for (const c of cards) take(c.kind, c.start, c.value);
  }
  for (const m of text.matchAll(RU_SPLIT)) {
    if (isolated(text, m.index, m.index + m[0].length) && documentCueAllows(cueBefore(text, m.index), true)) {
      take('ru_passport', m.index, m[0]);
    }
  }
  for (const m of text.matchAll(TEN)) {
    if (isolated(text, m.index, m.index + 10) && documentCueAllows(cueBefore(text, m.index), false, ['passport'])) {
      take('ru_passport', m.index, m[0]);
    }
  }
  for (const m of text.matchAll(UA_BOOK)) {
    const strong = UA_BOOK_STRONG.test(m[0]);
    if (isolated(text, m.index, m.index + m[0].length) && documentCueAllows(cueBefore(text, m.index), strong, ['passport'])) {
      take('ua_passport', m.index, m[0]);
    }
  }
  for (const m of text.matchAll(NINE)) {
    if (isolated(text, m.index, m.index + 9) && documentCueAllows(cueBefore(text, m.index), false)) {
      take('ua_id_card', m.index, m[0]);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** True when `text` holds any number findPii would take out. */
export function hasPii(text: string): boolean {
  return findPii(text).length > 0;
}
