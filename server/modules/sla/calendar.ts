/**
 * Pure SLA arithmetic on business calendars: working minutes counted in a calendar's IANA time zone.
 *
 * An instant is working time when the zone's wall clock (read with `Intl.DateTimeFormat`) shows a working
 * interval of a working day, so daylight-saving transitions are honoured and every minute counted is a real
 * elapsed minute: a 00:00–24:00 day lasts 23 or 25 hours on a transition day, local times skipped in spring
 * never count, and local times repeated in autumn count twice. Assumes at most one offset change per local
 * day (true of every current IANA zone).
 *
 * Calendars are treated as immutable: each one is compiled once and cached by object identity.
 */
import { z } from 'zod';

/** A day of the week, as used for the keys of {@link BusinessCalendar.weekly}. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** The weekdays, Monday first. */
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** When the clock of an SLA runs. */
export type BusinessCalendar = {
  /** IANA time zone, e.g. 'Europe/Moscow', 'Europe/Kyiv'. */
  timeZone: string;
  /** 24/7: every minute counts; `weekly` and `holidays` are then ignored. */
  alwaysOpen?: boolean;
  /** Working intervals per weekday as local "HH:MM"-"HH:MM" pairs; a day may have several (lunch break); '24:00' allowed as an end. */
  weekly: Partial<Record<Weekday, Array<[string, string]>>>;
  /** Local dates 'YYYY-MM-DD' with no working time. */
  holidays?: string[];
};

/**
 * The SLA clock of one target. Running: `dueAt` set, `remainingMinutes` null. Paused: `dueAt` null,
 * `remainingMinutes` set. No SLA: both null.
 */
export type SlaClock = { dueAt: Date | null; remainingMinutes: number | null };

/** Thrown when a calendar that is not `alwaysOpen` has no working time, so no deadline can ever be reached. */
export class NoWorkingTimeError extends Error {
  constructor(timeZone: string) {
    super(`The business calendar (${timeZone}) has no working time: add weekly intervals or set alwaysOpen`);
    this.name = 'NoWorkingTimeError';
  }
}

const MIN_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Index = `Date#getUTCDay()` (0 = Sunday). */
const BY_DAY_INDEX: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const formatters = new Map<string, Intl.DateTimeFormat>();

const NUMERIC_PARTS = {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
} as const;

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) formatters.set(timeZone, (f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', ...NUMERIC_PARTS })));
  return f;
}

/** The zone's wall clock at instant `t`, read as if it were UTC (whole seconds). */
function wallClockMs(timeZone: string, t: number): number {
  const v = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  for (const p of formatter(timeZone).formatToParts(t)) {
    if (p.type in v) v[p.type as keyof typeof v] = Number(p.value);
  }
  return Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute, v.second);
}

/** UTC offset of the zone at instant `t`, in ms (local = utc + offset). */
function offsetAt(timeZone: string, t: number): number {
  return wallClockMs(timeZone, t) - Math.floor(t / 1000) * 1000;
}

/** The civil day number (days since 1970-01-01) of the zone's local date at instant `t`. */
function localDayNumber(timeZone: string, t: number): number {
  // The pieces of the UTC day around t (cached) carry the offset, so no formatter call is needed.
  const utcDayStart = Math.floor(t / DAY_MS) * DAY_MS;
  for (const piece of dayPieces(timeZone, utcDayStart)) {
    if (t >= piece.start && t < piece.end) return Math.floor((Math.floor(t / 1000) * 1000 + piece.offset) / DAY_MS);
  }
  return Math.floor(wallClockMs(timeZone, t) / DAY_MS);
}

/** A stretch of UTC time [start, end) during which the zone's offset is constant. */
type Piece = { start: number; end: number; offset: number };

/**
 * The constant-offset pieces of UTC time covering every instant whose local time lies in the local day that
 * begins at `dayStart` (ms, read as if UTC). Assumes at most one offset change within those ~54 hours.
 */
function dayPieces(timeZone: string, dayStart: number): Piece[] {
  // Every filing computes four due times over the same few days: formatToParts is the costly part
  // (it was 8 % of the app's CPU at c = 32 in bench/intake), and a day's pieces never change.
  const key = `${timeZone}|${dayStart}`;
  const cached = piecesCache.get(key);
  if (cached) return cached;
  const pieces = computeDayPieces(timeZone, dayStart);
  if (piecesCache.size >= PIECES_CACHE_MAX) piecesCache.clear();
  piecesCache.set(key, pieces);
  return pieces;
}

