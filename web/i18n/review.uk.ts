import type { reviewRu } from './review.ru';

export const reviewUk: Record<keyof typeof reviewRu, string> = {
  'portal.form.reviewBusinessDays': 'Строк розгляду — до {duration}.',
  'portal.done.afterConfirmBusinessDays': 'Строк розгляду — до {duration} після підтвердження.',
  'portal.review.businessDays':
    '{count, plural, one {# робочого дня} few {# робочих днів} many {# робочих днів} other {# робочого дня}}',
};
