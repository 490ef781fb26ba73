import type { IssueTexts } from '../module';

/** Texts of this module's field-problem codes (server/issues.ts picks the reader's language). */
export const NOTICES_ISSUE_TEXTS = {
  'notices.end_after_start': {
    ru: 'Окончание должно быть позже начала',
    uk: 'Кінець має бути пізніше за початок',
    en: 'The end must be after the start',
  },
} as const satisfies IssueTexts;