/** Zone and local day → its pieces; bounded (cleared when full: ~ten years of days of a few zones). */
const piecesCache = new Map<string, Piece[]>();
const PIECES_CACHE_MAX = 20_000;

function computeDayPieces(timeZone: string, dayStart: number): Piece[] {
  const lo = dayStart - 15 * HOUR_MS; // offsets range from -12h to +14h
  const hi = dayStart + DAY_MS + 15 * HOUR_MS;
  const before = offsetAt(timeZone, lo);
  const after = offsetAt(timeZone, hi);
  if (before === after) return [{ start: lo, end: hi, offset: before }];
  // Find the transition instant, to the second.
  let a = lo;
  let b = hi;
  while (b - a > 1000) {
    const mid = a + Math.floor((b - a) / 2000) * 1000;
    if (offsetAt(timeZone, mid) === before) a = mid;
    else b = mid;
  }
  return [
    { start: lo, end: b, offset: before },
    { start: b, end: hi, offset: after },
  ];
}

function isTimeZone(timeZone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(timeZone)) return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

const START_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
const END_RE = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** An "HH:MM" pair as minutes since local midnight, or null if malformed (the start may not precede the end). */
function minutesOf([s, e]: [string, string]): [number, number] | null {
  if (!START_RE.test(s) || !END_RE.test(e)) return null;
  return [Number(s.slice(0, 2)) * 60 + Number(s.slice(3)), Number(e.slice(0, 2)) * 60 + Number(e.slice(3))];
}

/**
 * The working minutes of the calendar's longest weekday (9 h = 540 for 09:00–18:00): what a
 * "business day" means when a review time is shown in days. Null for 24/7 calendars.
 */
export function workingDayMinutes(calendar: BusinessCalendar): number | null {
  if (calendar.alwaysOpen) return null;
  let longest = 0;
  for (const day of WEEKDAYS) {
    let total = 0;
    for (const pair of calendar.weekly[day] ?? []) {
      const m = minutesOf(pair);
      if (m) total += m[1] - m[0];
    }
    longest = Math.max(longest, total);
  }
  return longest > 0 ? longest : null;
}

/** Whether an "HH:MM" pair is well formed with its start before its end. */
function isWorkingInterval(pair: [string, string]): boolean {
  const m = minutesOf(pair);
  return m !== null && m[0] < m[1];
}

const intervalSchema = z
  .tuple([z.string().regex(START_RE, 'sla.start_time'), z.string().regex(END_RE, 'sla.end_time')])
  .refine((pair) => minutesOf(pair) === null || isWorkingInterval(pair), { message: 'sla.start_before_end' });

const daySchema = z
  .array(intervalSchema)
  .superRefine((intervals, ctx) => {
    const parsed = intervals
      .flatMap((pair, index) => {
        const m = minutesOf(pair);
        return m && m[0] < m[1] ? [{ index, start: m[0], end: m[1] }] : [];
      })
      .sort((x, y) => x.start - y.start);
    for (let i = 1; i < parsed.length; i++) {
      const prev = parsed[i - 1];
      const cur = parsed[i];
      if (prev && cur && cur.start < prev.end) {
        ctx.addIssue({ code: 'custom', path: [cur.index], message: 'sla.overlap' });
      }
    }
  })
  .optional();

/**
 * Validates a {@link BusinessCalendar}; each issue names the path of the offending value, and its
 * message is a code whose text, in the reader's language, is in server/issues.ts.
 */
export const calendarSchema = z
  .object({
    timeZone: z.string().refine(isTimeZone, { message: 'sla.unknown_time_zone' }),
    alwaysOpen: z.boolean().optional(),
    weekly: z.strictObject({
      mon: daySchema,
      tue: daySchema,
      wed: daySchema,
      thu: daySchema,
      fri: daySchema,
      sat: daySchema,
      sun: daySchema,
    }),
    holidays: z.array(z.iso.date('sla.real_date')).optional(),
  })
  .superRefine((cal, ctx) => {
    if (cal.alwaysOpen) return;
    if (!Object.values(cal.weekly).some((day) => day?.some(isWorkingInterval)))
      ctx.addIssue({ code: 'custom', path: ['weekly'], message: 'sla.no_working_time' });
  }) satisfies z.ZodType<BusinessCalendar>;

