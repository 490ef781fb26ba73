import { z } from 'zod';
import type { AppContext } from '../context';
import { filesSweepJob, FILES_SWEEP_CRON } from '../platform/files/sweep.job';
import { defineJob } from '../platform/jobs';
import { rateCountersPruneJob } from '../platform/ratelimit';
import { mailSendJob } from '../platform/mail/queue';
import { createMailTransport } from '../platform/mail/transport';
import { listenForReferenceChanges } from '../platform/refcache';
import { pruneViewMarks } from './kb/kb.public.service';
import { announceKbChange, listenForKbChanges } from './kb/kb.memory';
import { indexArticle } from './kb/kb.search';
import { imapPollJob, mailIncomingJob, registerInboundHandlers } from './mail/inbound.jobs';
import { scheduleChecks } from './sla/sla.service';
import { slaCheckJob, sweepStale } from './tickets/commands';

/**
 * What runs after commit and in the background, per capability: job definitions and the
 * outbox handlers that send them. Called once per process by runtime.ts (and by tests).
 */
export async function registerBackground(ctx: AppContext, options: { worker: boolean }): Promise<void> {
  const mailJob = mailSendJob({ db: ctx.db, transport: createMailTransport(ctx.config.SMTP_URL), from: ctx.config.MAIL_FROM });
  const slaJob = slaCheckJob(ctx);
  const sweepJob = defineJob({
    name: 'tickets.sweep',
    schema: z.object({}).passthrough(),
    async handler() {
      await sweepStale(ctx);
    },
  });

  listenForReferenceChanges(ctx);
  listenForKbChanges(ctx.bus);
  const kbPruneJob = defineJob({
    name: 'kb.prune-views',
    schema: z.object({}).passthrough(),
    async handler() {
      await pruneViewMarks(ctx.db);
    },
  });

  // A round's letters as one job insert.
  ctx.outbox.onBatch('mail.queued', 'mail.send', async (events) => {
    await ctx.jobs?.sendMany(
      mailJob,
      events.map((event) => ({ payload: { mailId: event.aggregateId } })),
    );
  });
  const filesJob = filesSweepJob(ctx);
  const countersJob = rateCountersPruneJob(ctx.db);
  const incomingJob = mailIncomingJob(ctx);
  const pollJob = imapPollJob(ctx);
  registerInboundHandlers(ctx, incomingJob);
  ctx.outbox.onBatch('ticket.sla_scheduled', 'sla.schedule', scheduleChecks(ctx, slaJob));
  // Help-centre search: an article variant created, edited, reverted, (un)published or deleted.
  ctx.outbox.on('kb.article_saved', 'kb.index', async (event) => {
    await indexArticle(ctx.db, event.aggregateId);
    await announceKbChange(ctx.bus);
  });

  if (!ctx.jobs) return;
  for (const job of [mailJob, slaJob, sweepJob, kbPruneJob, incomingJob, pollJob, filesJob, countersJob])
    await ctx.jobs.register(job as Parameters<typeof ctx.jobs.register>[0]);
  await ctx.jobs.start();
  // Hourly: expire unconfirmed guests' requests, archive solved ones.
  if (options.worker) await ctx.jobs.boss.schedule(sweepJob.name, '17 * * * *', {});
  // Hourly: forget help-centre view marks older than the dedupe window.
  if (options.worker) await ctx.jobs.boss.schedule(kbPruneJob.name, '41 * * * *', {});
  // Hourly: rate-limit counters whose window ended a day ago.
  if (options.worker) await ctx.jobs.boss.schedule(countersJob.name, '53 * * * *', {});
  // Hourly: files of the database storage that nothing refers to any more.
  if (options.worker && ctx.storage.kind === 'database') await ctx.jobs.boss.schedule(filesJob.name, FILES_SWEEP_CRON, {});
}
