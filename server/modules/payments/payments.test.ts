import { Writable } from 'node:stream';
import { desc, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories, demoPayments, demoWallets, paymentChecks, tickets } from '../../db/schema';
import { seedDemoPayments } from '../../seed/payments';
import { createTestApp, type Session, type TestApp } from '../../test/app';
import { explainPlan } from '../../test/explain';
import { makeCustomer } from '../../test/factories';
import { makeMember } from '../../test/staff';
import { terminalPaymentStatement } from '../customers/paycore.demo';
import { paidWindow } from './payments.match';
import { checkStats } from './payments.service';
import { fieldProblems } from '../../test/issues';

const logLines: string[] = [];
let t: TestApp;
let operator: Session;
let customer: Session;
const SEEDED = new Date();
/** The day and time as the receipt prints them (Moscow). */
const msk = (d: Date) => new Date(d.getTime() + 3 * 3_600_000).toISOString();
const TODAY = msk(SEEDED).slice(0, 10);
const YESTERDAY = msk(new Date(SEEDED.getTime() - 24 * 3_600_000)).slice(0, 10);
const h = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });

// Each check from its own address unless a test is about the per-address limit.
let address = 0;
const nextAddress = () => `10.18.${Math.floor(++address / 250)}.${address % 250}`;

const done = {
  receiptNumber: '100000000001',
  paidAt: TODAY,
  amount: { amount: '500.00', currency: 'RUB' },
  account: '+7 916 123-45-67',
};
const processing = { ...done, receiptNumber: '100000000002', amount: { amount: '1500', currency: 'RUB' } };

async function check(payload: Record<string, unknown>, remoteAddress = nextAddress()) {
  return t.app.inject({ method: 'POST', url: '/api/v1/payments/check', payload, remoteAddress });
}

beforeAll(async () => {
  const sink = new Writable({ write: (chunk, _e, cb) => (logLines.push(String(chunk)), cb()) });
  t = await createTestApp({ seed: true, env: { PAYCORE_TIMEOUT_MS: '200' }, logger: pino({ level: 'trace' }, sink) });
  // A small generated table here; the bench and the plan test below measure the full 100,000.
  await seedDemoPayments(t.ctx.db, { now: SEEDED, count: 3000 });
  const op = await makeMember(t.ctx.db, ['operator'], [['first_line', 1]]);
  operator = await t.signIn('staff', op.email, op.password);
  const c = await makeCustomer(t.ctx.db, { phone: '+79001234567', name: 'Иван Клиентов' });
  customer = await t.signIn('customer', c.email ?? '', c.password);
  await t.ctx.db.insert(demoWallets).values({
    customerId: c.id,
    walletNumber: '+79001234567',
    passportSealed: t.ctx.cipher.encrypt('4510 123456'),
    ownerName: 'Иван Клиентов',
  });
});
afterAll(async () => t?.dispose());

