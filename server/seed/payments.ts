import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/connection';
import { demoPayments, type DemoPaymentStatus } from '../db/schema';

/** The generated terminal payments of the demo payment core. */
export const DEMO_PAYMENTS_COUNT = 100_000;

type Fixed = {
  receipt: string;
  terminal: string;
  account: string;
  service: string;
  rub: number;
  status: DemoPaymentStatus;
  /** Minutes before the seed's start. */
  minutesAgo: number;
};

/**
 * Receipts to try (README lists them): the two fixed examples, a cancelled one, and the
 * demo customer's (customer@paydesk.local) wallet top-ups that the portal shows as recent operations.
 */
export const DEMO_RECEIPTS: readonly Fixed[] = [
  {
    receipt: '100000000001',
    terminal: '10234567',
    account: '+79161234567',
    service: 'МТС',
    rub: 500,
    status: 'done',
    minutesAgo: 0,
  },
  {
    receipt: '100000000002',
    terminal: '10234567',
    account: '+79161234567',
    service: 'МТС',
    rub: 1500,
    status: 'processing',
    minutesAgo: 0,
  },
  {
    receipt: '100000000003',
    terminal: '10234567',
    account: '+79031112233',
    service: 'Билайн',
    rub: 300,
    status: 'cancelled',
    minutesAgo: 0,
  },
  {
    receipt: '100000000011',
    terminal: '10234568',
    account: '+79001234567',
    service: 'Пополнение кошелька',
    rub: 2500,
    status: 'processing',
    minutesAgo: 30,
  },
  {
    receipt: '100000000012',
    terminal: '10234568',
    account: '+79001234567',
    service: 'Пополнение кошелька',
    rub: 1000,
    status: 'done',
    minutesAgo: 3 * 24 * 60,
  },
  {
    receipt: '100000000013',
    terminal: '10234590',
    account: '+79001234567',
    service: 'Пополнение кошелька',
    rub: 700,
    status: 'cancelled',
    minutesAgo: 6 * 24 * 60,
  },
  {
    receipt: '100000000014',
    terminal: '10234590',
    account: '+79001234567',
    service: 'Пополнение кошелька',
    rub: 5000,
    status: 'done',
    minutesAgo: 12 * 24 * 60,
  },
];

/**
 * DEMO payment core: ~100,000 terminal payments over the last 90 days, generated deterministically
 * from the seed's start by one INSERT … SELECT generate_series (a few seconds at most on either
 * engine), plus DEMO_RECEIPTS. Added once: a second run adds nothing.
 */
export async function seedDemoPayments(db: Database, options: { now?: Date; count?: number } = {}): Promise<{ added: number }> {
  const [already] = await db
    .select({ id: demoPayments.id })
    .from(demoPayments)
    .where(eq(demoPayments.receiptNumber, '100000000001'))
    .limit(1);
  if (already) return { added: 0 };
  const now = options.now ?? new Date();
  const count = options.count ?? DEMO_PAYMENTS_COUNT;
  await db.insert(demoPayments).values(
    DEMO_RECEIPTS.map((f) => {
      const paidAt = new Date(now.getTime() - f.minutesAgo * 60_000);
      return {
        receiptNumber: f.receipt,
        terminalId: f.terminal,
        account: f.account,
        service: f.service,
        amountKopecks: f.rub * 100,
        currency: 'RUB',
        paidAt,
        creditedAt: f.status === 'done' ? new Date(paidAt.getTime() + 40_000) : null,
        status: f.status,
      };
    }),
  );
  // i·13 mod 129,600 visits every minute of 90 days once (13 is prime to 129,600): distinct times.
  // Mostly mobile top-ups and wallets (+79…), some providers' contract numbers (5…, ten digits); 1 in 97 cancelled,
  // the last three hours and 1 in 211 older ones still processing.
  await db.execute(sql`
    INSERT INTO demo_payments (receipt_number, terminal_id, account, service, amount_kopecks, currency, paid_at, credited_at, status)
    SELECT (100000001000 + i)::text,
           (10230000 + (i * 7) % 600)::text,
           CASE WHEN i % 10 < 8 THEN '+79' || lpad(((i::bigint * 7919) % 1000000000)::text, 9, '0')
                ELSE '5' || lpad(((i::bigint * 104729) % 1000000000)::text, 9, '0') END,
           CASE WHEN i % 10 >= 8 THEN (ARRAY['Ростелеком', 'Дом.ру'])[1 + i % 2]
                ELSE (ARRAY['МТС', 'Билайн', 'МегаФон', 'Tele2', 'Пополнение кошелька', 'Пополнение кошелька', 'МТС', 'Билайн'])[1 + i % 8] END,
           (ARRAY[10000, 20000, 30000, 50000, 100000, 150000, 200000, 300000, 500000, 1000000])[1 + (i / 10) % 10]
             + ((i * 31) % 5) * 5000,
           'RUB',
           paid,
           CASE WHEN status = 'done' THEN paid + make_interval(secs => 5 + (i * 37) % 1800) END,
           status
      FROM (SELECT i, paid,
                   CASE WHEN i % 97 = 0 THEN 'cancelled'
                        WHEN paid > ${now.toISOString()}::timestamptz - interval '3 hours' OR i % 211 = 0 THEN 'processing'
                        ELSE 'done' END AS status
              FROM (SELECT i, ${now.toISOString()}::timestamptz - make_interval(mins => 1 + (i * 13) % 129600) AS paid
                      FROM generate_series(1, ${count}::int) AS i) g) s`);
  return { added: DEMO_RECEIPTS.length + count };
}
