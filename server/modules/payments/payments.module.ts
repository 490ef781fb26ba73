import { seedDemoPayments } from '../../seed/payments';
import { flushBatchedRateLimits } from '../../platform/ratelimit';
import { defineModule } from '../module';
import { flushCounts } from './payments.counter';
import { consolePaymentRoutes, paymentRoutes } from './payments.routes';

/** The payment check (issue 18): receipts checked against the payment core, customers' recent operations. */
export const paymentsModule = defineModule({
  name: 'payments',
  routes: [
    { plugin: paymentRoutes, prefix: '/api/v1/payments' },
    { plugin: consolePaymentRoutes, prefix: '/api/v1/console/payments' },
  ],
  // The demo payment core's 100,000 terminal payments and the README's receipts.
  demoSeed: (db) => seedDemoPayments(db),
  // Checks are counted in batches (payments.counter.ts), and so are the per-address limit's hits on
  // PostgreSQL (ratelimit.ts, hitBatchedRateLimit): a clean shutdown writes the last ones.
  start: async (ctx) => ({
    close: () =>
      Promise.all([flushCounts(ctx.handle), ctx.handle.engine === 'pglite' ? null : flushBatchedRateLimits(ctx.db, ctx.db)])
        .then(() => undefined)
        .catch((err: unknown) => {
          ctx.logger.warn({ err: err instanceof Error ? err.name : 'unknown' }, 'payment check counts not written at shutdown');
        }),
  }),
});
