import { defineModule } from '../module';
import { SLA_ISSUE_TEXTS } from './sla.issues';
import { scheduleChecks, slaCheckJob } from './sla.service';

/** Service levels: calendars, due times and the checks that escalate late requests. */
export const slaModule = defineModule({
  name: 'sla',
  background(ctx) {
    const checkJob = slaCheckJob(ctx);
    ctx.outbox.onBatch('ticket.sla_scheduled', 'sla.schedule', scheduleChecks(ctx, checkJob));
    return { jobs: [checkJob] };
  },
  issueTexts: SLA_ISSUE_TEXTS,
});
