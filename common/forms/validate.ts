/**
 * The one check of submitted form values, shared by the browser and the server.
 * `buildValuesSchema` is the zod builder; `validateFormValues` turns its issues into per-field errors.
 */
import { z } from 'zod';
import { fieldErrorMessage } from './messages';
import type {
  Currency,
  FieldDef,
  FieldError,
  FieldErrorCode,
  FieldErrors,
  FileDescriptor,
  FormDef,
  FormValue,
  FormValues,
} from './types';

/** Options of the value check: `now` is the reference for "not in the future" and "not too old". */
export type ValidateOptions = { now?: Date };

/** Outcome of checking one field: the normalised value (`undefined` = absent) or its first error. */
export type FieldCheck = { ok: true; value: FormValue | undefined } | { ok: false; error: FieldError };

/** Key under which an error about the whole submission (not an object at all) is reported. */
export const FORM_ERROR_KEY = '_form';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Clock skew tolerated between the customer's device and the server. */
const CLOCK_SKEW = 5 * MINUTE;
/** Time zones run from UTC-12 to UTC+14: a local date or time is judged in the most lenient one. */
const MAX_AHEAD = 14 * HOUR;
const MAX_BEHIND = 12 * HOUR;
const MIB = 1024 * 1024;
const TEXT_MAX = 200;
const TEXTAREA_MAX = 5000;
const DEFAULT_MAX_SIZE_MB = 10;

const ok = (value: FormValue | undefined): FieldCheck => ({ ok: true, value });
const fail = (code: FieldErrorCode, params?: FieldError['params']): FieldCheck => ({
  ok: false,
  error: params ? { code, params } : { code },
});

const isBlank = (raw: unknown): boolean => raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
const isRecord = (raw: unknown): raw is Record<string, unknown> => typeof raw === 'object' && raw !== null && !Array.isArray(raw);
const length = (s: string): number => [...s].length;

/** A checkbox as it arrives: a boolean, or 'true' / 'false' / 'on' from a multipart form. */
function parseCheckbox(raw: unknown): boolean | undefined {
  if (typeof raw === 'boolean') return raw;
  if (raw === 'true' || raw === 'on') return true;
  if (raw === 'false') return false;
  return undefined;
}

/** The value a condition compares: checkboxes as booleans (absent = unchecked), strings normalised when valid. */
function conditionValue(ref: FieldDef, raw: unknown): string | boolean | undefined {
  if (ref.type === 'checkbox') return raw === undefined || raw === null ? false : parseCheckbox(raw);
  if (typeof raw !== 'string') return undefined;
  const checked = checkFieldValue(ref, raw);
  return checked.ok && typeof checked.value === 'string' ? checked.value : raw.trim();
}

function visible(form: FormDef, field: FieldDef, values: Record<string, unknown>, seen: Set<string>): boolean {
  const cond = field.condition;
  if (!cond) return true;
  const ref = form.fields.find((f) => f.key === cond.field);
  if (!ref || ref === field || seen.has(ref.key)) return false;
  seen.add(field.key);
  if (!visible(form, ref, values, seen)) return false;
  const actual = conditionValue(ref, values[ref.key]);
  const same = (expected: string | boolean): boolean => actual !== undefined && String(actual) === String(expected);
  if ('equals' in cond) return same(cond.equals);
  if ('notEquals' in cond) return !same(cond.notEquals);
  return cond.in.some(same);
}

/**
 * Whether `field` is shown for the current (raw or validated) `values`. A field whose condition refers
 * to a hidden or missing field is hidden too; a hidden field is never required and its value is dropped.
 */
export function isFieldVisible(form: FormDef, field: FieldDef, values: Record<string, unknown>): boolean {
  return visible(form, field, values, new Set());
}

const PHONE_CHARS = /^\+?[\d\s().-]+$/;
/** National numbering plans with a fixed length (digits including the country code). */
const FIXED_LENGTH: Array<[string, number]> = [
  ['380', 12],
  ['375', 12],
  ['7', 11],
];

/**
 * A phone number as `+` and 10–15 digits, or null. Accepts spaces, brackets, dots and dashes, the `00`
 * international prefix, the Russian trunk `8` (8 900 … → +7 900 …) and ten-digit national numbers
 * (9xx… → +7, 0xx… → +380).
 */
