import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  type BusinessCalendar,
  businessMinutesBetween,
  calendarSchema,
  DEMO_CALENDARS,
  isWorkingTime,
  nextOpening,
  NoWorkingTimeError,
  pauseClock,
  resumeClock,
} from './calendar';

const msk = DEMO_CALENDARS.workdays_msk;
const kyiv = DEMO_CALENDARS.workdays_kyiv;
const allDay = DEMO_CALENDARS.around_the_clock;

/** Mon–Fri 09:00–13:00 and 14:00–18:00 in Moscow. */
const lunch: BusinessCalendar = {
  timeZone: 'Europe/Moscow',
  weekly: Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((d) => [
      d,
      [
        ['09:00', '13:00'],
        ['14:00', '18:00'],
      ],
    ]),
  ),
};

/** Kyiv weekdays 09:00–18:00 plus Sundays that count around the clock (DST: last Sundays of March and October). */
const kyivSundays: BusinessCalendar = { timeZone: 'Europe/Kyiv', weekly: { ...kyiv.weekly, sun: [['00:00', '24:00']] } };

const at = (iso: string): Date => new Date(iso);
const add = (c: BusinessCalendar, start: string, minutes: number): string =>
  addBusinessMinutes(c, at(start), minutes).toISOString();
const between = (c: BusinessCalendar, from: string, to: string): number => businessMinutesBetween(c, at(from), at(to));
/** The UTC ISO form of an instant written with an offset, for comparing with `add`. */
const utc = (iso: string): string => at(iso).toISOString();

