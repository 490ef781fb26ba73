import type { InboxMessageKey } from './inbox.messages.ru';

/** Incoming mail's texts in English: the keys of inbox.messages.ru.ts. */
export const inboxEn: Record<InboxMessageKey, string> = {
  // Incoming mail: notes written into the request, and the leaf for letters of unknown topic.
  'inbox.refusedFile':
    '[Attachment “{name}” not accepted: {reason, select, size {the file is too large} other {the file type is not supported}}]',
  'inbox.noText': '(no text)',
  'inbox.otherSender':
    'The letter came from {from}, not from the request’s address. Make sure it is the customer writing before disclosing any data.',
  'inbox.otherSenderOf':
    'The letter came from {from}, not from the request’s address ({contact}). Make sure it is the customer writing before disclosing any data.',
  'inbox.unsorted.name': 'Uncategorised e-mail',
  'inbox.unsorted.hint': 'Letters whose topic could not be recognised: the first line picks the category.',
  'inbox.unsorted.letter': 'Letter',
};
