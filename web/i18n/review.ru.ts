/**
 * Expected review times in business days (portal), spread into `ru.ts`.
 * `review.uk.ts` and `review.en.ts` must have exactly these keys.
 * The day forms follow "до …" (genitive): one ICU plural message, Russian plural rules.
 */
export const reviewRu = {
  'portal.form.reviewBusinessDays': 'Срок рассмотрения — до {duration}.',
  'portal.done.afterConfirmBusinessDays': 'Срок рассмотрения — до {duration} после подтверждения.',
  'portal.review.businessDays':
    '{count, plural, one {# рабочего дня} few {# рабочих дней} many {# рабочих дней} other {# рабочего дня}}',
} as const;