type Compiled = {
  timeZone: string;
  alwaysOpen: boolean;
  /** Sorted, merged [startMinute, endMinute) local intervals; index = day of week, 0 = Sunday. */
  week: Array<Array<[number, number]>>;
  /** Civil day numbers of the holidays. */
  holidays: Set<number>;
  /** Consecutive days without working time after which the calendar is deemed empty. */
  maxIdleDays: number;
};

const compiled = new WeakMap<BusinessCalendar, Compiled>();

function compile(calendar: BusinessCalendar): Compiled {
  const cached = compiled.get(calendar);
  if (cached) return cached;
  if (!isTimeZone(calendar.timeZone)) throw new RangeError(`Unknown IANA time zone: ${calendar.timeZone}`);
  const week = BY_DAY_INDEX.map((day) => {
    const intervals = (calendar.weekly[day] ?? []).map((pair) => {
      const m = minutesOf(pair);
      if (!m) throw new RangeError(`Bad working interval on ${day}: ${pair.join('-')}`);
      return m;
    });
    const merged: Array<[number, number]> = [];
    for (const [a, b] of intervals.filter(([a, b]) => a < b).sort((x, y) => x[0] - y[0])) {
      const last = merged[merged.length - 1];
      if (last && a <= last[1]) last[1] = Math.max(last[1], b);
      else merged.push([a, b]);
    }
    return merged;
  });
  const alwaysOpen = calendar.alwaysOpen === true;
  if (!alwaysOpen && week.every((day) => day.length === 0)) throw new NoWorkingTimeError(calendar.timeZone);
  const holidays = new Set<number>();
  for (const date of calendar.holidays ?? []) {
    const ms = Date.parse(`${date}T00:00:00Z`);
    if (Number.isNaN(ms)) throw new RangeError(`Bad holiday date: ${date}`);
    holidays.add(ms / DAY_MS);
  }
  const result: Compiled = { timeZone: calendar.timeZone, alwaysOpen, week, holidays, maxIdleDays: 7 * (holidays.size + 3) };
  compiled.set(calendar, result);
  return result;
}

