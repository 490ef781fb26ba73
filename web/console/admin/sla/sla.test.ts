import { describe, expect, it } from 'vitest';
import { fromDefinition, toDefinition, workdayMinutes } from './calendarState';
import { joinTarget, splitTarget } from './slaUnits';

const WORKDAYS = {
  timeZone: 'Europe/Moscow',
  weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['09:00', '18:00']]])),
  holidays: ['2026-05-01', '2026-01-01', '2026-01-01'],
};

describe('SLA calendars', () => {
  it('reads a stored calendar and writes back only the working days, holidays sorted', () => {
    const draft = fromDefinition(WORKDAYS);
    expect(draft.weekly.sat).toEqual([]);
    expect(toDefinition(draft)).toEqual({
      timeZone: 'Europe/Moscow',
      weekly: WORKDAYS.weekly,
      holidays: ['2026-01-01', '2026-05-01'],
    });
  });

  it('keeps the 24/7 flag and tolerates a malformed definition', () => {
    expect(toDefinition(fromDefinition({ timeZone: 'UTC', alwaysOpen: true, weekly: {} }))).toEqual({
      timeZone: 'UTC',
      alwaysOpen: true,
      weekly: {},
      holidays: [],
    });
    expect(fromDefinition({ weekly: { mon: [['09:00']], tue: 'x' } }).weekly.mon).toEqual([]);
  });

  it('measures a working day: the commonest day length, 24 h for 24/7, none for an empty week', () => {
    const draft = fromDefinition(WORKDAYS);
    expect(workdayMinutes(draft)).toBe(540);
    draft.weekly.sat = [
      ['10:00', '13:00'],
      ['14:00', '24:00'],
    ];
    expect(workdayMinutes(draft)).toBe(540);
    expect(workdayMinutes({ ...draft, alwaysOpen: true })).toBe(1440);
    expect(workdayMinutes(fromDefinition({ timeZone: 'UTC', weekly: {} }))).toBeNull();
  });
});

describe('SLA targets', () => {
  it('shows minutes as business days, hours or minutes', () => {
    expect(splitTarget(2700, 540)).toEqual({ value: '5', unit: 'days' });
    expect(splitTarget(480, 540)).toEqual({ value: '8', unit: 'hours' });
    expect(splitTarget(1440, 1440)).toEqual({ value: '24', unit: 'hours' });
    expect(splitTarget(2880, 1440)).toEqual({ value: '2', unit: 'days' });
    expect(splitTarget(90, null)).toEqual({ value: '1.5', unit: 'hours' });
    expect(splitTarget(45, 540)).toEqual({ value: '45', unit: 'minutes' });
  });

  it('turns typed targets back into minutes', () => {
    expect(joinTarget({ value: '3', unit: 'days' }, 540)).toBe(1620);
    expect(joinTarget({ value: '1,5', unit: 'hours' }, 540)).toBe(90);
    expect(joinTarget({ value: '2', unit: 'days' }, null)).toBeNull();
    expect(joinTarget({ value: '0', unit: 'minutes' }, 540)).toBeNull();
    expect(joinTarget({ value: 'abc', unit: 'hours' }, 540)).toBeNull();
  });
});
