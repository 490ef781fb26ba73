/**
 * A business calendar as the SLA tab edits it (see server/modules/sla/calendar.ts `BusinessCalendar`):
 * an IANA time zone, 24/7 or weekly "HH:MM"–"HH:MM" intervals per weekday, and holidays.
 */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type Interval = [string, string];

export type CalendarDraft = {
  timeZone: string;
  alwaysOpen: boolean;
  weekly: Record<Weekday, Interval[]>;
  holidays: string[];
};

function isInterval(value: unknown): value is Interval {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string';
}

/** Reads a stored definition, tolerating missing parts. */
export function fromDefinition(definition: Record<string, unknown>): CalendarDraft {
  const weekly =
    typeof definition.weekly === 'object' && definition.weekly !== null ? (definition.weekly as Record<string, unknown>) : {};
  const days = Object.fromEntries(
    WEEKDAYS.map((day) => {
      const list = weekly[day];
      return [day, Array.isArray(list) ? list.filter(isInterval).map(([s, e]): Interval => [s, e]) : []];
    }),
  ) as Record<Weekday, Interval[]>;
  return {
    timeZone: typeof definition.timeZone === 'string' ? definition.timeZone : '',
    alwaysOpen: definition.alwaysOpen === true,
    weekly: days,
    holidays: Array.isArray(definition.holidays) ? definition.holidays.filter((h): h is string => typeof h === 'string') : [],
  };
}

/** The definition to `PUT`: days without intervals left out, holidays sorted and unique. */
export function toDefinition(draft: CalendarDraft): Record<string, unknown> {
  const weekly: Partial<Record<Weekday, Interval[]>> = {};
  for (const day of WEEKDAYS) {
    const list = draft.weekly[day].map(([s, e]): Interval => [s.trim(), e.trim()]);
    if (list.length) weekly[day] = list;
  }
  return {
    timeZone: draft.timeZone.trim(),
    ...(draft.alwaysOpen ? { alwaysOpen: true } : {}),
    weekly,
    holidays: [...new Set(draft.holidays)].sort(),
  };
}

/** Minutes of "HH:MM" (24:00 allowed), or null. */
function minutes(time: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(time.trim());
  if (!m) return null;
  const value = Number(m[1]) * 60 + Number(m[2]);
  return value <= 24 * 60 ? value : null;
}

/** Working minutes of one day's intervals (malformed ones count 0). */
export function dayMinutes(intervals: readonly Interval[]): number {
  return intervals.reduce((sum, [s, e]) => {
    const a = minutes(s);
    const b = minutes(e);
    return a !== null && b !== null && b > a ? sum + (b - a) : sum;
  }, 0);
}

/**
 * The length of a "day" for SLA targets: 24 h on a 24/7 calendar, else the commonest working-day
 * length (Mon–Fri 09:00–18:00 → 540 minutes); null when the week has no working time.
 */
export function workdayMinutes(draft: CalendarDraft): number | null {
  if (draft.alwaysOpen) return 24 * 60;
  const counts = new Map<number, number>();
  for (const day of WEEKDAYS) {
    const m = dayMinutes(draft.weekly[day]);
    if (m > 0) counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [m, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && m > best)) {
      best = m;
      bestCount = count;
    }
  }
  return best;
}
