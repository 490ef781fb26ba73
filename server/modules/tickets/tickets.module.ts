import { z } from 'zod';
import { seedWorkday } from '../../seed/workday';
import { defineJob } from '../../platform/jobs';
import { defineModule } from '../module';
import { scheduleChecks } from '../sla';
import { slaCheckJob, sweepStale } from './commands';
import { ticketRoutes } from './tickets.routes';

/**
 * The request domain. Thin on purpose: it re-exports what the module has (the domain work of
 * issue 12 reshapes the inside of this folder).
 */
export const ticketsModule = defineModule({
  name: 'tickets',
  routes: [{ plugin: ticketRoutes, prefix: '/api/v1/tickets' }],
  background(ctx) {
    const sweepJob = defineJob({
      name: 'tickets.sweep',
      schema: z.object({}).passthrough(),
      async handler() {
        await sweepStale(ctx);
      },
    });
    // SLA timers: the sla module schedules them from `ticket.sla_scheduled`; the mark is markSla.
    const checkJob = slaCheckJob(ctx);
    ctx.outbox.onBatch('ticket.sla_scheduled', 'sla.schedule', scheduleChecks(ctx, checkJob));
    // Hourly: expire unconfirmed guests' requests, archive solved ones.
    return { jobs: [sweepJob, checkJob], schedules: [{ job: sweepJob, cron: '17 * * * *' }] };
  },
  demoSeed: (db, config) => seedWorkday(db, config.SECRET_KEY),
});
