/** Incoming mail's texts in Russian: the source (ICU MessageFormat, common/messages.ts). */
export const inboxRu = {
  // Incoming mail: notes written into the request, and the leaf for letters of unknown topic.
  'inbox.refusedFile':
    '[Вложение «{name}» не принято: {reason, select, size {слишком большой файл} other {тип файла не поддерживается}}]',
  'inbox.noText': '(без текста)',
  'inbox.otherSender':
    'Письмо пришло с адреса {from}, а не с адреса обращения. Проверьте, что пишет сам клиент, прежде чем раскрывать данные.',
  'inbox.otherSenderOf':
    'Письмо пришло с адреса {from}, а не с адреса обращения ({contact}). Проверьте, что пишет сам клиент, прежде чем раскрывать данные.',
  'inbox.unsorted.name': 'Письмо без категории',
  'inbox.unsorted.hint': 'Письма, тему которых не удалось определить: первая линия выбирает категорию.',
  'inbox.unsorted.letter': 'Текст письма',
} as const;

export type InboxMessageKey = keyof typeof inboxRu;
