import { seedDemoMailboxes } from '../../seed/mailboxes';
import { defineModule } from '../module';
import { imapPollJob, mailIncomingJob, registerInboundHandlers, startMailInbound } from './inbound.jobs';
import { adminMailRoutes } from './mail.routes';
import { mailboxAdminRoutes, mailOriginRoutes } from './mailboxes.routes';

/** Mail: mailboxes, incoming letters (SMTP listener, IMAP polls) and the outgoing log for admins. */
export const mailModule = defineModule({
  name: 'mail',
  routes: [
    { plugin: adminMailRoutes, prefix: '/api/v1/console/admin/mail' },
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
