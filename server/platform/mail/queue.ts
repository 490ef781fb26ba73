import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Executor } from '../../db/connection';
import { outgoingMail } from '../../db/schema';
import { defineJob, type JobDefinition } from '../jobs';
import { emit } from '../outbox';
import type { MailTransport } from './transport';

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
      messageId: `<${randomUUID()}@${options.domain}>`,
    })
    .onConflictDoNothing({ target: outgoingMail.dedupeKey })
    .returning({ id: outgoingMail.id });
  if (!row) return null;
  await emit(tx, { type: 'mail.queued', aggregateType: 'mail', aggregateId: row.id });
  return row.id;
}

const MAIL_RETRY_LIMIT = 5;

/** The job that hands a stored message to SMTP; retried with backoff, then marked failed. */
export function mailSendJob(deps: { db: Database; transport: MailTransport; from: string }): JobDefinition<{ mailId: string }> {
  return defineJob({
    name: 'mail.send',
    schema: z.object({ mailId: z.string().uuid() }),
    retryLimit: MAIL_RETRY_LIMIT,
    retryDelaySeconds: 30,
    retryBackoff: true,
    policy: 'standard',
    async handler({ mailId }, job) {
      const [mail] = await deps.db.select().from(outgoingMail).where(eq(outgoingMail.id, mailId)).limit(1);
      if (!mail || mail.status === 'sent') return; // safe to run twice
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
          headers: { 'Auto-Submitted': 'auto-replied' },
        });
        await deps.db
          .update(outgoingMail)
          .set({ status: 'sent', sentAt: new Date(), attempts: job.attempt, lastError: null })
          .where(eq(outgoingMail.id, mailId));
      } catch (err) {
        const last = job.attempt > MAIL_RETRY_LIMIT;
        await deps.db
          .update(outgoingMail)
          .set({
            status: last ? 'failed' : 'queued',
            attempts: job.attempt,
            lastError: err instanceof Error ? err.message.slice(0, 500) : String(err),
          })
          .where(eq(outgoingMail.id, mailId));
        throw err;
      }
    },
  });
}
