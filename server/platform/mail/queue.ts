import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Executor } from '../../db/connection';
import { outgoingMail } from '../../db/schema';
import { defineJob, type JobDefinition } from '../jobs';
import { emit } from '../outbox';
import { toMailSendError, type MailTransport } from './transport';

export type QueuedMail = {
  /** Makes queueing idempotent: the same key queues one message. */
  dedupeKey: string;
  template: string;
  locale: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  ticketId?: string | null;
  inReplyTo?: string | null;
  references?: string[] | null;
  headers?: Record<string, string>;
};

/** The host part of our Message-IDs. */
export function messageIdDomain(publicUrl: string): string {
  return new URL(publicUrl).hostname || 'paydesk.local';
}

/**
 * Stores a rendered message in the caller's transaction and announces it (outbox), so it is
 * sent after commit, or kept for admins when no SMTP is configured. Never drops a message.
 */
export async function queueMail(tx: Executor, mail: QueuedMail, options: { domain: string }): Promise<string | null> {
  const [row] = await tx
    .insert(outgoingMail)
    .values({
      ...mail,
      ticketId: mail.ticketId ?? null,
      inReplyTo: mail.inReplyTo ?? null,
      references: mail.references?.length ? mail.references.join(' ') : null,
      headers: mail.headers ?? {},
      messageId: `<${randomUUID()}@${options.domain}>`,
    })
    .onConflictDoNothing({ target: outgoingMail.dedupeKey })
    .returning({ id: outgoingMail.id });
  if (!row) return null;
  await emit(tx, { type: 'mail.queued', aggregateType: 'mail', aggregateId: row.id });
  return row.id;
}

/** Retries after the first attempt; with 30 s doubling that is ~30 s, 1, 2, 4, 8 min (~16 min in all). */
export const MAIL_RETRY_LIMIT = 5;
export const MAIL_RETRY_DELAY_SECONDS = 30;

/**
 * The job that hands a stored message to SMTP. A transient failure (4xx, connection) is
 * retried with backoff and the message stays `queued` with the error; a permanent one (5xx)
 * or the last retry marks it `failed` with the SMTP server's answer. Without SMTP: `stored`.
 */
export function mailSendJob(deps: { db: Database; transport: MailTransport; from: string }): JobDefinition<{ mailId: string }> {
  return defineJob({
    name: 'mail.send',
    schema: z.object({ mailId: z.string().uuid() }),
    retryLimit: MAIL_RETRY_LIMIT,
    retryDelaySeconds: MAIL_RETRY_DELAY_SECONDS,
    retryBackoff: true,
    policy: 'standard',
    async handler({ mailId }, job) {
      const [mail] = await deps.db.select().from(outgoingMail).where(eq(outgoingMail.id, mailId)).limit(1);
      // Safe to run twice: a sent or finally failed message is not handed over again (resend re-queues it).
      if (!mail || mail.status === 'sent' || mail.status === 'failed') return;
      if (!deps.transport) {
        await deps.db.update(outgoingMail).set({ status: 'stored' }).where(eq(outgoingMail.id, mailId));
        return;
      }
      try {
        await deps.transport.send({
          from: deps.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: mail.messageId,
          inReplyTo: mail.inReplyTo,
          references: mail.references ? mail.references.split(' ') : [],
          headers: mail.headers,
        });
        await deps.db
          .update(outgoingMail)
          .set({ status: 'sent', sentAt: new Date(), attempts: job.attempt, lastError: null })
          .where(eq(outgoingMail.id, mailId));
      } catch (err) {
        const failure = toMailSendError(err);
        const final = failure.permanent || job.attempt > MAIL_RETRY_LIMIT;
        await deps.db
          .update(outgoingMail)
          .set({ status: final ? 'failed' : 'queued', attempts: job.attempt, lastError: failure.message })
          .where(eq(outgoingMail.id, mailId));
        // A permanent refusal ends here (the job completes); anything else is retried by pg-boss.
        if (!failure.permanent) throw failure;
      }
    },
  });
}
