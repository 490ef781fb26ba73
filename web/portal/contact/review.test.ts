import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../common/errors';
import { translate, type MessageKey, type MessageParams } from '../../i18n/catalogues';
import { reviewMessage } from './review';

const tr = (locale: Locale) => (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const nineToSix = { businessHours: true, businessDayMinutes: 540 };

describe('expected review time', () => {
  it('reads in business days once it lasts a working day or more', () => {
    expect(reviewMessage({ resolutionMinutes: 45 * 60, ...nineToSix }, 'ru', tr('ru'), 'form')).toBe(
      'Срок рассмотрения — до 5 рабочих дней.',
    );
    expect(reviewMessage({ resolutionMinutes: 540, ...nineToSix }, 'ru', tr('ru'), 'form')).toBe(
      'Срок рассмотрения — до 1 рабочего дня.',
    );
    expect(reviewMessage({ resolutionMinutes: 2 * 540, ...nineToSix }, 'ru', tr('ru'), 'afterConfirm')).toBe(
      'Срок рассмотрения — до 2 рабочих дней после подтверждения.',
    );
    // 20 hours of 9-hour days: up to 3 days, never fewer than promised.
    expect(reviewMessage({ resolutionMinutes: 20 * 60, ...nineToSix }, 'ru', tr('ru'), 'form')).toBe(
      'Срок рассмотрения — до 3 рабочих дней.',
    );
    expect(reviewMessage({ resolutionMinutes: 21 * 540, ...nineToSix }, 'ru', tr('ru'), 'form')).toBe(
      'Срок рассмотрения — до 21 рабочего дня.',
    );
    expect(reviewMessage({ resolutionMinutes: 45 * 60, ...nineToSix }, 'uk', tr('uk'), 'form')).toBe(
      'Строк розгляду — до 5 робочих днів.',
    );
    expect(reviewMessage({ resolutionMinutes: 540, ...nineToSix }, 'en', tr('en'), 'afterConfirm')).toBe(
      'Review time: up to 1 business day after you confirm.',
    );
  });

  it('keeps hours of business time below a day, and plain time for 24/7 policies', () => {
    expect(nbsp(reviewMessage({ resolutionMinutes: 300, ...nineToSix }, 'ru', tr('ru'), 'form'))).toBe(
      'Срок рассмотрения — до 5 часов в рабочее время.',
    );
    expect(
      nbsp(reviewMessage({ resolutionMinutes: 45 * 60, businessHours: false, businessDayMinutes: null }, 'ru', tr('ru'), 'form')),
    ).toBe(nbsp(translate('ru', 'portal.form.review', { duration: '45 часов' })));
  });
});
