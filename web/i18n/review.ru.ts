/**
 * Expected review times in business days (portal), spread into `ru.ts`.
 * `review.uk.ts` and `review.en.ts` must have exactly these keys.
 * The day forms follow "до …" (genitive) and are chosen with Intl.PluralRules.
 */
export const reviewRu = {
  'portal.form.reviewBusinessDays': 'Срок рассмотрения — до {duration}.',
  'portal.done.afterConfirmBusinessDays': 'Срок рассмотрения — до {duration} после подтверждения.',
  'portal.review.businessDays.one': '{count} рабочего дня',
  'portal.review.businessDays.few': '{count} рабочих дней',
  'portal.review.businessDays.many': '{count} рабочих дней',
  'portal.review.businessDays.other': '{count} рабочего дня',
} as const;