describe('payment check', () => {
  it('answers «Выполнен» for the done example, with the account masked', async () => {
    const res = await check(done);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      status: 'done',
      statusText: 'Выполнен',
      accountMasked: '+7916*****67',
      amount: { amount: '500.00', currency: 'RUB' },
      paidAt: SEEDED.toISOString(),
    });
    expect(new Date(body.creditedAt).getTime()).toBeGreaterThan(SEEDED.getTime());
    expect(res.body).not.toContain('1234567');
  });

  it('answers «В обработке» with what to expect, by the receipt or by the terminal and the time', async () => {
    const byReceipt = await check(processing);
    expect(byReceipt.json()).toMatchObject({
      status: 'processing',
      statusText: 'В обработке',
      expectedWithinHours: 24,
      overdue: false,
    });
    expect(byReceipt.json().creditedAt).toBeUndefined();
    const { receiptNumber: _, ...rest } = processing;
    const byTerminal = await check({ ...rest, terminalId: '1023 4567', paidAt: msk(SEEDED).slice(0, 16) });
    expect(byTerminal.json()).toMatchObject({ status: 'processing', accountMasked: '+7916*****67' });
  });

  it('answers cancelled, and in the reader’s language', async () => {
    const cancelled = {
      ...done,
      receiptNumber: '100000000003',
      amount: { amount: '300', currency: 'RUB' },
      account: '89031112233',
    };
    expect((await check(cancelled)).json()).toMatchObject({ status: 'cancelled', statusText: 'Отменён' });
    const uk = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/check',
      payload: processing,
      cookies: { pd_locale: 'uk' },
      remoteAddress: nextAddress(),
    });
    expect(uk.json().statusText).toBe('В обробці');
  });

  it('gives the same bare not_found whichever attribute does not match', async () => {
    const { receiptNumber: _, ...byTerminal } = { ...processing, terminalId: '10234567' };
    const wrong: Record<string, Record<string, unknown>> = {
      receipt: { ...done, receiptNumber: '100000000009' },
      date: { ...done, paidAt: YESTERDAY },
      time: { ...processing, paidAt: msk(new Date(SEEDED.getTime() - 3_600_000)).slice(0, 16) },
      amount: { ...done, amount: { amount: '500.01', currency: 'RUB' } },
      currency: { ...done, amount: { amount: '500.00', currency: 'USD' } },
      account: { ...done, account: '+79161234568' },
      'receipt of another payment': { ...done, receiptNumber: '100000000002' },
      terminal: { ...byTerminal, terminalId: '10234568' },
      'receipt right, terminal wrong': { ...done, terminalId: '10234568' },
    };
    const bodies = new Set<string>();
    for (const [what, payload] of Object.entries(wrong)) {
      const res = await check(payload);
      expect(res.statusCode, what).toBe(200);
      expect(res.json(), what).toEqual({ status: 'not_found', statusText: 'Платёж не найден' });
      bodies.add(res.body);
    }
    expect(bodies.size).toBe(1);
  });

  it('needs the receipt number or the terminal, and checks the values', async () => {
    const { receiptNumber: _, ...neither } = done;
    const res = await check(neither);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(fieldProblems((await check({ ...done, paidAt: '2026-02-30' })).json()).paidAt?.code).toBe('invalid_date');
    expect((await check({ ...done, amount: { amount: '0', currency: 'RUB' } })).statusCode).toBe(400);
  });

  it('limits checks per address against enumeration, and says when to come back', async () => {
    const from = '10.99.0.1';
    const answers: number[] = [];
    for (let i = 0; i < 21; i += 1)
      answers.push((await check({ ...done, receiptNumber: `1000000${i}`.padEnd(12, '7') }, from)).statusCode);
    expect(answers.slice(0, 20).every((s) => s === 200)).toBe(true);
    const refused = await check(done, from);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await check(done)).statusCode).toBe(200);
  });

  it('answers 503 with the clear message when the payment core does not answer in time (no 500)', async () => {
    const real = t.ctx.paycore.findTerminalPayment;
    try {
      t.ctx.paycore.findTerminalPayment = () => new Promise(() => {});
      const started = Date.now();
      const res = await check(done);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('PAYMENT_CHECK_UNAVAILABLE');
      // The customer reads the catalogue's text for the code (web/i18n: «Сервис проверки временно недоступен…»).
      t.ctx.paycore.findTerminalPayment = () => Promise.reject(new Error(`core down for ${done.account}`));
      const failed = await check(done);
      expect(failed.statusCode).toBe(503);
      expect(failed.json().error.code).toBe('PAYMENT_CHECK_UNAVAILABLE');
    } finally {
      t.ctx.paycore.findTerminalPayment = real;
    }
  });

  it('counts every check and the deflections, without the receipt’s data', async () => {
    const [leaf] = await t.ctx.db
      .select({ id: categories.id })
      .from(categories)
      .where(eq(categories.slug, 'terminal-payment-with-receipt'));
    const before = await checkStats(t.ctx, 1);
    await check({ ...processing, source: 'wizard', categoryId: leaf!.id });
    const after = await checkStats(t.ctx, 1);
    expect(after.deflections).toBe(before.deflections + 1);
    const [row] = await t.ctx.db.select().from(paymentChecks).where(eq(paymentChecks.categoryId, leaf!.id));
    expect(row).toMatchObject({ source: 'wizard', outcome: 'processing' });
    expect(Object.keys(row!).sort()).toEqual(['categoryId', 'createdAt', 'id', 'outcome', 'source']);
  });

  it('writes no receipt, account or amount to the logs', () => {
    const logs = logLines.join('');
    expect(logs).not.toMatch(/100000000001|9161234567|916 123/);
  });
});

describe('recent wallet operations', () => {
  it('shows a signed-in customer the latest operations of their wallets, newest first', async () => {
    const res = await t.app.inject({ url: '/api/v1/payments/recent', headers: h(customer) });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ receiptNumber: string; status: string; statusText: string }>;
    expect(items.map((i) => i.receiptNumber)).toEqual(['100000000011', '100000000012', '100000000013', '100000000014']);
    expect(items[0]).toMatchObject({ status: 'processing', statusText: 'В обработке', terminalId: '10234568' });
    expect((await t.app.inject({ url: '/api/v1/payments/recent' })).statusCode).toBe(401);
  });
});

