import type { botRu } from './bot.ru';

export const botEn: Record<keyof typeof botRu, string> = {
  'bot.open': 'Consultant',
  'bot.hide': 'Hide',
  'bot.title': 'Virtual consultant',
  'bot.close': 'Close the consultant',
  'bot.welcome':
    'Hello! Describe your question in your own words — I will find the answer in the help centre or tell you where to write.',
  'bot.you': 'You',
  'bot.articles': 'Help articles',
  'bot.writeToSupport': 'Write to support',
  'bot.thinking': 'Looking for an answer…',
  'bot.inputLabel': 'Your question to the consultant',
  'bot.placeholder': 'For example: the SMS code does not arrive',
  'bot.send': 'Ask',
  'bot.tooLong': 'The question is too long: shorten it to {max} characters.',

  'kbAdmin.unanswered.title': 'Unanswered questions',
  'kbAdmin.unanswered.lead':
    'What customers asked the virtual consultant and the help centre did not answer, over the last {days} days. Frequent ones deserve an article.',
  'kbAdmin.unanswered.question': 'Question',
  'kbAdmin.unanswered.locale': 'Language',
  'kbAdmin.unanswered.count': 'Times asked',
  'kbAdmin.unanswered.last': 'Last asked',
  'kbAdmin.unanswered.nearest': 'Nearest article',
  'kbAdmin.unanswered.empty': 'No unanswered questions.',
  'kbAdmin.unanswered.more': 'Show more',
  'kbAdmin.unanswered.allLocales': 'All languages',
  'kbAdmin.unanswered.period': 'Period',
  'kbAdmin.unanswered.days': '{n} days',

  'admin.tab.synonyms': 'Search synonyms',
  'kbAdmin.synonyms.lead':
    'Words customers write instead of ours: help-centre search and the consultant treat the words of one group alike.',
  'kbAdmin.synonyms.terms': 'Words of the group, comma-separated',
  'kbAdmin.synonyms.add': 'Add a group',
  'kbAdmin.synonyms.delete': 'Delete',
  'kbAdmin.synonyms.confirmDelete': 'Delete the group "{terms}"?',
  'kbAdmin.synonyms.empty': 'No synonym groups yet.',
  'kbAdmin.synonyms.hint': 'For example: qiwi, wallet, гаманець. At least two words.',
};
