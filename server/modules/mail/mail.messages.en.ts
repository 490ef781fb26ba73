import type { MailMessageKey } from './mail.messages.ru';

/** Customer mail texts in English (ICU MessageFormat, common/messages.ts); a line break separates paragraphs. */
export const mailEn: Record<MailMessageKey, string> = {
  'mail.ticket.acknowledgement.subject': 'Request {number} received',
  'mail.ticket.acknowledgement.body':
    'We have received your request {number}.\nThe answer will come to this address and to your account. When replying, keep the subject: it carries the request number.',
  'mail.ticket.acknowledgement.action': 'Open the request',
  'mail.ticket.guest_confirmation.subject': 'Confirm your request {number}',
  'mail.ticket.guest_confirmation.body':
    'You wrote to support, request {number}.\nTo have it reviewed, confirm your e-mail address with the link. The link is valid for {days, plural, one {# day} other {# days}}.\nIf you did not write to us, just delete this e-mail.',
  'mail.ticket.guest_confirmation.action': 'Confirm the request',
  'mail.ticket.tracking_link.subject': 'Link to your request {number}',
  'mail.ticket.tracking_link.body':
    'Request {number} has been passed to support.\nUse this link to follow it and reply. Do not forward it: it opens your request.',
  'mail.ticket.tracking_link.action': 'Open the request',
  'mail.ticket.new_answer.subject': 'Answer to request {number}',
  'mail.ticket.new_answer.body': 'Support has answered your request {number}.',
  'mail.ticket.new_answer.action': 'Open the request and reply',
  'mail.ticket.new_answer.bodyLabel': 'Answer',
  'mail.ticket.answer_notice.subject': 'New answer in your account for request {number}',
  'mail.ticket.answer_notice.body':
    'There is a new answer to request {number}. You chose to read answers only in your account — it is waiting there.\nYou can turn these notices off under “My requests”.',
  'mail.ticket.answer_notice.action': 'Read the answer',
  'mail.ticket.question.subject': 'We need more details on request {number}',
  'mail.ticket.question.body':
    'To go on with request {number} we need some details from you. The review time is paused until you answer.',
  'mail.ticket.question.action': 'Reply',
  'mail.ticket.question.bodyLabel': 'Question',
  'mail.ticket.resolved.subject': 'Request {number} resolved',
  'mail.ticket.resolved.body':
    'We have closed request {number} as resolved.\nIf the problem is not solved, reopen the request with the link and we will take it up again.',
  'mail.ticket.resolved.action': 'Open the request',
  'mail.ticket.resolved.bodyLabel': 'Answer',
  'mail.ticket.reopened.subject': 'Request {number} reopened',
  'mail.ticket.reopened.body': 'Request {number} has been reopened and is being worked on again.',
  'mail.ticket.reopened.action': 'Open the request',
  'mail.expected': 'We expect to review it by {date}.',
  'mail.dateInZone': '{date} (Moscow time)',
  'mail.footerNote': 'This e-mail was sent by support about your request.',
};
