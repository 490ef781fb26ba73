import { describe, expect, it } from 'vitest';
import { formatPhone } from './phone';

describe('formatPhone', () => {
  it('formats Russian numbers the way they are read aloud', () => {
    expect(formatPhone('+79001234567')).toBe('+7 900 123-45-67');
    expect(formatPhone('+7 (900) 123-45-67')).toBe('+7 900 123-45-67');
    expect(formatPhone('+78000000001')).toBe('+7 800 000-00-01');
  });

  it('formats Kazakh numbers (also +7)', () => {
    expect(formatPhone('+77012345678')).toBe('+7 701 234-56-78');
  });

  it('formats Ukrainian numbers', () => {
    expect(formatPhone('+380671234567')).toBe('+380 67 123 45 67');
    expect(formatPhone('380441234567')).toBe('+380 44 123 45 67');
  });

  it('groups other international numbers without guessing their country code', () => {
    expect(formatPhone('+4930123456')).toBe('+4930 123 456');
    expect(formatPhone('+375291234567')).toBe('+375 291 234 567');
  });

  it('leaves what it cannot read as a phone as it is', () => {
    expect(formatPhone('')).toBe('');
    expect(formatPhone('12345')).toBe('12345');
    expect(formatPhone('8 800 — горячая линия')).toBe('8 800 — горячая линия');
    expect(formatPhone('5001234567')).toBe('5001234567');
  });
});