describe('addBusinessMinutes on Mon–Fri 09:00–18:00 Moscow', () => {
  it('carries over night: Tue 17:30 + 60 → Wed 09:30', () => {
    expect(add(msk, '2026-06-02T17:30:00+03:00', 60)).toBe(utc('2026-06-03T09:30:00+03:00'));
  });

  it('carries over the weekend: Fri 17:00 + 120 → Mon 10:00', () => {
    expect(add(msk, '2026-06-05T17:00:00+03:00', 120)).toBe(utc('2026-06-08T10:00:00+03:00'));
  });

  it('skips holidays: Thu 2026-06-11 17:00 + 120 → Mon 06-15 10:00 (Fri 06-12 is Russia Day)', () => {
    expect(add(msk, '2026-06-11T17:00:00+03:00', 120)).toBe(utc('2026-06-15T10:00:00+03:00'));
    expect(between(msk, '2026-06-11T00:00:00+03:00', '2026-06-16T00:00:00+03:00')).toBe(2 * 540); // Thu 11 and Mon 15
    // Transfer day: Sun 2026-03-08 moves to Mon 03-09.
    expect(add(msk, '2026-03-06T17:00:00+03:00', 120)).toBe(utc('2026-03-10T10:00:00+03:00'));
  });

  it('starts counting at the next opening when started before opening or after closing', () => {
    expect(add(msk, '2026-06-03T07:00:00+03:00', 30)).toBe(utc('2026-06-03T09:30:00+03:00'));
    expect(add(msk, '2026-06-03T20:00:00+03:00', 30)).toBe(utc('2026-06-04T09:30:00+03:00'));
    expect(add(msk, '2026-06-06T11:00:00+03:00', 30)).toBe(utc('2026-06-08T09:30:00+03:00'));
  });

  it('handles 0 minutes, closing instants and deadlines that end at closing', () => {
    expect(add(msk, '2026-06-03T12:34:56.789+03:00', 0)).toBe(utc('2026-06-03T12:34:56.789+03:00'));
    expect(add(msk, '2026-06-03T18:00:00+03:00', 0)).toBe(utc('2026-06-04T09:00:00+03:00'));
    expect(add(msk, '2026-06-03T17:00:00+03:00', 60)).toBe(utc('2026-06-03T18:00:00+03:00'));
    expect(add(msk, '2026-06-03T17:00:00+03:00', 0.5)).toBe(utc('2026-06-03T17:00:30+03:00'));
  });

  it('counts 5 business days (2700 minutes) across a holiday and a weekend', () => {
    // Wed 06-10 10:00 → Thu 11, (Fri 12 holiday), Mon 15, Tue 16, Wed 17, Thu 18 10:00.
    expect(add(msk, '2026-06-10T10:00:00+03:00', 2700)).toBe(utc('2026-06-18T10:00:00+03:00'));
  });

  it('jumps day by day over long spans: 100,000 minutes in well under a second', () => {
    const t0 = performance.now();
    // 185 working days of 540 minutes + 100: Jan 12 → Oct 5 2026 minus Feb 23, Mar 9, May 1, May 11, Jun 12.
    expect(add(msk, '2026-01-12T10:00:00+03:00', 100_000)).toBe(utc('2026-10-05T11:40:00+03:00'));
    expect(between(msk, '2026-01-12T10:00:00+03:00', '2026-10-05T11:40:00+03:00')).toBe(100_000);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('refuses negative or non-finite minutes and invalid dates', () => {
    expect(() => addBusinessMinutes(msk, at('2026-06-03T10:00:00Z'), -1)).toThrow(RangeError);
    expect(() => addBusinessMinutes(msk, at('2026-06-03T10:00:00Z'), Number.NaN)).toThrow(RangeError);
    expect(() => addBusinessMinutes(msk, at('nope'), 1)).toThrow(/invalid date/);
  });
});

describe('other calendars', () => {
  it('skips the lunch break of a day with two intervals', () => {
    expect(add(lunch, '2026-06-03T12:30:00+03:00', 60)).toBe(utc('2026-06-03T14:30:00+03:00'));
    expect(add(lunch, '2026-06-03T13:30:00+03:00', 0)).toBe(utc('2026-06-03T14:00:00+03:00'));
    expect(add(lunch, '2026-06-03T17:00:00+03:00', 480)).toBe(utc('2026-06-04T17:00:00+03:00'));
    expect(between(lunch, '2026-06-03T00:00:00+03:00', '2026-06-04T00:00:00+03:00')).toBe(480);
  });

  it('counts every minute on a 24/7 calendar', () => {
    expect(add(allDay, '2026-06-06T23:00:00+03:00', 1500)).toBe(utc('2026-06-08T00:00:00+03:00'));
    expect(add(allDay, '2026-01-01T00:00:00+03:00', 0)).toBe(utc('2026-01-01T00:00:00+03:00'));
    expect(between(allDay, '2026-06-06T23:00:00+03:00', '2026-06-08T00:00:00+03:00')).toBe(1500);
    expect(between(allDay, '2026-06-08T00:00:00+03:00', '2026-06-06T23:00:00+03:00')).toBe(0);
  });

  it('uses the local hours of Kyiv (UTC+2 in winter, UTC+3 in summer)', () => {
    expect(add(kyiv, '2026-01-16T17:00:00+02:00', 120)).toBe(utc('2026-01-19T10:00:00+02:00'));
    expect(add(kyiv, '2026-07-03T17:00:00+03:00', 120)).toBe(utc('2026-07-06T10:00:00+03:00'));
    // 09:30 in Moscow is 08:30 in Kyiv in winter: Kyiv opens an hour later.
    expect(nextOpening(kyiv, at('2026-01-14T09:30:00+03:00')).toISOString()).toBe(utc('2026-01-14T09:00:00+02:00'));
    // Kyiv has no holidays in its demo calendar: Russia Day is a working day there.
    expect(add(kyiv, '2026-06-12T10:00:00+03:00', 60)).toBe(utc('2026-06-12T11:00:00+03:00'));
  });
});

describe('daylight saving time in Europe/Kyiv', () => {
  it('a Sunday counted around the clock lasts 23 hours in March and 25 in October', () => {
    expect(between(kyivSundays, '2026-03-29T00:00:00+02:00', '2026-03-30T00:00:00+03:00')).toBe(23 * 60);
    expect(between(kyivSundays, '2026-10-25T00:00:00+03:00', '2026-10-26T00:00:00+02:00')).toBe(25 * 60);
    // 1380 minutes on Sunday, the last 60 on Monday from 09:00 (now UTC+3).
    expect(add(kyivSundays, '2026-03-29T00:00:00+02:00', 1440)).toBe(utc('2026-03-30T10:00:00+03:00'));
    // Sunday has 1500 minutes: 1440 of them end at 23:00 local (UTC+2).
    expect(add(kyivSundays, '2026-10-25T00:00:00+03:00', 1440)).toBe(utc('2026-10-25T23:00:00+02:00'));
  });

  it('24/7 counts real elapsed minutes across the change', () => {
    const kyiv247: BusinessCalendar = { timeZone: 'Europe/Kyiv', alwaysOpen: true, weekly: {} };
    // 4 real hours, 5 on the wall clock.
    expect(add(kyiv247, '2026-03-28T23:00:00+02:00', 240)).toBe(utc('2026-03-29T04:00:00+03:00'));
  });

  it('weekday hours move with the offset across the weekend of the change', () => {
    expect(add(kyiv, '2026-03-27T17:00:00+02:00', 120)).toBe(utc('2026-03-30T10:00:00+03:00'));
    expect(add(kyiv, '2026-10-23T17:00:00+03:00', 120)).toBe(utc('2026-10-26T10:00:00+02:00'));
    expect(between(kyiv, '2026-03-27T00:00:00+02:00', '2026-03-31T00:00:00+03:00')).toBe(2 * 540);
  });

  it('skipped local times never count and repeated ones count twice', () => {
    const night: BusinessCalendar = { timeZone: 'Europe/Kyiv', weekly: { sun: [['02:00', '05:00']] } };
    expect(between(night, '2026-03-29T00:00:00+02:00', '2026-03-30T00:00:00+03:00')).toBe(120);
    expect(between(night, '2026-10-25T00:00:00+03:00', '2026-10-26T00:00:00+02:00')).toBe(240);
    const half: BusinessCalendar = { timeZone: 'Europe/Kyiv', weekly: { sun: [['03:30', '04:00']] } };
    expect(between(half, '2026-03-29T00:00:00+02:00', '2026-03-30T00:00:00+03:00')).toBe(0);
    expect(between(half, '2026-10-25T00:00:00+03:00', '2026-10-26T00:00:00+02:00')).toBe(60);
    // After the clocks go back (second 03:10), the next opening is the second 03:30.
    expect(nextOpening(half, at('2026-10-25T03:10:00+02:00')).toISOString()).toBe(utc('2026-10-25T03:30:00+02:00'));
    // 03:30 does not exist on 2026-03-29: the next opening is a week later.
    expect(nextOpening(half, at('2026-03-28T12:00:00+02:00')).toISOString()).toBe(utc('2026-04-05T03:30:00+03:00'));
  });
});

describe('nextOpening and isWorkingTime', () => {
  it('returns the instant itself within hours, else the next opening', () => {
    expect(nextOpening(msk, at('2026-06-03T10:00:00+03:00')).toISOString()).toBe(utc('2026-06-03T10:00:00+03:00'));
    expect(nextOpening(msk, at('2026-06-06T10:00:00+03:00')).toISOString()).toBe(utc('2026-06-08T09:00:00+03:00'));
    // New Year holidays Jan 1–8, then the weekend of Jan 9–10 2027.
    expect(nextOpening(msk, at('2026-12-31T18:30:00+03:00')).toISOString()).toBe(utc('2027-01-11T09:00:00+03:00'));
    expect(isWorkingTime(msk, at('2026-06-03T09:00:00+03:00'))).toBe(true);
    expect(isWorkingTime(msk, at('2026-06-03T18:00:00+03:00'))).toBe(false);
  });
});

describe('pauseClock and resumeClock', () => {
  it('pauses on Friday 17:00 with 60 minutes left and resumes Monday 12:00 → due Monday 13:00', () => {
    const running = { dueAt: at('2026-06-05T18:00:00+03:00'), remainingMinutes: null };
    const paused = pauseClock(msk, running, at('2026-06-05T17:00:00+03:00'));
    expect(paused).toEqual({ dueAt: null, remainingMinutes: 60 });
    const resumed = resumeClock(msk, paused, at('2026-06-08T12:00:00+03:00'));
    expect(resumed).toEqual({ dueAt: at('2026-06-08T13:00:00+03:00'), remainingMinutes: null });
  });

  it('counts only working minutes left and keeps a breached clock at 0', () => {
    const due = at('2026-06-08T10:00:00+03:00');
    expect(pauseClock(msk, { dueAt: due, remainingMinutes: null }, at('2026-06-05T17:00:00+03:00')).remainingMinutes).toBe(120);
    const breached = pauseClock(msk, { dueAt: due, remainingMinutes: null }, at('2026-06-09T10:00:00+03:00'));
    expect(breached).toEqual({ dueAt: null, remainingMinutes: 0 });
    expect(resumeClock(msk, breached, at('2026-06-09T20:00:00+03:00')).dueAt).toEqual(at('2026-06-10T09:00:00+03:00'));
  });

  it('leaves paused, running and SLA-less clocks alone when asked twice', () => {
    const paused = { dueAt: null, remainingMinutes: 30 };
    const running = { dueAt: at('2026-06-05T18:00:00+03:00'), remainingMinutes: null };
    const none = { dueAt: null, remainingMinutes: null };
    expect(pauseClock(msk, paused, at('2026-06-05T12:00:00+03:00'))).toBe(paused);
    expect(resumeClock(msk, running, at('2026-06-05T12:00:00+03:00'))).toBe(running);
    expect(resumeClock(msk, none, at('2026-06-05T12:00:00+03:00'))).toBe(none);
  });
});

describe('calendars without working time', () => {
  const empty: BusinessCalendar = { timeZone: 'Europe/Moscow', weekly: { sat: [] } };

  it('throws a clear error instead of looping', () => {
    expect(() => addBusinessMinutes(empty, at('2026-06-03T10:00:00Z'), 60)).toThrow(NoWorkingTimeError);
    expect(() => nextOpening(empty, at('2026-06-03T10:00:00Z'))).toThrow(/has no working time/);
    expect(() => businessMinutesBetween(empty, at('2026-06-03T10:00:00Z'), at('2026-06-04T10:00:00Z'))).toThrow(
      NoWorkingTimeError,
    );
  });

  it('still finds working time hidden behind a year of holidays', () => {
    const mondays = Array.from({ length: 53 }, (_, i) => new Date(Date.UTC(2026, 0, 5 + 7 * i)).toISOString().slice(0, 10));
    const c: BusinessCalendar = { timeZone: 'Europe/Moscow', weekly: { mon: [['09:00', '18:00']] }, holidays: mondays };
    expect(add(c, '2026-01-01T00:00:00+03:00', 60)).toBe(utc('2027-01-11T10:00:00+03:00'));
  });
});

describe('calendarSchema', () => {
  const valid: BusinessCalendar = { timeZone: 'Europe/Moscow', weekly: { mon: [['09:00', '18:00']] }, holidays: ['2026-06-12'] };
  const paths = (input: unknown): Array<Array<PropertyKey>> => {
    const result = calendarSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((i) => i.path);
  };

  it('accepts the demo calendars, touching intervals and 24:00 as an end', () => {
    for (const c of Object.values(DEMO_CALENDARS)) expect(paths(c)).toEqual([]);
    expect(
      paths({
        ...valid,
        weekly: {
          sun: [['00:00', '24:00']],
          mon: [
            ['13:00', '18:00'],
            ['09:00', '13:00'],
          ],
        },
      }),
    ).toEqual([]);
    expect(paths({ timeZone: 'UTC', alwaysOpen: true, weekly: {} })).toEqual([]);
  });

  it.each<[string, unknown, Array<PropertyKey>]>([
    ['an unknown time zone', { ...valid, timeZone: 'Mars/Olympus_Mons' }, ['timeZone']],
    ['an offset instead of a zone', { ...valid, timeZone: '+03:00' }, ['timeZone']],
    [
      'a time without a leading zero',
      { ...valid, weekly: { ...valid.weekly, fri: [['9:00', '18:00']] } },
      ['weekly', 'fri', 0, 0],
    ],
    ['24:00 as a start', { ...valid, weekly: { ...valid.weekly, fri: [['24:00', '24:00']] } }, ['weekly', 'fri', 0, 0]],
    ['minute 60', { ...valid, weekly: { ...valid.weekly, tue: [['09:00', '18:60']] } }, ['weekly', 'tue', 0, 1]],
    ['a start after the end', { ...valid, weekly: { ...valid.weekly, wed: [['18:00', '09:00']] } }, ['weekly', 'wed', 0]],
    ['an empty interval', { ...valid, weekly: { ...valid.weekly, wed: [['09:00', '09:00']] } }, ['weekly', 'wed', 0]],
    [
      'overlapping intervals',
      {
        ...valid,
        weekly: {
          ...valid.weekly,
          thu: [
            ['12:00', '18:00'],
            ['09:00', '12:30'],
          ],
        },
      },
      ['weekly', 'thu', 0],
    ],
    ['an unknown weekday', { ...valid, weekly: { ...valid.weekly, monday: [['09:00', '18:00']] } }, ['weekly']],
    ['an impossible holiday', { ...valid, holidays: ['2026-06-12', '2026-02-30'] }, ['holidays', 1]],
    ['a malformed holiday', { ...valid, holidays: ['12.06.2026'] }, ['holidays', 0]],
    ['no working time', { ...valid, weekly: { sat: [] } }, ['weekly']],
    ['a missing weekly', { timeZone: 'Europe/Moscow' }, ['weekly']],
  ])('refuses %s', (_what, input, path) => {
    expect(paths(input)).toEqual([path]);
  });
});

/** A deterministic LCG (Numerical Recipes constants); returns [0, 1). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const refFormatters = new Map<string, Intl.DateTimeFormat>();
const refFormatter = (timeZone: string): Intl.DateTimeFormat => {
  const options = { timeZone, hourCycle: 'h23', weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit' } as const;
  const f = refFormatters.get(timeZone) ?? new Intl.DateTimeFormat('en-US', { ...options, hour: '2-digit', minute: '2-digit' });
  refFormatters.set(timeZone, f);
  return f;
};

/** Reference: is the wall clock at `t` inside a working interval? Independent of the module's UTC arithmetic. */
function isWorkingRef(c: BusinessCalendar, t: number): boolean {
  if (c.alwaysOpen) return true;
  const parts = refFormatter(c.timeZone).formatToParts(t);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  if (c.holidays?.includes(`${get('year')}-${get('month')}-${get('day')}`)) return false;
  const minute = Number(get('hour')) * 60 + Number(get('minute'));
  const hm = (v: string): number => Number(v.slice(0, 2)) * 60 + Number(v.slice(3));
  const day = get('weekday').toLowerCase() as keyof BusinessCalendar['weekly'];
  return (c.weekly[day] ?? []).some(([s, e]) => hm(s) <= minute && minute < hm(e));
}

describe('properties', () => {
  const calendars: Array<[string, BusinessCalendar]> = [
    ['workdays_msk', msk],
    ['lunch', lunch],
    ['kyivSundays', kyivSundays],
    ['around_the_clock', allDay],
    [
      'berlin',
      {
        timeZone: 'Europe/Berlin',
        weekly: {
          mon: [['08:00', '12:00']],
          sat: [['01:30', '03:30']],
          sun: [
            ['00:00', '02:30'],
            ['02:45', '24:00'],
          ],
        },
      },
    ],
  ];

  it.each(calendars)('inverse: businessMinutesBetween(s, addBusinessMinutes(s, m)) === m on %s', (_name, c) => {
    const rnd = lcg(20260612);
    const base = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; i < 300; i++) {
      const start = new Date(base + Math.floor(rnd() * 2 * 365 * 86_400_000));
      const minutes = Math.floor(rnd() * 20_000);
      const end = addBusinessMinutes(c, start, minutes);
      expect(end.getTime()).toBeGreaterThanOrEqual(start.getTime());
      expect(businessMinutesBetween(c, start, end)).toBe(minutes);
      if (minutes > 0) expect(isWorkingTime(c, new Date(end.getTime() - 1))).toBe(true);
    }
  });

  it('matches a minute-by-minute wall-clock count around the DST changes of Kyiv and Berlin', () => {
    const rnd = lcg(42);
    const edges = ['2026-03-27T00:00:00Z', '2026-10-23T00:00:00Z', '2027-03-26T00:00:00Z', '2027-10-29T00:00:00Z'];
    for (const [, c] of calendars.filter(([name]) => name === 'kyivSundays' || name === 'berlin')) {
      for (let i = 0; i < 16; i++) {
        const from = Date.parse(edges[i % edges.length] ?? '') + Math.floor(rnd() * 48 * 60) * 60_000;
        const to = from + Math.floor(rnd() * 48 * 60) * 60_000;
        let expected = 0;
        for (let t = from; t < to; t += 60_000) if (isWorkingRef(c, t)) expected++;
        expect(businessMinutesBetween(c, new Date(from), new Date(to))).toBe(expected);
      }
    }
  });
});
