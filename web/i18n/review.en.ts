import type { reviewRu } from './review.ru';

export const reviewEn: Record<keyof typeof reviewRu, string> = {
  'portal.form.reviewBusinessDays': 'Review time: up to {duration}.',
  'portal.done.afterConfirmBusinessDays': 'Review time: up to {duration} after you confirm.',
  'portal.review.businessDays.one': '{count} business day',
  'portal.review.businessDays.few': '{count} business days',
  'portal.review.businessDays.many': '{count} business days',
  'portal.review.businessDays.other': '{count} business days',
};
