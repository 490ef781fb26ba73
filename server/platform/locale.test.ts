import { describe, expect, it } from 'vitest';
import { acceptedLocale, asLocale, resolveLocale } from './locale';

describe('the reader locale', () => {
  it('reads Accept-Language by weight, regions counting for their language', () => {
    expect(acceptedLocale('uk-UA,uk;q=0.9,ru;q=0.8,en;q=0.7')).toBe('uk');
    expect(acceptedLocale('de-DE,de;q=0.9,en-US;q=0.8,ru;q=0.5')).toBe('en');
    expect(acceptedLocale('ru;q=0.3, en;q=0.9')).toBe('en');
    expect(acceptedLocale('EN-gb')).toBe('en');
    expect(acceptedLocale('de, fr;q=0.5, *;q=0.1')).toBeNull();
    expect(acceptedLocale('en;q=0, uk;q=bad')).toBeNull();
    expect(acceptedLocale(undefined)).toBeNull();
    expect(acceptedLocale('')).toBeNull();
  });

  it('prefers the person, then the cookie, then the browser, then the default', () => {
    const all = { userLocale: 'en', cookie: 'uk', acceptLanguage: 'ru' };
    expect(resolveLocale(all, 'ru')).toBe('en');
    expect(resolveLocale({ ...all, userLocale: null }, 'ru')).toBe('uk');
    expect(resolveLocale({ ...all, userLocale: 'de', cookie: 'xx' }, 'ru')).toBe('ru');
    expect(resolveLocale({ acceptLanguage: 'uk-UA' }, 'en')).toBe('uk');
    expect(resolveLocale({ acceptLanguage: 'pl' }, 'en')).toBe('en');
    expect(resolveLocale({}, 'uk')).toBe('uk');
  });

  it('keeps only our languages', () => {
    expect(asLocale('uk')).toBe('uk');
    expect(asLocale('de')).toBe('ru');
    expect(asLocale(undefined, 'en')).toBe('en');
  });
});
