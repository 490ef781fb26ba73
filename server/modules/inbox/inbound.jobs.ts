import { and, eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { incomingMail, mailboxes } from '../../db/schema';
import { defineJob, type JobDefinition } from '../../platform/jobs';
import { pollMailbox } from './imap';
import { processIncoming } from './inbound.service';
import { startSmtpListener, type SmtpListener } from './smtp-listener';

const INCOMING_RETRY_LIMIT = 5;

/** Processes one stored letter; after the last failed attempt the letter is marked `failed` (kept for admins). */
export function mailIncomingJob(ctx: AppContext): JobDefinition<{ incomingId: string }> {
  return defineJob({
    name: 'mail.incoming',
    schema: z.object({ incomingId: z.string().uuid() }),
    retryLimit: INCOMING_RETRY_LIMIT,
    retryDelaySeconds: 15,
    retryBackoff: true,
    async handler({ incomingId }, job) {
      try {
        await processIncoming(ctx, incomingId);
      } catch (err) {
        if (job.attempt > INCOMING_RETRY_LIMIT) {
          await ctx.db
            .update(incomingMail)
            .set({ state: 'failed', reason: 'processing_failed' })
            .where(and(eq(incomingMail.id, incomingId), eq(incomingMail.state, 'received')));
        }
        throw err;
      }
    },
  });
}

/** Polls one mailbox; `stately` with the mailbox id as key: one poll per mailbox at a time across all workers. */
export function imapPollJob(ctx: AppContext): JobDefinition<{ mailboxId: string }> {
  return defineJob({
    name: 'mail.imap_poll',
    schema: z.object({ mailboxId: z.string().uuid() }),
    policy: 'stately',
    retryLimit: 0,
    expireInSeconds: 600,
    async handler({ mailboxId }) {
      await pollMailbox(ctx, mailboxId);
    },
  });
}

/** After commit: a stored letter becomes a `mail.incoming` job. Without a job queue the event waits for a worker. */
export function registerInboundHandlers(ctx: AppContext, job: JobDefinition<{ incomingId: string }>): void {
  ctx.outbox.on('mail.received', 'mail.incoming', async (event) => {
    if (!ctx.jobs) throw new Error('no job queue in this process; a worker delivers it');
    await ctx.jobs.send(job, { incomingId: event.aggregateId }, { singletonKey: event.aggregateId });
  });
}

/** Mailboxes with IMAP settings, each asked to be polled (the worker role, every MAIL_IMAP_POLL_SECONDS). */
export async function requestPolls(ctx: AppContext, job: JobDefinition<{ mailboxId: string }>): Promise<number> {
  if (!ctx.jobs) return 0;
  const boxes = await ctx.db
    .select({ id: mailboxes.id })
    .from(mailboxes)
    .where(and(eq(mailboxes.active, true), isNotNull(mailboxes.imapHost)));
  for (const b of boxes) await ctx.jobs.send(job, { mailboxId: b.id }, { singletonKey: b.id });
  return boxes.length;
}

/**
 * Starts incoming mail per role: the SMTP listener for `mail` (when MAIL_INBOUND_PORT is set),
 * the IMAP poll timer for `worker`. The web role runs neither.
 */
export async function startMailInbound(ctx: AppContext, roles: readonly string[]): Promise<{ close(): Promise<void> }> {
  let listener: SmtpListener | null = null;
  let timer: NodeJS.Timeout | null = null;
  const { config } = ctx;
  if (roles.includes('mail') && config.MAIL_INBOUND_PORT !== undefined) {
    listener = await startSmtpListener(ctx, {
      host: config.MAIL_INBOUND_HOST,
      port: config.MAIL_INBOUND_PORT,
      maxBytes: config.MAIL_INBOUND_MAX_MB * 1024 * 1024,
      perSenderHour: config.MAIL_INBOUND_PER_SENDER_HOUR,
    });
  }
  if (roles.includes('worker') && config.MAIL_IMAP_POLL_SECONDS > 0 && ctx.jobs) {
    const job = imapPollJob(ctx);
    const tick = () =>
      void requestPolls(ctx, job).catch((err: unknown) =>
        ctx.logger.warn({ err: err instanceof Error ? err.message : 'error' }, 'imap poll scheduling failed'),
      );
    timer = setInterval(tick, config.MAIL_IMAP_POLL_SECONDS * 1000);
    timer.unref();
    tick();
  }
  return {
    async close() {
      if (timer) clearInterval(timer);
      await listener?.close();
    },
  };
}
