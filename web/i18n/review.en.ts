import type { reviewRu } from './review.ru';

export const reviewEn: Record<keyof typeof reviewRu, string> = {
  'portal.form.reviewBusinessDays': 'Review time: up to {duration}.',
  'portal.done.afterConfirmBusinessDays': 'Review time: up to {duration} after you confirm.',
  'portal.review.businessDays': '{count, plural, one {# business day} other {# business days}}',
};