export function normalizePhone(input: string): string | null {
  const s = input.trim();
  if (s.length > 32 || !PHONE_CHARS.test(s)) return null;
  let digits = s.replace(/\D/g, '');
  if (!s.startsWith('+')) {
    if (digits.startsWith('00')) digits = digits.slice(2);
    else if (digits.length === 11 && digits.startsWith('8') && digits[1] !== '0') digits = `7${digits.slice(1)}`;
    else if (digits.length === 10 && digits.startsWith('9')) digits = `7${digits}`;
    else if (digits.length === 10 && digits.startsWith('0')) digits = `38${digits}`;
  }
  if (!/^[1-9]\d{9,14}$/.test(digits)) return null;
  const plan = FIXED_LENGTH.find(([code]) => digits.startsWith(code));
  return plan && digits.length !== plan[1] ? null : `+${digits}`;
}

const EMAIL_LOCAL = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const EMAIL_DOMAIN = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/iu;

function checkEmail(s: string): FieldCheck {
  const at = s.lastIndexOf('@');
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  const valid = at > 0 && s.length <= 254 && local.length <= 64 && EMAIL_LOCAL.test(local) && EMAIL_DOMAIN.test(domain);
  return valid ? ok(s.toLowerCase()) : fail('invalid_email');
}

/** Removes control characters (Postgres refuses NUL); text gets one line, a textarea keeps `\n`. */
function cleanText(s: string, multiline: boolean): string {
  const t = s
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
  return (multiline ? t : t.replace(/[\t\n]/g, ' ')).trim();
}

function checkText(field: Extract<FieldDef, { type: 'text' | 'textarea' }>, s: string): FieldCheck {
  const min = field.minLength ?? 0;
  const max = field.maxLength ?? (field.type === 'text' ? TEXT_MAX : TEXTAREA_MAX);
  const n = length(s);
  if (n < min) return fail('too_short', { min });
  if (n > max) return fail('too_long', { max });
  if (field.type === 'text' && field.pattern !== undefined && !new RegExp(`^(?:${field.pattern})$`, 'u').test(s)) {
    return fail('pattern');
  }
  return ok(s);
}

const formatCents = (cents: number): string => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

function checkMoney(field: Extract<FieldDef, { type: 'money' }>, raw: Record<string, unknown>): FieldCheck {
  const { amount, currency } = raw;
  let s: string;
  if (typeof amount === 'number') s = Number.isFinite(amount) ? String(amount) : '';
  else if (typeof amount === 'string') s = amount.replace(/\s/g, '').replace(',', '.');
  else return fail('invalid_type');
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return fail('invalid_amount');
  const cents = Number(m[1] ?? '0') * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (cents <= 0) return fail('invalid_amount');
  let code: string | undefined;
  if (typeof currency === 'string') code = currency.trim().toUpperCase();
  else if (currency === undefined || currency === null) code = field.currencies.length === 1 ? field.currencies[0] : undefined;
  else return fail('invalid_type');
  const accepted = field.currencies.find((c) => c === code);
  if (!accepted) return fail('invalid_currency', { allowed: field.currencies.join(', ') });
  if (field.min !== undefined && cents < Math.round(field.min * 100)) {
    return fail('amount_too_small', { min: field.min, currency: accepted });
  }
  if (field.max !== undefined && cents > Math.round(field.max * 100)) {
    return fail('amount_too_large', { max: field.max, currency: accepted });
  }
  return ok({ amount: formatCents(cents), currency: accepted satisfies Currency });
}

/** Milliseconds of the UTC midnight of a real calendar date, or null. */
function calendarDay(y: number, m: number, d: number): number | null {
  if (y < 1900 || y > 2999) return null;
  const t = Date.UTC(y, m - 1, d);
  const date = new Date(t);
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? t : null;
}

