import { authModule } from './auth/auth.module';
import { botModule } from './bot/bot.module';
import { catalogModule } from './catalog/catalog.module';
import { consoleModule } from './console/console.module';
import { customersModule } from './customers/customers.module';
import { healthModule } from './health/health.module';
import { inboxModule } from './inbox/inbox.module';
import { kbModule } from './kb/kb.module';
import { mailModule } from './mail/mail.module';
import { noticesModule } from './notices/notices.module';
import { paymentsModule } from './payments/payments.module';
import { settingsModule } from './settings/settings.module';
import { slaModule } from './sla/sla.module';
import { staffModule } from './staff/staff.module';
import { ticketsModule } from './tickets/tickets.module';
import { wikiModule } from './wiki/wiki.module';

/**
 * Every module of paydesk, once. app.ts mounts their routes and room rules, register.ts their
 * jobs and outbox handlers, issues.ts their texts, runtime.ts their demo seeds and services.
 * The order is the order of the demo seeds (people, catalogue, then the requests that use both).
 */
export const MODULES = [
  healthModule,
  authModule,
  staffModule,
  catalogModule,
  ticketsModule,
  kbModule,
  botModule,
  consoleModule,
  settingsModule,
  mailModule,
  inboxModule,
  noticesModule,
  wikiModule,
  slaModule,
  customersModule,
  paymentsModule,
] as const;
