import type { Locale } from '../../../common/errors';
import type { Translate } from '../../i18n/I18nProvider';
import { formatDuration } from '../../ui/format';

type Review = { resolutionMinutes: number; businessHours: boolean; businessDayMinutes?: number | null };

/**
 * The expected review time as the portal shows it: in business days once it lasts at least one
 * working day of the policy's calendar ("до 5 рабочих дней", not "до 45 часов в рабочее время"),
 * in hours or minutes of business time below that, and as plain time for 24/7 policies.
 */
export function reviewMessage(review: Review, locale: Locale, t: Translate, where: 'form' | 'afterConfirm'): string {
  const day = review.businessHours ? (review.businessDayMinutes ?? null) : null;
  if (day && review.resolutionMinutes >= day) {
    // "Up to": a part of a day counts as a whole one (the time is a promise, not an average).
    const count = Math.ceil(review.resolutionMinutes / day - 1e-9);
    const duration = t('portal.review.businessDays', { count });
    return t(where === 'form' ? 'portal.form.reviewBusinessDays' : 'portal.done.afterConfirmBusinessDays', { duration });
  }
  const duration = formatDuration(review.resolutionMinutes, locale);
  if (where === 'form') return t(review.businessHours ? 'portal.form.reviewBusiness' : 'portal.form.review', { duration });
  return t(review.businessHours ? 'portal.done.afterConfirmBusiness' : 'portal.done.afterConfirm', { duration });
}