function checkDate(field: Extract<FieldDef, { type: 'date' }>, s: string, now: number): FieldCheck {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const day = m ? calendarDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (day === null) return fail('invalid_date');
  // "Today" somewhere on Earth: up to UTC+14 ahead, down to UTC-12 behind.
  if (field.notFuture && day > now + MAX_AHEAD + CLOCK_SKEW) return fail('date_in_future');
  const earliestToday = Math.floor((now - MAX_BEHIND) / DAY) * DAY;
  if (field.maxDaysAgo !== undefined && earliestToday - day > field.maxDaysAgo * DAY) {
    return fail('date_too_old', { days: field.maxDaysAgo });
  }
  return ok(s);
}

const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

function checkDatetime(field: Extract<FieldDef, { type: 'datetime' }>, s: string, now: number): FieldCheck {
  const m = DATETIME.exec(s);
  if (!m) return fail('invalid_date');
  const [, y, mo, d, hh = '', mm = '', ss, zone] = m;
  const day = calendarDay(Number(y), Number(mo), Number(d));
  if (day === null || Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59) return fail('invalid_date');
  let offset: string | undefined;
  let offsetMs = 0;
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const oh = zone.slice(1, 3);
    const om = zone.slice(-2);
    if (Number(oh) > 14 || Number(om) > 59) return fail('invalid_date');
    offset = `${zone[0]}${oh}:${om}`;
    offsetMs = (zone[0] === '-' ? -1 : 1) * (Number(oh) * HOUR + Number(om) * MINUTE);
  } else if (zone !== undefined) offset = 'Z';
  const local = day + Number(hh) * HOUR + Number(mm) * MINUTE + Number(ss ?? 0) * 1000;
  // Without an offset the time is the customer's local time: judge it in the most lenient time zone.
  const earliest = offset === undefined ? local - MAX_AHEAD : local - offsetMs;
  const latest = offset === undefined ? local + MAX_BEHIND : local - offsetMs;
  if (field.notFuture && earliest > now + CLOCK_SKEW) return fail('date_in_future');
  if (field.maxDaysAgo !== undefined && latest < now - field.maxDaysAgo * DAY) {
    return fail('date_too_old', { days: field.maxDaysAgo });
  }
  return ok(`${s.slice(0, 10)}T${hh}:${mm}${ss === undefined ? '' : `:${ss}`}${offset ?? ''}`);
}

function checkFiles(field: Extract<FieldDef, { type: 'files' }>, raw: unknown[]): FieldCheck {
  const files: FileDescriptor[] = [];
  for (const f of raw) {
    if (!isRecord(f) || typeof f.name !== 'string' || typeof f.type !== 'string') return fail('invalid_type');
    if (typeof f.size !== 'number' || !Number.isFinite(f.size) || f.size < 0) return fail('invalid_type');
    files.push({ name: f.name, size: f.size, type: f.type });
  }
  if (files.length > field.maxFiles) return fail('too_many_files', { max: field.maxFiles });
  const maxMb = field.maxSizeMb ?? DEFAULT_MAX_SIZE_MB;
  for (const f of files) {
    if (!field.accept.some((t) => t === f.type)) {
      return fail('file_type_not_allowed', { name: f.name, allowed: field.accept.map(fileTypeName).join(', ') });
    }
    if (f.size > maxMb * MIB) return fail('file_too_large', { name: f.name, maxMb });
  }
  return ok(files);
}

const fileTypeName = (type: string): string => (type === 'application/pdf' ? 'PDF' : type.replace('image/', '').toUpperCase());

