import type { InboxMessageKey } from './inbox.messages.ru';

/** Incoming mail's texts in Ukrainian: the keys of inbox.messages.ru.ts. */
export const inboxUk: Record<InboxMessageKey, string> = {
  // Incoming mail: notes written into the request, and the leaf for letters of unknown topic.
  'inbox.refusedFile':
    '[Вкладення «{name}» не прийнято: {reason, select, size {завеликий файл} other {тип файлу не підтримується}}]',
  'inbox.noText': '(без тексту)',
  'inbox.otherSender':
    'Лист надійшов з адреси {from}, а не з адреси звернення. Перевірте, що пише сам клієнт, перш ніж розкривати дані.',
  'inbox.otherSenderOf':
    'Лист надійшов з адреси {from}, а не з адреси звернення ({contact}). Перевірте, що пише сам клієнт, перш ніж розкривати дані.',
  'inbox.unsorted.name': 'Лист без категорії',
  'inbox.unsorted.hint': 'Листи, тему яких не вдалося визначити: перша лінія обирає категорію.',
  'inbox.unsorted.letter': 'Текст листа',
};
