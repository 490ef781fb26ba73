import type { IssueTexts } from '../module';

/** Texts of this module's field-problem codes (server/issues.ts picks the reader's language). */
export const CONSOLE_ISSUE_TEXTS = {
  'console.not_a_member': {
    ru: 'Сотрудник не состоит в отделе этого обращения или отключён',
    uk: 'Співробітник не входить до відділу цього звернення або вимкнений',
    en: 'Not an active member of the request’s department',
  },
  'console.unknown_resolution': { ru: 'Нет такого кода решения', uk: 'Немає такого коду рішення', en: 'Unknown resolution code' },
} as const satisfies IssueTexts;
