import type { auditRu } from './audit.ru';

/** The audit log's sentences in English (keys of audit.ru.ts). */
export const auditEn: Record<keyof typeof auditRu, string> = {
  'audit.says.generic':
    'Action “{action}” on {entity, select, ticket {a request} customer {a customer} staff {a staff member} other {{entity}}}.',
  'audit.entity':
    '{entity, select, ticket {Request} customer {Customer} staff {Staff member} kb_article {Article} wiki_page {Wiki page} notice {Notice} settings {Settings} mailbox {Mailbox} mail {Message} outgoing_mail {Message} category {Category} department {Department} sla_policy {SLA} sla_calendar {SLA calendar} canned_answer {Canned answer} kb_synonym {Synonyms} bot_question {Consultant question} secret_key {Encryption key} other {{entity}}}',

  'audit.says.ticket.filed':
    'The request was filed{status, select, unconfirmed {; it waits for confirmation from the e-mail link} other {}}.',
  'audit.says.ticket.confirmed': 'The guest confirmed the request from the e-mail link.',
  'audit.says.ticket.taken': 'The request was taken into work.',
  'audit.says.ticket.assigned': 'Assigned to {toName}.',
  'audit.says.ticket.transferred': 'Transferred to the “{to}” department.',
  'audit.says.ticket.escalated': 'Escalated from line {from} to line {to}.',
  'audit.says.ticket.returned': 'Returned to the first line, to the “{to}” department.',
  'audit.says.ticket.priority_changed': 'Priority changed: “{from}” → “{to}”.',
  'audit.says.ticket.merged': 'Merged into request {intoNumber}.',
  'audit.says.ticket.answered': 'An answer was sent to the customer.',
  'audit.says.ticket.question_asked': 'A question was asked of the customer.',
  'audit.says.ticket.note_added': 'An internal note was added.',
  'audit.says.ticket.resolved': 'The request was resolved: “{resolution}”.',
  'audit.says.ticket.reopened_by_staff': 'The request was reopened.',
  'audit.says.ticket.status_changed': 'Status changed: “{from}” → “{to}”.',
  'audit.says.ticket.customer_replied': 'The customer replied in the conversation.',
  'audit.says.ticket.reply_channel_set':
    'The customer chose where to get answers: {replyChannel, select, email {by e-mail} portal {on the portal only} other {{replyChannel}}}.',
  'audit.says.ticket.spam_refused': 'An automated form submission was refused (spam protection).',

  'audit.says.customer.identification':
    '{result, select, identified {The customer was identified: the passport and wallet {wallet} match.} other {Identification failed (wallet {wallet}): {check, select, match {the passport matches} other {the passport does not match}}, {phoneMatches, select, true {the phone matches} other {the phone does not match}}.}}',
  'audit.says.customer.reply_channel_set':
    'The customer chose the answer channel in the profile: {replyChannel, select, email {e-mail} portal {portal only} other {{replyChannel}}}.',
  'audit.says.customer.answer_notices_set':
    'The customer turned {answerNotices, select, true {on} other {off}} e-mail notices about answers.',
  'audit.says.pii.revealed':
    'Personal data viewed: {field, select, passport {passport} passport_data {passport} other {{field}}}.',

  'audit.says.auth.login': 'Signed in.',
  'audit.says.auth.logout': 'Signed out.',
  'audit.says.auth.login_failed':
    'Failed sign-in: {reason, select, unknown_login {no such login} wrong_password {wrong password} inactive {the account is disabled} other {{reason}}}.',
  'audit.says.auth.account_locked': 'Sign-in locked for a while after several wrong passwords.',
  'audit.says.auth.password_reset': 'The password was set again from the command line.',

  'audit.says.bot.question_attached': 'A consultant question was attached to the article “{slug}”.',
  'audit.says.bot.question_needs_article': 'A consultant question was marked as needing a new article.',
  'audit.says.canned.created': 'Canned answer “{title}” created.',
  'audit.says.canned.updated': 'A canned answer was changed.',
  'audit.says.catalog.created': 'Request category “{slug}” created.',
  'audit.says.catalog.updated': 'A request category was changed.',
  'audit.says.catalog.deactivated': 'A request category was hidden.',
  'audit.says.catalog.reordered': 'The order of categories was changed.',
  'audit.says.catalog.form_published': 'A request form was published, version {version}.',
  'audit.says.department.created': 'Department “{code}” created.',
  'audit.says.department.updated': 'A department was changed.',
  'audit.says.department.members_set': 'Department members changed: {membersCount, plural, one {# person} other {# people}}.',
  'audit.says.sla.policy_updated': 'SLA times changed.',
  'audit.says.sla.calendar_updated': 'An SLA working calendar changed.',
  'audit.says.staff.created': 'A staff member was created (roles: {roles}).',
  'audit.says.staff.updated':
    "A staff member's rights changed: roles — {roles}; {active, select, true {account enabled} false {account disabled} other {access unchanged}}.",

  'audit.says.kb.create': 'Article “{slug}” ({locale}) created.',
  'audit.says.kb.edit': 'Article “{slug}” ({locale}) edited, revision {revision}.',
  'audit.says.kb.revert': 'Article “{slug}” ({locale}) reverted to revision {revertedFrom}.',
  'audit.says.kb.publish': 'Article “{slug}” ({locale}) published.',
  'audit.says.kb.unpublish': 'Article “{slug}” ({locale}) unpublished.',
  'audit.says.kb.delete': 'Article “{title}” ({locale}) deleted.',
  'audit.says.kb.lock': 'Article “{slug}” ({locale}) locked for editing.',
  'audit.says.kb.unlock': 'Article “{slug}” ({locale}) unlocked for editing.',
  'audit.says.kb.phrasing_accepted': 'A customer phrasing was added to the article “{slug}”.',
  'audit.says.kb.phrasing_rejected': 'A customer phrasing for the article “{slug}” was rejected.',
  'audit.says.kb.synonym_created': 'Search synonyms added: {terms}.',
  'audit.says.kb.synonym_updated': 'Search synonyms changed: {before} → {after}.',
  'audit.says.kb.synonym_deleted': 'Search synonyms removed: {terms}.',

  'audit.says.mail.bounced': 'A message was not delivered: the mail server returned it.',
  'audit.says.mail.resend': 'A message was sent again.',
  'audit.says.mailbox.created': 'Mailbox {address} connected.',
  'audit.says.mailbox.updated': 'Mailbox {address} settings changed.',
  'audit.says.notice.create': 'A portal notice was created.',
  'audit.says.notice.update': 'A portal notice was changed.',
  'audit.says.notice.delete': 'A portal notice was deleted.',
  'audit.says.settings.update': 'Settings changed: {key}.',
  'audit.says.settings.reset': 'Settings “{key}” reset to the defaults.',
  'audit.says.security.key_rotation_started': 'Rotation of the personal-data key started.',
  'audit.says.security.key_rotated': 'The encryption key was rotated: {resealed} records re-sealed.',
  'audit.says.security.key_rotation_incomplete': 'Key rotation not finished: {left} records left.',

  'audit.says.wiki.create': 'Wiki page “{slug}” created.',
  'audit.says.wiki.edit': 'Wiki page “{slug}” edited, revision {revision}.',
  'audit.says.wiki.propose': 'An edit of the wiki page “{slug}” was proposed.',
  'audit.says.wiki.proposal.accept': 'An edit of the wiki page “{slug}” was accepted.',
  'audit.says.wiki.proposal.reject': 'A wiki edit was rejected{strike, select, true { with a warning to its author} other {}}.',
  'audit.says.wiki.revert': 'Wiki page “{slug}” reverted to revision {to}.',
  'audit.says.wiki.lock': 'Wiki page “{slug}” locked for editing.',
  'audit.says.wiki.unlock': 'Wiki page “{slug}” unlocked for editing.',
  'audit.says.wiki.member.update': 'A wiki member’s rights were changed.',
};