/** Working intervals as UTC [start, end) instants, in order, that end after `from` (clipped to start at `from` at the earliest). */
function* workingSegments(c: Compiled, from: number): Generator<[number, number]> {
  let dayNumber = localDayNumber(c.timeZone, from) - 1;
  let idle = 0;
  for (;;) {
    let worked = false;
    const weekday = (((dayNumber + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
    const intervals = c.holidays.has(dayNumber) ? [] : (c.week[weekday] ?? []);
    if (intervals.length > 0) {
      const dayStart = dayNumber * DAY_MS;
      for (const piece of dayPieces(c.timeZone, dayStart)) {
        for (const [s, e] of intervals) {
          // Intersect the interval with the piece in local time, then map back to UTC with the piece's offset.
          const localFrom = Math.max(dayStart + s * MIN_MS, piece.start + piece.offset);
          const localTo = Math.min(dayStart + e * MIN_MS, piece.end + piece.offset);
          if (localTo <= localFrom) continue;
          worked = true;
          const b = localTo - piece.offset;
          if (b > from) yield [Math.max(localFrom - piece.offset, from), b];
        }
      }
    }
    idle = worked ? 0 : idle + 1;
    if (idle > c.maxIdleDays) throw new NoWorkingTimeError(c.timeZone);
    dayNumber++;
  }
}

function instant(date: Date, name: string): number {
  const t = date.getTime();
  if (Number.isNaN(t)) throw new RangeError(`${name} is an invalid date`);
  return t;
}

/**
 * The instant when `minutes` working minutes have elapsed from `start`. Counting begins at `start` if it is
 * within working time, else at the next opening; 0 minutes gives that instant. A deadline that ends exactly
 * at a closing time is that closing time. Fractional minutes are honoured to the millisecond.
 * @throws {NoWorkingTimeError} if the calendar has no working time; RangeError for negative or non-finite minutes.
 */
export function addBusinessMinutes(calendar: BusinessCalendar, start: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`minutes must be a finite number >= 0, got ${minutes}`);
  const c = compile(calendar);
  const t0 = instant(start, 'start');
  let remaining = Math.round(minutes * MIN_MS);
  if (c.alwaysOpen) return new Date(t0 + remaining);
  for (const [a, b] of workingSegments(c, t0)) {
    if (b - a >= remaining) return new Date(a + remaining);
    remaining -= b - a;
  }
  throw new NoWorkingTimeError(c.timeZone); // unreachable: the generator is infinite or throws
}

/**
 * Working minutes in [from, to); 0 if `to <= from`. Fractional when the instants are not whole minutes apart.
 * Inverse of {@link addBusinessMinutes}: `businessMinutesBetween(c, s, addBusinessMinutes(c, s, m)) === m`.
 */
export function businessMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  const c = compile(calendar);
  const t0 = instant(from, 'from');
  const t1 = instant(to, 'to');
  if (t1 <= t0) return 0;
  if (c.alwaysOpen) return (t1 - t0) / MIN_MS;
  let total = 0;
  for (const [a, b] of workingSegments(c, t0)) {
    if (a >= t1) break;
    total += Math.min(b, t1) - a;
    if (b >= t1) break;
  }
  return total / MIN_MS;
}

/** `at` if it is within working time, else the next instant when work begins. */
export function nextOpening(calendar: BusinessCalendar, at: Date): Date {
  return addBusinessMinutes(calendar, at, 0);
}

/** Whether `at` is within working time (opening instants are, closing instants are not). */
export function isWorkingTime(calendar: BusinessCalendar, at: Date): boolean {
  return nextOpening(calendar, at).getTime() === at.getTime();
}

/**
 * Stops a running clock at `at`: `dueAt` becomes null and `remainingMinutes` the working minutes left from
 * `at` to the old `dueAt` — 0 if the deadline has already passed (the caller knows it was breached).
 * A clock that is not running is returned unchanged.
 */
export function pauseClock(calendar: BusinessCalendar, clock: SlaClock, at: Date): SlaClock {
  if (clock.dueAt === null) return clock;
  return { dueAt: null, remainingMinutes: businessMinutesBetween(calendar, at, clock.dueAt) };
}

/**
 * Restarts a paused clock at `at`: `dueAt = addBusinessMinutes(at, remainingMinutes)`, `remainingMinutes` null.
 * A running clock, or one with no SLA (both null), is returned unchanged.
 */
export function resumeClock(calendar: BusinessCalendar, clock: SlaClock, at: Date): SlaClock {
  if (clock.dueAt !== null || clock.remainingMinutes === null) return clock;
  return { dueAt: addBusinessMinutes(calendar, at, Math.max(0, clock.remainingMinutes)), remainingMinutes: null };
}

/** Keys of {@link DEMO_CALENDARS}. */
export type DemoCalendarKey = 'workdays_msk' | 'around_the_clock' | 'workdays_kyiv';

/** Mon–Fri 09:00–18:00, a fresh object each time so the demo calendars share nothing. */
function workdays9to18(): BusinessCalendar['weekly'] {
  return Object.fromEntries(WEEKDAYS.slice(0, 5).map((day) => [day, [['09:00', '18:00']]]));
}

/**
 * Russian public holidays of 2026 and 2027 — good enough for demos, not an official production calendar.
 * Holidays on a weekend move to the next working day (Labor Code art. 112): 2026-03-09, 2026-05-11, and for
 * 2027 2027-05-03, 2027-05-10, 2027-06-14. The government's yearly decree that moves the weekend days of the
 * New Year holidays (for 2026 to Jan 9 and Dec 31) and shortened pre-holiday days are not modelled.
 */
const RU_HOLIDAYS_2026_2027: string[] = [
  ...[2026, 2027].flatMap((year) =>
    '01-01 01-02 01-03 01-04 01-05 01-06 01-07 01-08 02-23 03-08 05-01 05-09 06-12 11-04'.split(' ').map((md) => `${year}-${md}`),
  ),
  ...['2026-03-09', '2026-05-11', '2027-05-03', '2027-05-10', '2027-06-14'],
].sort();

/** Calendars for demos and tests. */
export const DEMO_CALENDARS: Record<DemoCalendarKey, BusinessCalendar> = {
  workdays_msk: { timeZone: 'Europe/Moscow', weekly: workdays9to18(), holidays: RU_HOLIDAYS_2026_2027 },
  around_the_clock: { timeZone: 'Europe/Moscow', alwaysOpen: true, weekly: {} },
  workdays_kyiv: { timeZone: 'Europe/Kyiv', weekly: workdays9to18() },
};
