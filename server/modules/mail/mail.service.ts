import type { Locale } from '../../../common/errors';
import type { Executor } from '../../db/connection';
import { messageIdDomain, queueMail } from '../../platform/mail/queue';
import { getSettings } from '../settings';
import { AUTO_SUBMITTED, renderMail, type MailBrand, type MailTemplate, type MailVars } from './templates';
import { threadHeaders } from './thread';

export type TemplateMail = {
  template: MailTemplate;
  locale: Locale | string;
  to: string;
  ticketId: string | null;
  /** One message per key: an action retried or an event delivered twice queues one mail. */
  dedupeKey: string;
  vars: MailVars;
};

/** Branding and contacts as the settings say now (read in the caller's transaction). */
export async function loadBrand(tx: Executor, publicUrl: string): Promise<MailBrand> {
  const { branding, contacts } = await getSettings(tx, ['branding', 'contacts'] as const);
  return { branding, contacts, baseUrl: publicUrl };
}

/**
 * The headers every letter of ours carries so that other robots do not answer it: RFC 3834
 * Auto-Submitted where the template is automatic, and Exchange's X-Auto-Response-Suppress.
 */
export function automaticMailHeaders(template: MailTemplate): Record<string, string> {
  const auto = AUTO_SUBMITTED[template];
  return { ...(auto ? { 'Auto-Submitted': auto } : {}), 'X-Auto-Response-Suppress': 'All' };
}

/**
 * Renders a template with the current branding, chains it into the request's thread and
 * stores it with the outbox event that sends it — all in the caller's transaction, so the mail
 * exists exactly when the action that caused it committed. Returns the mail id, or null when
 * the dedupe key was already used.
 */
export async function queueTemplateMail(
  tx: Executor,
  config: { publicUrl: string },
  mail: TemplateMail,
  brand?: MailBrand,
): Promise<string | null> {
  const locale: Locale = mail.locale === 'uk' || mail.locale === 'en' ? mail.locale : 'ru';
  const rendered = renderMail(mail.template, locale, mail.vars, brand ?? (await loadBrand(tx, config.publicUrl)));
  const thread = await threadHeaders(tx, mail.ticketId);
  return queueMail(
    tx,
    {
      dedupeKey: mail.dedupeKey,
      template: mail.template,
      locale,
      to: mail.to,
      ticketId: mail.ticketId,
      ...rendered,
      inReplyTo: thread.inReplyTo,
      references: thread.references,
      headers: automaticMailHeaders(mail.template),
    },
    { domain: messageIdDomain(config.publicUrl) },
  );
}
