import type { MailMessageKey } from './mail.messages.ru';

/** Customer mail texts in Ukrainian (ICU MessageFormat, common/messages.ts); a line break separates paragraphs. */
export const mailUk: Record<MailMessageKey, string> = {
  'mail.ticket.acknowledgement.subject': 'Звернення {number} прийнято',
  'mail.ticket.acknowledgement.body':
    'Ми отримали ваше звернення {number}.\nВідповідь надійде на цю адресу та в особистий кабінет. Відповідаючи на цей лист, не змінюйте тему: у ній номер звернення.',
  'mail.ticket.acknowledgement.action': 'Відкрити звернення',
  'mail.ticket.guest_confirmation.subject': 'Підтвердьте звернення {number}',
  'mail.ticket.guest_confirmation.body':
    'Ви написали до служби підтримки, звернення {number}.\nЩоб ми почали його розглядати, підтвердьте адресу електронної пошти за посиланням. Посилання дійсне {days, plural, one {# день} few {# дні} many {# днів} other {# дня}}.\nЯкщо ви нам не писали, просто видаліть цей лист.',
  'mail.ticket.guest_confirmation.action': 'Підтвердити звернення',
  'mail.ticket.tracking_link.subject': 'Посилання на звернення {number}',
  'mail.ticket.tracking_link.body':
    'Звернення {number} передано до служби підтримки.\nЗа цим посиланням ви можете стежити за ним і відповідати. Не пересилайте його нікому: воно відкриває ваше звернення.',
  'mail.ticket.tracking_link.action': 'Відкрити звернення',
  'mail.ticket.new_answer.subject': 'Відповідь на звернення {number}',
  'mail.ticket.new_answer.body': 'Служба підтримки відповіла на ваше звернення {number}.',
  'mail.ticket.new_answer.action': 'Відкрити звернення та відповісти',
  'mail.ticket.new_answer.bodyLabel': 'Відповідь',
  'mail.ticket.answer_notice.subject': 'Нова відповідь в особистому кабінеті щодо звернення {number}',
  'mail.ticket.answer_notice.body':
    'На звернення {number} є нова відповідь. Ви обрали отримувати відповіді лише в особистому кабінеті — прочитайте її там.\nЦі сповіщення можна вимкнути в розділі «Мої звернення».',
  'mail.ticket.answer_notice.action': 'Прочитати відповідь',
  'mail.ticket.question.subject': 'Потрібні уточнення щодо звернення {number}',
  'mail.ticket.question.body':
    'Щоб продовжити роботу над зверненням {number}, нам потрібні уточнення. Поки ми чекаємо відповіді, строк розгляду призупинено.',
  'mail.ticket.question.action': 'Відповісти',
  'mail.ticket.question.bodyLabel': 'Питання',
  'mail.ticket.resolved.subject': 'Звернення {number} вирішено',
  'mail.ticket.resolved.body':
    'Ми закрили звернення {number} як вирішене.\nЯкщо питання не вирішено, відкрийте звернення знову за посиланням — воно повернеться в роботу.',
  'mail.ticket.resolved.action': 'Відкрити звернення',
  'mail.ticket.resolved.bodyLabel': 'Відповідь',
  'mail.ticket.reopened.subject': 'Звернення {number} знову в роботі',
  'mail.ticket.reopened.body': 'Звернення {number} знову відкрито, і воно повернулося в роботу.',
  'mail.ticket.reopened.action': 'Відкрити звернення',
  'mail.expected': 'Очікуваний строк розгляду — до {date}.',
  'mail.dateInZone': '{date} (за московським часом)',
  'mail.footerNote': 'Цей лист надіслано службою підтримки щодо вашого звернення.',
};
