import type { IssueTexts } from '../module';

/** Texts of this module's field-problem codes (server/issues.ts picks the reader's language). */
export const BOT_ISSUE_TEXTS = {
  'bot.unknown_article': {
    ru: 'Нет статьи с таким адресом на языке вопроса',
    uk: 'Немає статті з такою адресою мовою питання',
    en: 'No article with this address in the language of the question',
  },
} satisfies IssueTexts;
