import type { auditRu } from './audit.ru';

/** The audit log's sentences in Ukrainian (keys of audit.ru.ts). */
export const auditUk: Record<keyof typeof auditRu, string> = {
  'audit.says.generic':
    'Дія «{action}» над об’єктом: {entity, select, ticket {звернення} customer {клієнт} staff {співробітник} other {{entity}}}.',
  'audit.entity':
    '{entity, select, ticket {Звернення} customer {Клієнт} staff {Співробітник} kb_article {Стаття} wiki_page {Вікі-сторінка} notice {Сповіщення} settings {Налаштування} mailbox {Поштова скринька} mail {Лист} outgoing_mail {Лист} category {Категорія} department {Відділ} sla_policy {SLA} sla_calendar {Календар SLA} canned_answer {Шаблон відповіді} kb_synonym {Синоніми} bot_question {Запитання консультанта} secret_key {Ключ шифрування} other {{entity}}}',

  'audit.says.ticket.filed':
    'Звернення подано{status, select, unconfirmed {, чекає підтвердження за посиланням з листа} other {}}.',
  'audit.says.ticket.confirmed': 'Гість підтвердив звернення за посиланням з листа.',
  'audit.says.ticket.taken': 'Звернення взято в роботу.',
  'audit.says.ticket.assigned': 'Виконавцем призначено {toName}.',
  'audit.says.ticket.transferred': 'Звернення передано до відділу «{to}».',
  'audit.says.ticket.escalated': 'Ескальовано з лінії {from} на лінію {to}.',
  'audit.says.ticket.returned': 'Повернуто на першу лінію, до відділу «{to}».',
  'audit.says.ticket.priority_changed': 'Пріоритет змінено: «{from}» → «{to}».',
  'audit.says.ticket.merged': 'Об’єднано зі зверненням {intoNumber}.',
  'audit.says.ticket.answered': 'Клієнту надіслано відповідь.',
  'audit.says.ticket.question_asked': 'Клієнту поставлено запитання.',
  'audit.says.ticket.note_added': 'Додано внутрішню нотатку.',
  'audit.says.ticket.resolved': 'Звернення вирішено: «{resolution}».',
  'audit.says.ticket.reopened_by_staff': 'Звернення відкрито знову.',
  'audit.says.ticket.status_changed': 'Статус змінено: «{from}» → «{to}».',
  'audit.says.ticket.customer_replied': 'Клієнт відповів у листуванні.',
  'audit.says.ticket.reply_channel_set':
    'Клієнт обрав, куди отримувати відповіді: {replyChannel, select, email {на e-mail} portal {лише на порталі} other {{replyChannel}}}.',
  'audit.says.ticket.spam_refused': 'Відхилено автоматичне надсилання форми (захист від спаму).',

  'audit.says.customer.identification':
    '{result, select, identified {Клієнта ідентифіковано: паспорт і номер гаманця {wallet} збіглися.} other {Ідентифікацію не пройдено (гаманець {wallet}): {check, select, match {паспорт збігся} other {паспорт не збігся}}, {phoneMatches, select, true {телефон збігся} other {телефон не збігся}}.}}',
  'audit.says.customer.reply_channel_set':
    'Клієнт обрав канал відповідей у профілі: {replyChannel, select, email {e-mail} portal {лише портал} other {{replyChannel}}}.',
  'audit.says.customer.answer_notices_set':
    'Клієнт {answerNotices, select, true {увімкнув} other {вимкнув}} листи-сповіщення про відповіді.',
  'audit.says.pii.revealed':
    'Переглянуто особисті дані: {field, select, passport {паспорт} passport_data {паспорт} other {{field}}}.',

  'audit.says.auth.login': 'Вхід до системи.',
  'audit.says.auth.logout': 'Вихід із системи.',
  'audit.says.auth.login_failed':
    'Невдала спроба входу: {reason, select, unknown_login {такого логіна немає} wrong_password {неправильний пароль} inactive {обліковий запис вимкнено} other {{reason}}}.',
  'audit.says.auth.account_locked': 'Вхід тимчасово заблоковано після кількох неправильних паролів.',
  'audit.says.auth.password_reset': 'Пароль задано заново з командного рядка.',

  'audit.says.bot.question_attached': 'Запитання консультанта прив’язано до статті «{slug}».',
  'audit.says.bot.question_needs_article': 'Запитання консультанта позначено: потрібна нова стаття.',
  'audit.says.canned.created': 'Створено шаблон відповіді «{title}».',
  'audit.says.canned.updated': 'Змінено шаблон відповіді.',
  'audit.says.catalog.created': 'Створено категорію звернень «{slug}».',
  'audit.says.catalog.updated': 'Змінено категорію звернень.',
  'audit.says.catalog.deactivated': 'Категорію звернень приховано.',
  'audit.says.catalog.reordered': 'Змінено порядок категорій.',
  'audit.says.catalog.form_published': 'Опубліковано форму звернення, версія {version}.',
  'audit.says.department.created': 'Створено відділ «{code}».',
  'audit.says.department.updated': 'Змінено відділ.',
  'audit.says.department.members_set':
    'Змінено склад відділу: {membersCount, plural, one {# співробітник} few {# співробітники} many {# співробітників} other {# співробітника}}.',
  'audit.says.sla.policy_updated': 'Змінено строки SLA.',
  'audit.says.sla.calendar_updated': 'Змінено робочий календар SLA.',
  'audit.says.staff.created': 'Створено співробітника (ролі: {roles}).',
  'audit.says.staff.updated':
    'Змінено права співробітника: ролі — {roles}; {active, select, true {обліковий запис увімкнено} false {обліковий запис вимкнено} other {доступ без змін}}.',

  'audit.says.kb.create': 'Створено статтю «{slug}» ({locale}).',
  'audit.says.kb.edit': 'Статтю «{slug}» ({locale}) змінено, версія {revision}.',
  'audit.says.kb.revert': 'Статтю «{slug}» ({locale}) повернуто до версії {revertedFrom}.',
  'audit.says.kb.publish': 'Статтю «{slug}» ({locale}) опубліковано.',
  'audit.says.kb.unpublish': 'Статтю «{slug}» ({locale}) знято з публікації.',
  'audit.says.kb.delete': 'Статтю «{title}» ({locale}) видалено.',
  'audit.says.kb.lock': 'Статтю «{slug}» ({locale}) закрито для редагування.',
  'audit.says.kb.unlock': 'Статтю «{slug}» ({locale}) відкрито для редагування.',
  'audit.says.kb.phrasing_accepted': 'Формулювання клієнта додано до статті «{slug}».',
  'audit.says.kb.phrasing_rejected': 'Формулювання клієнта до статті «{slug}» відхилено.',
  'audit.says.kb.synonym_created': 'Додано синоніми пошуку: {terms}.',
  'audit.says.kb.synonym_updated': 'Синоніми пошуку змінено: {before} → {after}.',
  'audit.says.kb.synonym_deleted': 'Видалено синоніми пошуку: {terms}.',

  'audit.says.mail.bounced': 'Лист не доставлено: поштовий сервер повернув його.',
  'audit.says.mail.resend': 'Лист надіслано повторно.',
  'audit.says.mailbox.created': 'Підключено поштову скриньку {address}.',
  'audit.says.mailbox.updated': 'Змінено налаштування поштової скриньки {address}.',
  'audit.says.notice.create': 'Створено сповіщення на порталі.',
  'audit.says.notice.update': 'Змінено сповіщення на порталі.',
  'audit.says.notice.delete': 'Видалено сповіщення на порталі.',
  'audit.says.settings.update': 'Змінено налаштування: {key}.',
  'audit.says.settings.reset': 'Налаштування «{key}» повернуто до початкових.',
  'audit.says.security.key_rotation_started': 'Розпочато зміну ключа шифрування особистих даних.',
  'audit.says.security.key_rotated': 'Ключ шифрування змінено: перешифровано записів — {resealed}.',
  'audit.says.security.key_rotation_incomplete': 'Зміну ключа не завершено: залишилося записів — {left}.',

  'audit.says.wiki.create': 'Створено вікі-сторінку «{slug}».',
  'audit.says.wiki.edit': 'Вікі-сторінку «{slug}» змінено, версія {revision}.',
  'audit.says.wiki.propose': 'Запропоновано правку вікі-сторінки «{slug}».',
  'audit.says.wiki.proposal.accept': 'Правку вікі-сторінки «{slug}» прийнято.',
  'audit.says.wiki.proposal.reject': 'Правку вікі-сторінки відхилено{strike, select, true { з попередженням авторові} other {}}.',
  'audit.says.wiki.revert': 'Вікі-сторінку «{slug}» повернуто до версії {to}.',
  'audit.says.wiki.lock': 'Вікі-сторінку «{slug}» закрито для редагування.',
  'audit.says.wiki.unlock': 'Вікі-сторінку «{slug}» відкрито для редагування.',
  'audit.says.wiki.member.update': 'Змінено права учасника вікі.',
};
