import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
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
  /** Letters by id, in the jobs' order; null where the outcome (null = done, or a transient error). */
  async function work(jobs: Array<{ mailId: string; attempt: number }>): Promise<Array<Error | null>> {
    const rows = await deps.db
      .select()
      .from(outgoingMail)
      .where(
        inArray(
          outgoingMail.id,
          jobs.map((j) => j.mailId),
        ),
      );
    // Safe to run twice: a sent or finally failed message is not handed over again (resend re-queues it).
    const due = new Map(rows.filter((m) => m.status !== 'sent' && m.status !== 'failed').map((m) => [m.id, m]));
    if (!deps.transport) {
      if (due.size > 0)
        await deps.db
          .update(outgoingMail)
          .set({ status: 'stored' })
          .where(inArray(outgoingMail.id, [...due.keys()]));
      return jobs.map(() => null);
    }
    const outcomes: Array<Error | null> = [];
    for (const { mailId, attempt } of jobs) {
      const mail = due.get(mailId);
      due.delete(mailId); // the same letter twice in a batch is handed over once
      try {
        if (mail) await handOver(deps.transport, mail, attempt);
        outcomes.push(null);
      } catch (err) {
        outcomes.push(err instanceof Error ? err : new Error(String(err)));
      }
    }
    return outcomes;
  }

  /** One letter to SMTP; records the outcome. Throws a transient failure (to be retried). */
  async function handOver(
    transport: NonNullable<MailTransport>,
    mail: typeof outgoingMail.$inferSelect,
    attempt: number,
  ): Promise<void> {
    try {
      await transport.send({
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
        .set({ status: 'sent', sentAt: new Date(), attempts: attempt, lastError: null })
        .where(eq(outgoingMail.id, mail.id));
    } catch (err) {
      const failure = toMailSendError(err);
      const final = failure.permanent || attempt > MAIL_RETRY_LIMIT;
      await deps.db
        .update(outgoingMail)
        .set({ status: final ? 'failed' : 'queued', attempts: attempt, lastError: failure.message })
        .where(eq(outgoingMail.id, mail.id));
      // A permanent refusal ends here (the job completes); anything else is retried by pg-boss.
      if (!failure.permanent) throw failure;
    }
  }

  return defineJob({
    name: 'mail.send',
    schema: z.object({ mailId: z.string().uuid() }),
    retryLimit: MAIL_RETRY_LIMIT,
    retryDelaySeconds: MAIL_RETRY_DELAY_SECONDS,
    retryBackoff: true,
    policy: 'standard',
    async handler({ mailId }, job) {
      const [failure] = await work([{ mailId, attempt: job.attempt }]);
      if (failure) throw failure;
    },
    // A busy node fetches, reads and completes letters 20 at a time; without SMTP the whole batch
    // is marked `stored` in one statement. Each letter still goes to SMTP on its own.
    batch: {
      size: 20,
      handler: (jobs) => work(jobs.map((j) => ({ mailId: j.payload.mailId, attempt: j.ctx.attempt }))),
    },
  });
}
