import { defineModule } from '../module';
import { SLA_ISSUE_TEXTS } from './sla.issues';

/** Service levels: calendars, due times and the checks that escalate late requests. */
export const slaModule = defineModule({
  name: 'sla',
  // The `sla.check` timers are registered by the tickets module (their mark is a request command);
  // this module computes due times and schedules, and writes no request table.
  issueTexts: SLA_ISSUE_TEXTS,
});