describe('my wallets', () => {
  it('gives a signed-in customer their own wallet numbers, and nobody else any', async () => {
    const res = await t.app.inject({ url: '/api/v1/payments/wallets', headers: h(customer) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [{ walletNumber: '+79001234567', blocked: false }] });
    expect((await t.app.inject({ url: '/api/v1/payments/wallets' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/payments/wallets', headers: h(operator) })).statusCode).toBe(403);
  });

  it('lists several wallets oldest first, whatever their numbers, with the blocked one marked', async () => {
    const c = await makeCustomer(t.ctx.db, { phone: '+79007654321', name: 'Пётр Приоритетов' });
    const session = await t.signIn('customer', c.email ?? '', c.password);
    const wallet = (walletNumber: string, createdAt: Date, blocked = false) => ({
      customerId: c.id,
      walletNumber,
      passportSealed: t.ctx.cipher.encrypt('4512 654321'),
      ownerName: 'Пётр Приоритетов',
      blocked,
      createdAt,
    });
    // Inserted newest first: the answer must not follow the table's order.
    await t.ctx.db.insert(demoWallets).values(wallet('+79261112233', new Date('2025-03-01T00:00:00Z'), true));
    await t.ctx.db.insert(demoWallets).values(wallet('+79907654321', new Date('2024-01-01T00:00:00Z')));
    const res = await t.app.inject({ url: '/api/v1/payments/wallets', headers: h(session) });
    expect(res.json()).toEqual({
      items: [
        { walletNumber: '+79907654321', blocked: false },
        { walletNumber: '+79261112233', blocked: true },
      ],
    });
  });
});

describe('console', () => {
  it('lets an operator check a receipt without identification', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/console/payments/check',
      headers: h(operator),
      payload: done,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'done', accountMasked: '+7916*****67' });
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/console/payments/check', headers: h(customer), payload: done }))
        .statusCode,
    ).toBe(403);
  });

  it('shows the customer’s wallet operations only once the customer is identified on the request', async () => {
    const [leaf] = await t.ctx.db.select({ id: categories.id }).from(categories).where(eq(categories.slug, 'wallet-other'));
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: h(customer),
      payload: { categoryId: leaf!.id, fields: { description: 'Где мой платёж через терминал, вчера вносил?' } },
    });
    expect(filed.statusCode).toBe(201);
    const number = filed.json().number as string;
    const url = `/api/v1/console/payments/tickets/${number}/operations`;
    const closed = await t.app.inject({ url, headers: h(operator) });
    expect(closed.statusCode).toBe(403);
    expect(closed.body).not.toContain('100000000011');
    await t.ctx.db.update(tickets).set({ identification: 'identified' }).where(eq(tickets.number, number));
    const open = await t.app.inject({ url, headers: h(operator) });
    expect(open.statusCode).toBe(200);
    expect(open.json().items[0]).toMatchObject({ receiptNumber: '100000000011', status: 'processing' });
  });
});

describe('plan', () => {
  // Any of the table's indexes serves the lookup (the planner picks the most selective one for the
  // data); what must never happen is reading the table through.
  it('finds a payment through an index, by the receipt or by the terminal and time', async () => {
    const w = paidWindow(TODAY)!;
    const match = { paidFrom: w.from, paidTo: w.to, account: '+79161234567', amountKopecks: 50000, currency: 'RUB' };
    for (const by of [{ receiptNumber: '100000000001' }, { terminalId: '10234567' }]) {
      const q = terminalPaymentStatement({ ...match, ...by });
      const plan = await explainPlan(t.ctx.handle, `EXPLAIN ${q.text}`, q.params);
      expect(plan, JSON.stringify(by)).toMatch(
        /Index (Only )?Scan.* using demo_payments_(receipt_uq|terminal_paid_idx|account_paid_idx)/,
      );
      expect(plan, JSON.stringify(by)).not.toContain('Seq Scan');
    }
    const recent = t.ctx.db
      .select()
      .from(demoPayments)
      .where(eq(demoPayments.account, '+79001234567'))
      .orderBy(desc(demoPayments.paidAt))
      .limit(10)
      .toSQL();
    expect(await explainPlan(t.ctx.handle, `EXPLAIN ${recent.sql}`, recent.params)).toContain('demo_payments_account_paid_idx');
  });
});

describe('the counts screen', () => {
  const stats = (session: Session, days = '7') =>
    t.app.inject({ url: `/api/v1/console/payments/stats?days=${days}`, headers: h(session) });

  it('shows supervisors the checks per source and answer and the requests they spared', async () => {
    const sv = await makeMember(t.ctx.db, ['supervisor'], []);
    const supervisor = await t.signIn('staff', sv.email, sv.password);
    const before = (await stats(supervisor)).json();
    await check({ ...done, source: 'portal' });
    await check({ ...processing, source: 'wizard' });
    await check({ ...done, amount: { amount: '501.00', currency: 'RUB' }, source: 'portal' });
    const res = await stats(supervisor);
    expect(res.statusCode).toBe(200);
    const after = res.json();
    const of = (body: typeof after, source: string) => body.bySource.find((s: { source: string }) => s.source === source);
    expect(after.total).toBe(before.total + 3);
    expect(after.deflections).toBe(before.deflections + 2);
    expect(of(after, 'portal').outcomes.done).toBe(of(before, 'portal').outcomes.done + 1);
    expect(of(after, 'portal').outcomes.not_found).toBe(of(before, 'portal').outcomes.not_found + 1);
    expect(of(after, 'wizard').outcomes.processing).toBe(of(before, 'wizard').outcomes.processing + 1);
    expect(after.bySource.map((s: { source: string }) => s.source)).toEqual(['portal', 'agents', 'wizard', 'console']);
  });

  it('is closed to operators and refuses a period it does not offer', async () => {
    expect((await stats(operator)).statusCode).toBe(403);
    const sv = await makeMember(t.ctx.db, ['supervisor'], []);
    const supervisor = await t.signIn('staff', sv.email, sv.password);
    const wrong = await stats(supervisor, '365');
    expect(wrong.statusCode).toBe(400);
    expect(JSON.stringify(wrong.json())).toContain('days');
  });
});
