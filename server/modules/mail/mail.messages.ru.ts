/** Customer mail texts in Russian: the source (ICU MessageFormat, common/messages.ts); a line break separates paragraphs. */
export const mailRu = {
  'mail.ticket.acknowledgement.subject': 'Обращение {number} принято',
  'mail.ticket.acknowledgement.body':
    'Мы получили ваше обращение {number}.\nОтвет придёт на этот адрес и в личный кабинет. Отвечая на это письмо, не меняйте тему: в ней номер обращения.',
  'mail.ticket.acknowledgement.action': 'Открыть обращение',
  'mail.ticket.guest_confirmation.subject': 'Подтвердите обращение {number}',
  'mail.ticket.guest_confirmation.body':
    'Вы написали в службу поддержки, обращение {number}.\nЧтобы мы начали его рассматривать, подтвердите адрес электронной почты по ссылке. Ссылка действует {days, plural, one {# день} few {# дня} many {# дней} other {# дня}}.\nЕсли вы не писали нам, просто удалите это письмо.',
  'mail.ticket.guest_confirmation.action': 'Подтвердить обращение',
  'mail.ticket.tracking_link.subject': 'Ссылка на обращение {number}',
  'mail.ticket.tracking_link.body':
    'Обращение {number} передано в службу поддержки.\nПо этой ссылке вы можете следить за ним и отвечать. Не пересылайте её никому: она открывает ваше обращение.',
  'mail.ticket.tracking_link.action': 'Открыть обращение',
  'mail.ticket.new_answer.subject': 'Ответ по обращению {number}',
  'mail.ticket.new_answer.body': 'Служба поддержки ответила на ваше обращение {number}.',
  'mail.ticket.new_answer.action': 'Открыть обращение и ответить',
  'mail.ticket.new_answer.bodyLabel': 'Ответ',
  'mail.ticket.answer_notice.subject': 'Новый ответ в личном кабинете по обращению {number}',
  'mail.ticket.answer_notice.body':
    'По обращению {number} есть новый ответ. Вы выбрали получать ответы только в личном кабинете — прочитайте его там.\nЭти уведомления можно отключить в разделе «Мои обращения».',
  'mail.ticket.answer_notice.action': 'Прочитать ответ',
  'mail.ticket.question.subject': 'Нужны уточнения по обращению {number}',
  'mail.ticket.question.body':
    'Чтобы продолжить работу над обращением {number}, нам нужны уточнения. Пока мы ждём ответа, срок рассмотрения приостановлен.',
  'mail.ticket.question.action': 'Ответить',
  'mail.ticket.question.bodyLabel': 'Вопрос',
  'mail.ticket.resolved.subject': 'Обращение {number} решено',
  'mail.ticket.resolved.body':
    'Мы закрыли обращение {number} как решённое.\nЕсли вопрос не решён, откройте обращение снова по ссылке — оно вернётся в работу.',
  'mail.ticket.resolved.action': 'Открыть обращение',
  'mail.ticket.resolved.bodyLabel': 'Ответ',
  'mail.ticket.reopened.subject': 'Обращение {number} снова в работе',
  'mail.ticket.reopened.body': 'Обращение {number} снова открыто и вернулось в работу.',
  'mail.ticket.reopened.action': 'Открыть обращение',
  'mail.expected': 'Ожидаемый срок рассмотрения — до {date}.',
  'mail.dateInZone': '{date} (мск)',
  'mail.footerNote': 'Это письмо отправлено службой поддержки по вашему обращению.',
} as const;

export type MailMessageKey = keyof typeof mailRu;
