import type { reviewRu } from './review.ru';

export const reviewUk: Record<keyof typeof reviewRu, string> = {
  'portal.form.reviewBusinessDays': 'Строк розгляду — до {duration}.',
  'portal.done.afterConfirmBusinessDays': 'Строк розгляду — до {duration} після підтвердження.',
  'portal.review.businessDays.one': '{count} робочого дня',
  'portal.review.businessDays.few': '{count} робочих днів',
  'portal.review.businessDays.many': '{count} робочих днів',
  'portal.review.businessDays.other': '{count} робочого дня',
};
