import type { AppContext } from '../context';
import { filesSweepJob, FILES_SWEEP_CRON } from '../platform/files/sweep.job';
import { rateCountersPruneJob } from '../platform/ratelimit';
import { mailSendJob } from '../platform/mail/queue';
import { createMailTransport } from '../platform/mail/transport';
import { listenForReferenceChanges } from '../platform/refcache';
import { MODULES } from './index';
import type { ModuleBackground, PaydeskModule } from './module';

/** The platform's own background: outgoing mail, the files sweep, rate-limit counters, reference caches. */
function platformBackground(ctx: AppContext): ModuleBackground {
  const mailJob = mailSendJob({ db: ctx.db, transport: createMailTransport(ctx.config.SMTP_URL), from: ctx.config.MAIL_FROM });
  listenForReferenceChanges(ctx);
  // A round's letters as one job insert.
  ctx.outbox.onBatch('mail.queued', 'mail.send', async (events) => {
    await ctx.jobs?.sendMany(
      mailJob,
      events.map((event) => ({ payload: { mailId: event.aggregateId } })),
    );
  });
  const filesJob = filesSweepJob(ctx);
  const countersJob = rateCountersPruneJob(ctx.db);
  return {
    jobs: [mailJob, filesJob, countersJob],
    schedules: [
      // Hourly: rate-limit counters whose window ended a day ago.
      { job: countersJob, cron: '53 * * * *' },
      // Hourly: files of the database storage that nothing refers to any more.
      { job: filesJob, cron: FILES_SWEEP_CRON, when: (c) => c.storage.kind === 'database' },
    ],
  };
}

/**
 * What runs after commit and in the background: the platform's and every module's job
 * definitions, outbox handlers and schedules (their manifests' `background`). Called once per
 * process by runtime.ts (and by tests); schedules only in the worker role.
 */
export async function registerBackground(
  ctx: AppContext,
  options: { worker: boolean },
  modules: readonly PaydeskModule[] = MODULES,
): Promise<void> {
  const parts = [platformBackground(ctx), ...modules.map((m) => m.background?.(ctx) ?? {})];
  if (!ctx.jobs) return;
  for (const job of parts.flatMap((p) => p.jobs ?? [])) await ctx.jobs.register(job);
  await ctx.jobs.start();
  if (!options.worker) return;
  for (const { job, cron, when } of parts.flatMap((p) => p.schedules ?? []))
    if (!when || when(ctx)) await ctx.jobs.boss.schedule(job.name, cron, {});
}
