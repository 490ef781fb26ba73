// The floor under a payment check, for bench/payment-check: the same Fastify and the same engine as
// the app, one route that parses the check's JSON, computes the lookup's parameters with the app's
// own rules (payments.match.ts) and runs the app's statement (terminalPaymentStatement, prepared
// by name as the app does) — nothing else: no hooks, session, CSRF, zod, limiter, counting,
// presenter or logging. Nothing built on this stack can check faster on this machine.
//
// Started by bench/payment-check.ts as a child (node --import tsx): FLOOR_DATABASE_URL (PostgreSQL)
// or FLOOR_DATA_DIR (the app's PGlite directory, while the app is stopped), FLOOR_POOL_SIZE, PORT.
import Fastify from 'fastify';
import { openDatabase } from '../server/db/connection';
import { terminalPaymentStatement } from '../server/modules/customers/paycore.demo';
import { normalizeAccount, paidWindow, toKopecks } from '../server/modules/payments/payments.match';

const url = process.env.FLOOR_DATABASE_URL;
const handle = await openDatabase(
  url ? { url, poolSize: Number(process.env.FLOOR_POOL_SIZE ?? 10) } : { dataDir: process.env.FLOOR_DATA_DIR ?? '' },
);
type Body = {
  receiptNumber?: string;
  terminalId?: string;
  paidAt: string;
  amount: { amount: string; currency: string };
  account: string;
};
const app = Fastify({ logger: false });
app.post('/floor', async (request) => {
  const b = request.body as Body;
  const w = paidWindow(b.paidAt);
  const kopecks = toKopecks(b.amount.amount);
  if (!w || kopecks === null) return { status: 'not_found' };
  const { name, text, params } = terminalPaymentStatement({
    ...(b.receiptNumber !== undefined ? { receiptNumber: b.receiptNumber } : {}),
    ...(b.terminalId !== undefined ? { terminalId: b.terminalId } : {}),
    paidFrom: w.from,
    paidTo: w.to,
    account: normalizeAccount(b.account),
    amountKopecks: kopecks,
    currency: b.amount.currency,
  });
  const { rows } = await handle.query<{ status: string }>(text, params, { name });
  return { status: rows[0]?.status ?? 'not_found' };
});
app.get('/readyz', async () => ({ status: 'ready' }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
const stop = () =>
  void app
    .close()
    .then(() => handle.close())
    .finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
