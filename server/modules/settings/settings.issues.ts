import type { IssueTexts } from '../module';

/** Texts of this module's field-problem codes (server/issues.ts picks the reader's language). */
export const SETTINGS_ISSUE_TEXTS = {
  'settings.phone_digits': {
    ru: 'только цифры, в начале можно «+»',
    uk: 'лише цифри, на початку можна «+»',
    en: 'digits only, optionally starting with "+"',
  },
  'settings.propose_above_edit': {
    ru: 'уровень для предложений не может быть выше уровня для правки',
    uk: 'рівень для пропозицій не може бути вищим за рівень для редагування',
    en: 'the level for proposing cannot be above the level for editing',
  },
} as const satisfies IssueTexts;
