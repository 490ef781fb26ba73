import type { Locale } from '../../../common/errors';
import { parseTicketNumber } from '../../../common/ticket-numbers';
import type { AppContext, RequestMeta } from '../../context';
import type { Executor } from '../../db/connection';
import { AppError } from '../../errors';
import { recordAudit } from '../../platform/audit';
import { messageIdDomain, queueMail } from '../../platform/mail/queue';
import { emit, withTransaction } from '../../platform/outbox';
import { getSettings } from '../settings';
import { countMailByStatus, lockMail, requeueMail, selectMail, selectMailPage } from './mail.repo';
import { presentMailDetail, presentMailSummary } from './mail.presenter';
import type { MailListQuery } from './mail.schema';
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

// ---------------------------------------------------------------------------------------------
// The outgoing-mail log in the console (admins and supervisors read, admins resend)
// ---------------------------------------------------------------------------------------------

const encodeCursor = (r: { createdAt: Date; id: string }) =>
  Buffer.from(`${r.createdAt.toISOString()}|${r.id}`).toString('base64url');

function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(at ?? '');
  if (Number.isNaN(createdAt.getTime()) || !id || !/^[0-9a-f-]{36}$/i.test(id))
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ path: ['querystring', 'cursor'], code: 'invalid_cursor', message: 'invalid cursor' }],
    });
  return { createdAt, id };
}

/** Outgoing mail, newest first, keyset-paged on (created_at, id). */
export async function listMail(ctx: AppContext, q: MailListQuery) {
  let ticketNumber: string | undefined;
  if (q.number) {
    const number = parseTicketNumber(q.number);
    if (!number) return { items: [], nextCursor: null };
    ticketNumber = number;
  }
  const rows = await selectMailPage(
    ctx.db,
    {
      status: q.status,
      template: q.template,
      to: q.to,
      ticketNumber,
      from: q.from,
      until: q.until,
      after: decodeCursor(q.cursor),
    },
    q.limit + 1,
  );
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { items: page.map(presentMailSummary), nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null };
}

/** One message as it was (or will be) sent: both parts and every header. */
export async function getMail(ctx: AppContext, id: string, options: { canResend: boolean }) {
  const m = await selectMail(ctx.db, id);
  if (!m) throw new AppError('NOT_FOUND');
  return presentMailDetail(m, ctx.config.MAIL_FROM, options.canResend);
}

/** Hands a failed message to SMTP again: queued with fresh attempts, audited, sent after commit. */
export async function resendMail(ctx: AppContext, id: string, actorId: string, meta: RequestMeta) {
  await withTransaction(ctx, async (tx) => {
    const m = await lockMail(tx, id);
    if (!m) throw new AppError('NOT_FOUND');
    if (m.status !== 'failed') throw new AppError('CONFLICT', { reason: 'not_failed', status: m.status });
    await requeueMail(tx, id);
    await recordAudit(tx, {
      actor: { kind: 'staff', id: actorId },
      action: 'mail.resend',
      entityType: 'mail',
      entityId: id,
      ip: meta.ip,
      requestId: meta.requestId,
      data: { to: m.to, template: m.template, lastError: m.lastError },
    });
    await emit(tx, { type: 'mail.queued', aggregateType: 'mail', aggregateId: id });
  });
  return getMail(ctx, id, { canResend: true });
}

/** Counts by status, for the screen's header. */
export const mailCounts = (ctx: AppContext) => countMailByStatus(ctx.db);
