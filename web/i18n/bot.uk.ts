import type { botRu } from './bot.ru';

export const botUk: Record<keyof typeof botRu, string> = {
  'bot.open': 'Консультант',
  'bot.hide': 'Згорнути',
  'bot.title': 'Віртуальний консультант',
  'bot.close': 'Закрити консультанта',
  'bot.welcome': 'Вітаю! Опишіть питання своїми словами — я знайду відповідь у довідці або підкажу, куди написати.',
  'bot.you': 'Ви',
  'bot.articles': 'Статті довідки',
  'bot.writeToSupport': 'Написати до підтримки',
  'bot.thinking': 'Шукаю відповідь…',
  'bot.inputLabel': 'Ваше питання консультанту',
  'bot.placeholder': 'Наприклад: не приходить смс з кодом',
  'bot.send': 'Запитати',
  'bot.tooLong': 'Питання задовге: скоротіть його до {max} символів.',

  'kbAdmin.unanswered.title': 'Питання без відповіді',
  'kbAdmin.unanswered.lead':
    'Що питали у віртуального консультанта й не знайшли в довідці — за останні {days} дн. Часті питання — привід написати статтю.',
  'kbAdmin.unanswered.question': 'Питання',
  'kbAdmin.unanswered.locale': 'Мова',
  'kbAdmin.unanswered.count': 'Скільки разів',
  'kbAdmin.unanswered.last': 'Останній раз',
  'kbAdmin.unanswered.nearest': 'Найближча стаття',
  'kbAdmin.unanswered.empty': 'Питань без відповіді немає.',
  'kbAdmin.unanswered.more': 'Показати ще',
  'kbAdmin.unanswered.allLocales': 'Усі мови',
  'kbAdmin.unanswered.period': 'Період',
  'kbAdmin.unanswered.days': '{n} дн.',

  'admin.tab.synonyms': 'Синоніми пошуку',
  'kbAdmin.synonyms.lead':
    'Слова, які клієнти пишуть замість наших: пошук у довідці та консультант вважають слова однієї групи однаковими.',
  'kbAdmin.synonyms.terms': 'Слова групи через кому',
  'kbAdmin.synonyms.add': 'Додати групу',
  'kbAdmin.synonyms.delete': 'Видалити',
  'kbAdmin.synonyms.confirmDelete': 'Видалити групу «{terms}»?',
  'kbAdmin.synonyms.empty': 'Груп синонімів поки немає.',
  'kbAdmin.synonyms.hint': 'Наприклад: ківі, гаманець, кошелёк. Щонайменше два слова.',
};
