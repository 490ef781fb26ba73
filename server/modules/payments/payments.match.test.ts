import { describe, expect, it } from 'vitest';
import { fromKopecks, maskAccount, normalizeAccount, paidWindow, toKopecks } from './payments.match';

describe('payment check rules', () => {
  it('reads a date as the whole Moscow day and a time as ±10 minutes of the receipt’s (Moscow) time', () => {
    expect(paidWindow('2026-12-07')).toEqual({
      from: new Date('2026-12-06T21:00:00Z'),
      to: new Date('2026-12-07T21:00:00Z'),
    });
    const w = paidWindow('2026-12-07T10:30')!;
    expect(w.from.toISOString()).toBe('2026-12-07T07:20:00.000Z');
    expect(w.to.getTime() - w.from.getTime()).toBe(20 * 60_000 + 1);
    expect(paidWindow('2026-12-07T10:30:00Z')!.from.toISOString()).toBe('2026-12-07T10:20:00.000Z');
    expect(paidWindow('2026-12-07T10:30+02:00')!.from.toISOString()).toBe('2026-12-07T08:20:00.000Z');
    for (const bad of ['2026-02-30', '2026-12-07T25:00', '07.12.2026', 'вчера', '']) expect(paidWindow(bad), bad).toBeNull();
  });

  it('reads sums with a comma, spaces or no kopecks, and refuses the rest', () => {
    expect(toKopecks('1500')).toBe(150000);
    expect(toKopecks('1 500,5')).toBe(150050);
    expect(toKopecks('0.01')).toBe(1);
    expect(fromKopecks(150050)).toBe('1500.50');
    for (const bad of ['0', '1.234', '-5', '1e3', 'abc']) expect(toKopecks(bad), bad).toBeNull();
  });

  it('normalises phones to +7… and other accounts to bare upper case', () => {
    expect(normalizeAccount('8 (916) 123-45-67')).toBe('+79161234567');
    expect(normalizeAccount('+7 916 123 45 67')).toBe('+79161234567');
    expect(normalizeAccount('p 1234-5678.90')).toBe('P1234567890');
    expect(normalizeAccount('9161234567')).toBe('+79161234567');
    // Contract numbers stay as they are (not read as Ukrainian or other phones).
    expect(normalizeAccount('0012345678')).toBe('0012345678');
    expect(normalizeAccount('5012345678')).toBe('5012345678');
  });

  it('masks an account, keeping only its ends', () => {
    expect(maskAccount('+79161234567')).toBe('+7916*****67');
    expect(maskAccount('1234567890')).toBe('12******90');
    expect(maskAccount('123')).toBe('***');
  });
});
