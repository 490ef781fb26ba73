import type { Locale } from '../../common/errors';

// Dates and money come from common/format.ts (the server's mail uses the same); sizes and
// durations are the web's own, all through Intl (no strings to translate).
export { formatDateTime, formatMoney, formatShortDate, formatShortDateTime, localeTag } from '../../common/format';

import { formatDateTime, localeTag } from '../../common/format';

/** "850 байт", "12,4 КБ", "3,1 МБ" (units from Intl). */
export function formatFileSize(bytes: number, locale: Locale): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(localeTag(locale), {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** A review time in minutes as the largest whole-ish unit: "45 часов", "3 дня", "30 минут". */
export function formatDuration(minutes: number, locale: Locale): string {
  const format = (value: number, unit: 'minute' | 'hour' | 'day') =>
    new Intl.NumberFormat(localeTag(locale), { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 1 }).format(
      value,
    );
  if (minutes < 60) return format(Math.max(1, Math.round(minutes)), 'minute');
  if (minutes < 48 * 60 || minutes % (24 * 60) !== 0) return format(Math.round((minutes / 60) * 10) / 10, 'hour');
  return format(minutes / (24 * 60), 'day');
}

const LOCAL_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A submitted value as the API shows it ("2025-05-12", "2025-05-12T14:30", "500.00 RUB") in the
 * interface language. A date-time without an offset is the customer's wall-clock time and is
 * shown as typed; anything unrecognised is returned unchanged.
 */
export function formatFieldValue(type: string, value: string, locale: Locale): string {
  const tag = localeTag(locale);
  if (type === 'date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!m) return value;
    const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  }
  if (type === 'datetime') {
    const m = LOCAL_DATETIME.exec(value);
    if (m) {
      const [, y, mo, d, h, mi, s] = m;
      const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0)));
      return new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(date);
    }
    const date = new Date(value);
    return /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(date.getTime()) ? formatDateTime(value, locale) : value;
  }
  if (type === 'money') {
    const m = /^(\d+(?:\.\d{1,2})?) ([A-Z]{3})$/.exec(value);
    if (!m) return value;
    try {
      return new Intl.NumberFormat(tag, { style: 'currency', currency: m[2] }).format(Number(m[1]));
    } catch {
      return value;
    }
  }
  return value;
}
