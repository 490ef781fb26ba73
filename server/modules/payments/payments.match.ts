import { normalizePhone } from '../../../common/forms/validate';

/**
 * Pure rules of the payment check: how the receipt's data are compared (normalised forms, the
 * time window) and how an account is shown. No I/O; tested beside.
 */

/** The time zone a terminal's receipt is printed in (the demo network's terminals are in Moscow). */
export const TERMINAL_UTC_OFFSET = '+03:00';
/** A time given to the minute matches a payment up to this far either side (receipts print minutes; people round). */
export const TIME_TOLERANCE_MINUTES = 10;
/** «В обработке» usually ends within this many hours; past it the customer is sent on to the form. */
export const PROCESSING_USUALLY_HOURS = 24;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * The window in which a payment "paid at" the given date or date-time lies: a whole calendar day of
 * the terminal's time zone for a date; ± TIME_TOLERANCE_MINUTES for a date-time (without an offset it
 * is the time printed on the receipt, i.e. the terminal's). Null for a malformed value.
 */
export function paidWindow(paidAt: string): { from: Date; to: Date } | null {
  const d = DATE.exec(paidAt);
  if (d) {
    if (!sameCalendarDay(paidAt)) return null;
    const from = new Date(`${paidAt}T00:00:00${TERMINAL_UTC_OFFSET}`);
    return { from, to: new Date(from.getTime() + 24 * 3_600_000) };
  }
  const m = DATETIME.exec(paidAt);
  if (!m) return null;
  const [, y, mo, day, hh, mm, ss, zone] = m;
  if (!sameCalendarDay(`${y}-${mo}-${day}`) || Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59) return null;
  const offset =
    zone === undefined ? TERMINAL_UTC_OFFSET : zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const at = new Date(`${y}-${mo}-${day}T${hh}:${mm}:${ss ?? '00'}${offset}`).getTime();
  if (Number.isNaN(at)) return null;
  const span = TIME_TOLERANCE_MINUTES * 60_000;
  return { from: new Date(at - span), to: new Date(at + span + 1) };
}

/** 2026-02-30 is not a day. */
function sameCalendarDay(ymd: string): boolean {
  const t = new Date(`${ymd}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === ymd;
}

/** "1 500,00" / "1500.5" / "1500" → kopecks (1500.5 → 150050); null when not a positive sum with ≤ 2 decimals. */
export function toKopecks(amount: string): number | null {
  const s = amount.replace(/[\s\u00a0]/g, '').replace(',', '.');
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const kopecks = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return kopecks > 0 ? kopecks : null;
}

/** Kopecks → "1500.00" (the API's decimal string). */
export function fromKopecks(kopecks: number): string {
  return `${Math.floor(kopecks / 100)}.${String(kopecks % 100).padStart(2, '0')}`;
}

/**
 * What was paid, as the core stores it: a phone in +7… form when it reads as one, else the wallet
 * or contract number without spaces, dashes and dots, upper case ("0012345678" stays a contract).
 */
export function normalizeAccount(input: string): string {
  const trimmed = input.trim();
  const compact = trimmed.replace(/[\s()-]/g, '');
  // A phone is written with + or as a Russian mobile (8 / 7 / nothing before 9…); other digit
  // strings are contract numbers and must not be read as phones of another country.
  const looksLikePhone = /^\+\d+$/.test(compact) || /^[78]9\d{9}$/.test(compact) || /^9\d{9}$/.test(compact);
  const phone = looksLikePhone ? normalizePhone(trimmed) : null;
  return phone ?? trimmed.replace(/[\s.-]/g, '').toUpperCase();
}

/** Receipt numbers as printed, without spaces, upper case. */
export function normalizeReceipt(input: string): string {
  return input.replace(/\s/g, '').toUpperCase();
}

/** Terminal numbers: digits only. */
export function normalizeTerminal(input: string): string {
  return input.replace(/\s/g, '');
}

/**
 * The account as shown back: enough to recognise it, not enough to learn it ("+7916*****67",
 * "P1********89").
 */
export function maskAccount(account: string): string {
  if (account.startsWith('+') && account.length > 7)
    return `${account.slice(0, 5)}${'*'.repeat(account.length - 7)}${account.slice(-2)}`;
  if (account.length <= 4) return '*'.repeat(account.length);
  return `${account.slice(0, 2)}${'*'.repeat(account.length - 4)}${account.slice(-2)}`;
}
