import type { IssueTexts } from '../module';

/** Texts of this module's field-problem codes (server/issues.ts picks the reader's language). */
export const KB_ISSUE_TEXTS = {
  'kb.synonyms_too_few': {
    ru: 'Нужно хотя бы два разных слова',
    uk: 'Потрібно щонайменше два різні слова',
    en: 'At least two different words are needed',
  },
  'kb.synonyms_too_long': {
    ru: 'Каждый синоним — не больше трёх слов и 40 символов',
    uk: 'Кожен синонім — не більше трьох слів і 40 символів',
    en: 'Each synonym is at most three words and 40 characters',
  },
} as const satisfies IssueTexts;
