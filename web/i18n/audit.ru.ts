/**
 * The audit log's sentences: one per action the server writes (ICU arguments from the row's
 * data, see web/console/audit/auditSentence.ts), spread into `ru.ts`. `audit.uk.ts` and
 * `audit.en.ts` must have exactly these keys; a new action without a sentence fails
 * auditSentence.test.ts.
 */
export const auditRu = {
  'audit.says.generic':
    'Действие «{action}» над объектом: {entity, select, ticket {обращение} customer {клиент} staff {сотрудник} other {{entity}}}.',
  'audit.entity':
    '{entity, select, ticket {Обращение} customer {Клиент} staff {Сотрудник} kb_article {Статья} wiki_page {Вики-страница} notice {Уведомление} settings {Настройки} mailbox {Почтовый ящик} mail {Письмо} outgoing_mail {Письмо} category {Категория} department {Отдел} sla_policy {SLA} sla_calendar {Календарь SLA} canned_answer {Шаблон ответа} kb_synonym {Синонимы} bot_question {Вопрос консультанта} secret_key {Ключ шифрования} other {{entity}}}',

  'audit.says.ticket.filed': 'Обращение подано{status, select, unconfirmed {, ждёт подтверждения по ссылке из письма} other {}}.',
  'audit.says.ticket.confirmed': 'Гость подтвердил обращение по ссылке из письма.',
  'audit.says.ticket.taken': 'Обращение взято в работу.',
  'audit.says.ticket.assigned': 'Исполнителем назначен(а) {toName}.',
  'audit.says.ticket.transferred': 'Обращение передано в отдел «{to}».',
  'audit.says.ticket.escalated': 'Эскалировано с линии {from} на линию {to}.',
  'audit.says.ticket.returned': 'Возвращено на первую линию, в отдел «{to}».',
  'audit.says.ticket.priority_changed': 'Приоритет изменён: «{from}» → «{to}».',
  'audit.says.ticket.merged': 'Объединено с обращением {intoNumber}.',
  'audit.says.ticket.answered': 'Клиенту отправлен ответ.',
  'audit.says.ticket.question_asked': 'Клиенту задан вопрос.',
  'audit.says.ticket.note_added': 'Добавлена внутренняя заметка.',
  'audit.says.ticket.resolved': 'Обращение решено: «{resolution}».',
  'audit.says.ticket.reopened_by_staff': 'Обращение открыто заново.',
  'audit.says.ticket.status_changed': 'Статус изменён: «{from}» → «{to}».',
  'audit.says.ticket.customer_replied': 'Клиент ответил в переписке.',
  'audit.says.ticket.reply_channel_set':
    'Клиент выбрал, куда получать ответы: {replyChannel, select, email {на e-mail} portal {только на портале} other {{replyChannel}}}.',
  'audit.says.ticket.spam_refused': 'Отклонена автоматическая отправка формы (защита от спама).',

  'audit.says.customer.identification':
    '{result, select, identified {Клиент идентифицирован: паспорт и номер кошелька {wallet} совпали.} other {Идентификация не пройдена (кошелёк {wallet}): {check, select, match {паспорт совпал} other {паспорт не совпал}}, {phoneMatches, select, true {телефон совпал} other {телефон не совпал}}.}}',
  'audit.says.customer.reply_channel_set':
    'Клиент выбрал канал ответов в профиле: {replyChannel, select, email {e-mail} portal {только портал} other {{replyChannel}}}.',
  'audit.says.customer.answer_notices_set':
    'Клиент {answerNotices, select, true {включил} other {выключил}} письма-уведомления об ответах.',
  'audit.says.pii.revealed':
    'Просмотрены личные данные: {field, select, passport {паспорт} passport_data {паспорт} other {{field}}}.',

  'audit.says.auth.login': 'Вход в систему.',
  'audit.says.auth.logout': 'Выход из системы.',
  'audit.says.auth.login_failed':
    'Неудачная попытка входа: {reason, select, unknown_login {такого логина нет} wrong_password {неверный пароль} inactive {учётная запись отключена} other {{reason}}}.',
  'audit.says.auth.account_locked': 'Вход временно заблокирован после нескольких неверных паролей.',
  'audit.says.auth.password_reset': 'Пароль задан заново из командной строки.',

  'audit.says.bot.question_attached': 'Вопрос консультанта привязан к статье «{slug}».',
  'audit.says.bot.question_needs_article': 'Вопрос консультанта отмечен: нужна новая статья.',
  'audit.says.canned.created': 'Создан шаблон ответа «{title}».',
  'audit.says.canned.updated': 'Изменён шаблон ответа.',
  'audit.says.catalog.created': 'Создана категория обращений «{slug}».',
  'audit.says.catalog.updated': 'Изменена категория обращений.',
  'audit.says.catalog.deactivated': 'Категория обращений скрыта.',
  'audit.says.catalog.reordered': 'Изменён порядок категорий.',
  'audit.says.catalog.form_published': 'Опубликована форма обращения, версия {version}.',
  'audit.says.department.created': 'Создан отдел «{code}».',
  'audit.says.department.updated': 'Изменён отдел.',
  'audit.says.department.members_set':
    'Изменён состав отдела: {membersCount, plural, one {# сотрудник} few {# сотрудника} many {# сотрудников} other {# сотрудника}}.',
  'audit.says.sla.policy_updated': 'Изменены сроки SLA.',
  'audit.says.sla.calendar_updated': 'Изменён рабочий календарь SLA.',
  'audit.says.staff.created': 'Создан сотрудник (роли: {roles}).',
  'audit.says.staff.updated':
    'Изменены права сотрудника: роли — {roles}; {active, select, true {учётная запись включена} false {учётная запись отключена} other {доступ без изменений}}.',

  'audit.says.kb.create': 'Создана статья «{slug}» ({locale}).',
  'audit.says.kb.edit': 'Статья «{slug}» ({locale}) изменена, версия {revision}.',
  'audit.says.kb.revert': 'Статья «{slug}» ({locale}) возвращена к версии {revertedFrom}.',
  'audit.says.kb.publish': 'Статья «{slug}» ({locale}) опубликована.',
  'audit.says.kb.unpublish': 'Статья «{slug}» ({locale}) снята с публикации.',
  'audit.says.kb.delete': 'Статья «{title}» ({locale}) удалена.',
  'audit.says.kb.lock': 'Статья «{slug}» ({locale}) закрыта для правки.',
  'audit.says.kb.unlock': 'Статья «{slug}» ({locale}) открыта для правки.',
  'audit.says.kb.phrasing_accepted': 'Формулировка клиента добавлена к статье «{slug}».',
  'audit.says.kb.phrasing_rejected': 'Формулировка клиента к статье «{slug}» отклонена.',
  'audit.says.kb.synonym_created': 'Добавлены синонимы поиска: {terms}.',
  'audit.says.kb.synonym_updated': 'Синонимы поиска изменены: {before} → {after}.',
  'audit.says.kb.synonym_deleted': 'Удалены синонимы поиска: {terms}.',

  'audit.says.mail.bounced': 'Письмо не доставлено: почтовый сервер вернул его.',
  'audit.says.mail.resend': 'Письмо отправлено повторно.',
  'audit.says.mailbox.created': 'Подключён почтовый ящик {address}.',
  'audit.says.mailbox.updated': 'Изменены настройки почтового ящика {address}.',
  'audit.says.notice.create': 'Создано уведомление на портале.',
  'audit.says.notice.update': 'Изменено уведомление на портале.',
  'audit.says.notice.delete': 'Удалено уведомление на портале.',
  'audit.says.settings.update': 'Изменены настройки: {key}.',
  'audit.says.settings.reset': 'Настройки «{key}» возвращены к исходным.',
  'audit.says.security.key_rotation_started': 'Начата смена ключа шифрования личных данных.',
  'audit.says.security.key_rotated': 'Ключ шифрования сменён: перешифровано записей — {resealed}.',
  'audit.says.security.key_rotation_incomplete': 'Смена ключа не завершена: осталось записей — {left}.',

  'audit.says.wiki.create': 'Создана вики-страница «{slug}».',
  'audit.says.wiki.edit': 'Вики-страница «{slug}» изменена, версия {revision}.',
  'audit.says.wiki.propose': 'Предложена правка вики-страницы «{slug}».',
  'audit.says.wiki.proposal.accept': 'Правка вики-страницы «{slug}» принята.',
  'audit.says.wiki.proposal.reject': 'Правка вики-страницы отклонена{strike, select, true { с предупреждением автору} other {}}.',
  'audit.says.wiki.revert': 'Вики-страница «{slug}» возвращена к версии {to}.',
  'audit.says.wiki.lock': 'Вики-страница «{slug}» закрыта для правки.',
  'audit.says.wiki.unlock': 'Вики-страница «{slug}» открыта для правки.',
  'audit.says.wiki.member.update': 'Изменены права участника вики.',
} as const;
