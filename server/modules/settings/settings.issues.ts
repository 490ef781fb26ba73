import type { IssueTexts } from '../module';

/** Texts of this module's field-problem codes (server/issues.ts picks the reader's language). */
export const SETTINGS_ISSUE_TEXTS = {
  'settings.phone_digits': {
    ru: 'только цифры, в начале можно «+»',
    uk: 'лише цифри, на початку можна «+»',
    en: 'digits only, optionally starting with "+"',
  },
} as const satisfies IssueTexts;
