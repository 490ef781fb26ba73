import { seedDemoMailboxes } from '../../seed/mailboxes';
import { defineModule } from '../module';
import { imapPollJob, mailIncomingJob, registerInboundHandlers, startMailInbound } from './inbound.jobs';
import { mailboxAdminRoutes, mailOriginRoutes } from './mailboxes.routes';

/**
 * Incoming mail: the mailboxes, the SMTP listener and IMAP polls, and letters turned into requests
 * and messages through the request domain's commands. A module apart from `mail` (outgoing letters)
 * because the request domain sends mail and this one calls the request domain: together they were
 * an import cycle (docs/ARCHITECTURE.md, "Boundaries").
 */
export const inboxModule = defineModule({
  name: 'inbox',
  routes: [
    { plugin: mailboxAdminRoutes, prefix: '/api/v1/console/admin' },
    { plugin: mailOriginRoutes, prefix: '/api/v1/console' },
  ],
  background(ctx) {
    const incomingJob = mailIncomingJob(ctx);
    registerInboundHandlers(ctx, incomingJob);
    return { jobs: [incomingJob, imapPollJob(ctx)] };
  },
  start: startMailInbound,
  demoSeed: (db) => seedDemoMailboxes(db),
});
