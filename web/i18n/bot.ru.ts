/**
 * Messages of the virtual consultant widget (web/portal/consultant) and the help-centre console
 * screens of search (unanswered questions, synonyms), in Russian: the source.
 * Spread into `ru.ts`; `bot.uk.ts` and `bot.en.ts` have exactly these keys.
 */
export const botRu = {
  'bot.open': 'Консультант',
  'bot.hide': 'Свернуть',
  'bot.title': 'Виртуальный консультант',
  'bot.close': 'Закрыть консультанта',
  'bot.welcome': 'Здравствуйте! Опишите вопрос своими словами — я найду ответ в справке или подскажу, куда написать.',
  'bot.you': 'Вы',
  'bot.articles': 'Статьи справки',
  'bot.writeToSupport': 'Написать в поддержку',
  'bot.thinking': 'Ищу ответ…',
  'bot.inputLabel': 'Ваш вопрос консультанту',
  'bot.placeholder': 'Например: не приходит смс с кодом',
  'bot.send': 'Спросить',
  'bot.tooLong': 'Вопрос слишком длинный: сократите его до {max} символов.',

  'kbAdmin.unanswered.title': 'Вопросы без ответа',
  'kbAdmin.unanswered.lead':
    'Что спрашивали у виртуального консультанта и не нашли в справке — за последние {days} дн. Частые вопросы — повод написать статью.',
  'kbAdmin.unanswered.question': 'Вопрос',
  'kbAdmin.unanswered.locale': 'Язык',
  'kbAdmin.unanswered.count': 'Сколько раз',
  'kbAdmin.unanswered.last': 'Последний раз',
  'kbAdmin.unanswered.nearest': 'Ближайшая статья',
  'kbAdmin.unanswered.empty': 'Вопросов без ответа нет.',
  'kbAdmin.unanswered.statusLabel': 'Что с вопросами',
  'kbAdmin.unanswered.status.new': 'Новые',
  'kbAdmin.unanswered.status.attached': 'Привязаны к статьям',
  'kbAdmin.unanswered.status.needs_article': 'Нужна новая статья',
  'kbAdmin.unanswered.perWeek': 'Вопросов без ответа по неделям (начало недели)',
  'kbAdmin.unanswered.actions': 'Что сделать',
  'kbAdmin.unanswered.slug': 'Адрес статьи',
  'kbAdmin.unanswered.attach': 'Привязать к статье',
  'kbAdmin.unanswered.needsArticle': 'Нужна новая статья',
  'kbAdmin.unanswered.attachedTo': 'Предложен как формулировка статьи {slug}',
  'kbAdmin.unanswered.more': 'Показать ещё',
  'kbAdmin.unanswered.allLocales': 'Все языки',
  'kbAdmin.unanswered.period': 'Период',
  'kbAdmin.unanswered.days': '{n} дн.',

  'admin.tab.synonyms': 'Синонимы поиска',
  'kbAdmin.synonyms.lead':
    'Слова, которые клиенты пишут вместо наших: поиск по справке и консультант считают слова одной группы одинаковыми.',
  'kbAdmin.synonyms.terms': 'Слова группы через запятую',
  'kbAdmin.synonyms.add': 'Добавить группу',
  'kbAdmin.synonyms.delete': 'Удалить',
  'kbAdmin.synonyms.confirmDelete': 'Удалить группу «{terms}»?',
  'kbAdmin.synonyms.empty': 'Групп синонимов пока нет.',
  'kbAdmin.synonyms.hint': 'Например: киви, кошелёк, гаманець. Не меньше двух слов.',
};
