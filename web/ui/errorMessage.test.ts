import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { translate } from '../i18n/catalogues';
import type { Translate } from '../i18n/I18nProvider';
import { describeError } from './errorMessage';

const t: Translate = (key, params) => translate('ru', key, params);
const limited = (retryAfterSeconds: number) =>
  new ApiError({ code: 'RATE_LIMITED', status: 429, details: { retryAfterSeconds } });

afterEach(() => vi.useRealTimers());

describe('a wait before trying again', () => {
  it('names the time it ends, which stays true while the page stays open', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2026, 11, 7, 13, 27, 10));
    expect(describeError(limited(900), t)).toBe('Слишком много попыток подряд. Повторите попытку в 13:42 — через 15 мин.');
  });

  it('keeps seconds as a short wait', () => {
    expect(describeError(limited(30), t)).toBe('Слишком много попыток подряд. Повторите попытку через 30 с.');
  });
});