/** Checks one visible field's raw value: the first error, or the normalised value (`undefined` = not given). */
export function checkFieldValue(field: FieldDef, raw: unknown, options: ValidateOptions = {}): FieldCheck {
  const now = (options.now ?? new Date()).getTime();
  if (field.type === 'checkbox') {
    const checked = raw === undefined || raw === null ? false : parseCheckbox(raw);
    if (checked === undefined) return fail('invalid_type');
    return field.required && !checked ? fail('must_be_checked') : ok(checked);
  }
  let blank =
    isBlank(raw) || (Array.isArray(raw) && raw.length === 0) || (field.type === 'money' && isRecord(raw) && isBlank(raw.amount));
  const s = typeof raw === 'string' ? cleanText(raw, field.type === 'textarea') : '';
  if (typeof raw === 'string' && s === '') blank = true;
  if (blank) return field.required ? fail('required') : ok(undefined);

  switch (field.type) {
    case 'money':
      return isRecord(raw) ? checkMoney(field, raw) : fail('invalid_type');
    case 'files':
      return Array.isArray(raw) ? checkFiles(field, raw) : fail('invalid_type');
    default:
      if (typeof raw !== 'string') return fail('invalid_type');
  }
  switch (field.type) {
    case 'text':
    case 'textarea':
      return checkText(field, s);
    case 'email':
      return checkEmail(s);
    case 'phone':
    case 'wallet': {
      const phone = normalizePhone(s);
      return phone ? ok(phone) : fail(field.type === 'phone' ? 'invalid_phone' : 'invalid_wallet');
    }
    case 'date':
      return checkDate(field, s, now);
    case 'datetime':
      return checkDatetime(field, s, now);
    case 'select':
      return field.options.some((o) => o.value === s) ? ok(s) : fail('invalid_option');
    case 'terminal_id': {
      const digits = s.replace(/\s/g, '');
      return /^\d{4,10}$/.test(digits) ? ok(digits) : fail('invalid_terminal_id');
    }
    case 'receipt_number': {
      const receipt = s.replace(/\s/g, '');
      return /^[A-Za-z0-9\u0400-\u04FF-]{4,30}$/.test(receipt) ? ok(receipt) : fail('invalid_receipt_number');
    }
  }
}

/**
 * The zod schema of a submission of `form`: input is the raw key → value record, output the normalised
 * `FormValues` of the visible fields. Each failing field yields one custom issue at path `[key]` whose
 * `params.fieldError` is the `FieldError` (read them back with `fieldErrorsFromIssues`).
 */
export function buildValuesSchema(form: FormDef, options: ValidateOptions = {}): z.ZodType<FormValues, Record<string, unknown>> {
  const keys = new Set(form.fields.map((f) => f.key));
  return z.record(z.string(), z.unknown()).transform((values, ctx) => {
    const out: FormValues = {};
    const report = (key: string, error: FieldError, input: unknown): void =>
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: fieldErrorMessage(error, 'en'),
        params: { fieldError: error },
        input,
      });
    for (const key of Object.keys(values)) {
      if (!keys.has(key)) report(key, { code: 'unknown_field' }, values[key]);
    }
    for (const field of form.fields) {
      if (!isFieldVisible(form, field, values)) continue;
      const result = checkFieldValue(field, values[field.key], options);
      if (!result.ok) report(field.key, result.error, values[field.key]);
      else if (result.value !== undefined) out[field.key] = result.value;
    }
    // A period's end before its start (both valid dates, YYYY-MM-DD, so they compare as text).
    for (const field of form.fields) {
      if (field.type !== 'date' || !field.notBefore) continue;
      const [end, start] = [out[field.key], out[field.notBefore]];
      if (typeof end === 'string' && typeof start === 'string' && end < start)
        report(field.key, { code: 'date_before_start' }, values[field.key]);
    }
    return out;
  });
}

function isFieldError(x: unknown): x is FieldError {
  return isRecord(x) && typeof x.code === 'string';
}

/** Per-field errors from the issues of a `buildValuesSchema` parse (anything else counts as `invalid_type`). */
export function fieldErrorsFromIssues(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const head = issue.path[0];
    const key = typeof head === 'string' ? head : FORM_ERROR_KEY;
    const fieldError: unknown = issue.code === 'custom' ? issue.params?.fieldError : undefined;
    errors[key] ??= isFieldError(fieldError) ? fieldError : { code: 'invalid_type' };
  }
  return errors;
}

/**
 * Validates a submission against `form`: unknown keys and invalid visible fields are refused (one error
 * per field), hidden fields are ignored, and the accepted values come back normalised.
 */
export function validateFormValues(
  form: FormDef,
  values: Record<string, unknown>,
  options: ValidateOptions = {},
): { ok: true; values: FormValues } | { ok: false; errors: FieldErrors } {
  const parsed = buildValuesSchema(form, options).safeParse(values);
  return parsed.success ? { ok: true, values: parsed.data } : { ok: false, errors: fieldErrorsFromIssues(parsed.error.issues) };
}
