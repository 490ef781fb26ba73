// Payment check benchmark (issue 18): POST /api/v1/payments/check over HTTP at concurrency 8 against
// the demo payment core's 100,000 generated terminal payments, on PGlite and on PostgreSQL; prints
// p50/p95/p99, requests per second, CPU per request, the seed's time and the plans of the lookups.
//
// Data: a fresh DATA_DIR (PGlite) or a fresh database on BENCH_DATABASE_URL's server, migrated by
// the app's own runtime and filled by seedDemoPayments (one INSERT … SELECT generate_series), then
// the app starts as a child (`node --import tsx server/main.ts`, PAYDESK_ROLES=web) on 127.0.0.1.
// The mix is what customers send: 2/5 found by the receipt, 1/5 by the terminal and the time,
// 1/5 a wrong amount, 1/5 an unknown receipt (both `not_found`). The per-IP limit stays in the path
// (in memory on PGlite; on PostgreSQL counted per node and written every 250 ms), raised so the load is
// not refused; the counts of the checks (written in batches, payments.counter.ts) stay in it too.
//
// The floor (bench/payment-floor.ts), in the same run on the same data: the same Fastify serving one
// route that parses the check's JSON, computes the lookup's parameters with the app's own rules and
// runs the same statement on the same engine — no hooks, zod, limiter, counting or presenter. Nothing
// built on this stack checks faster on this machine; the app's figures are read against it.
//
// Run: npm run bench:payment-check (under the heavy lock). Knobs: BENCH_ENGINES (pglite,postgres),
// BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres), BENCH_REQUESTS (2000),
// BENCH_CONCURRENCY (8), BENCH_WARMUP (2000, to each), BENCH_PORT (3352; the floor uses the next port), BENCH_FLOOR (1; 0 skips it),
// BENCH_APP_NODE_ARGS (extra node flags for the app and the floor, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof":
// the measured load's profile window is printed for `bench/cpuprofile.ts --window`).
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../server/config';
import { terminalPaymentStatement } from '../server/modules/customers/paycore.demo';
import { paidWindow } from '../server/modules/payments/payments.match';
import { createRuntime } from '../server/runtime';
import { DEMO_PAYMENTS_COUNT, seedDemoPayments } from '../server/seed/payments';
import { cpuSnapshot, cpuUse } from './cpu';
import { cpuPerRequest, ENGINES, onEngine, pct, root, waitReady } from './harness';
import { RawConnection } from './rawhttp';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const PORT = Number(process.env.BENCH_PORT ?? 3352);
const FLOOR = process.env.BENCH_FLOOR !== '0';
/**
 * Checks sent before the measured ones, to the floor and to the app alike (JIT, plan caches). With
 * 500 (before 2026-12-07 17:35) the measured 2,000 were a fresh process's requests 500–2,500, while
 * V8 was still compiling the HTTP path: CPU per check ~0.95 ms on PGlite against ~0.5 warm, the
 * floor likewise (docs/PERFORMANCE.md). BENCH_WARMUP=500 gives that protocol back.
 */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2000);
const PROFILING = (process.env.BENCH_APP_NODE_ARGS ?? '').includes('--cpu-prof');

type Row = { receipt_number: string; terminal_id: string; account: string; amount_kopecks: string; paid_at: string | Date };
type Check = { body: Record<string, unknown>; expect: 'found' | 'not_found' };

/** The receipt's (Moscow) date and time of a payment. */
const moscow = (d: Date) => new Date(d.getTime() + 3 * 3_600_000).toISOString();
const rub = (kopecks: number) => `${Math.floor(kopecks / 100)}.${String(kopecks % 100).padStart(2, '0')}`;

function checksFrom(rows: Row[], n: number): Check[] {
  const out: Check[] = [];
  for (let i = 0; i < n; i += 1) {
    const r = rows[i % rows.length]!;
    const paid = new Date(r.paid_at);
    const kopecks = Number(r.amount_kopecks);
    const base = { amount: { amount: rub(kopecks), currency: 'RUB' }, account: r.account };
    switch (i % 5) {
      case 0:
      case 1:
        out.push({ body: { ...base, receiptNumber: r.receipt_number, paidAt: moscow(paid).slice(0, 10) }, expect: 'found' });
        break;
      case 2:
        out.push({ body: { ...base, terminalId: r.terminal_id, paidAt: moscow(paid).slice(0, 16) }, expect: 'found' });
        break;
      case 3:
        out.push({
          body: {
            ...base,
            amount: { amount: rub(kopecks + 100), currency: 'RUB' },
            receiptNumber: r.receipt_number,
            paidAt: moscow(paid).slice(0, 10),
          },
          expect: 'not_found',
        });
        break;
      default:
        out.push({
          body: { ...base, receiptNumber: `9${r.receipt_number.slice(1)}`, paidAt: moscow(paid).slice(0, 10) },
          expect: 'not_found',
        });
    }
  }
  return out;
}

/** Migrates, seeds the 100,000 payments (timed), reads a sample of them and prints the plans. */
async function prepare(env: Record<string, string>) {
  const config = loadConfig({ env: { ...env, SEED_DEMO: 'false', LOG_LEVEL: 'warn' } });
  const runtime = await createRuntime(config, { background: false, logger: pino({ level: 'warn' }) });
  try {
    const started = performance.now();
    await seedDemoPayments(runtime.ctx.db);
    const seedMs = performance.now() - started;
    const { rows } = await runtime.ctx.handle.query<Row>(
      `SELECT receipt_number, terminal_id, account, amount_kopecks::text, paid_at FROM demo_payments
        WHERE receipt_number::bigint % 97 = 13 ORDER BY receipt_number LIMIT 1000`,
      [],
    );
    const sample = rows[0]!;
    const w = paidWindow(moscow(new Date(sample.paid_at)).slice(0, 10))!;
    const match = {
      paidFrom: w.from,
      paidTo: w.to,
      account: sample.account,
      amountKopecks: Number(sample.amount_kopecks),
      currency: 'RUB',
    };
    const plans: string[] = [];
    for (const by of [{ receiptNumber: sample.receipt_number }, { terminalId: sample.terminal_id }]) {
      const q = terminalPaymentStatement({ ...match, ...by });
      const plan = await runtime.ctx.handle.query<Record<string, string>>(`EXPLAIN ${q.text}`, q.params);
      plans.push(`  by ${Object.keys(by)[0]}:\n${plan.rows.map((x) => `    ${Object.values(x)[0]}`).join('\n')}`);
    }
    return { seedMs, rows, plans };
  } finally {
    await runtime.close();
  }
}

async function load(checks: Check[], cpu?: { appPid: number; database: string }, port = PORT, target = '/api/v1/payments/check') {
  const latencies: number[] = [];
  const connections = Array.from({ length: CONCURRENCY }, () => new RawConnection(port));
  const before = cpu ? cpuSnapshot(cpu.appPid, cpu.database) : null;
  let next = 0;
  let errors = 0;
  let wrong = 0;
  const started = performance.now();
  await Promise.all(
    connections.map(async (c) => {
      for (;;) {
        const i = next++;
        if (i >= checks.length) return;
        const check = checks[i]!;
        const t0 = performance.now();
        const res = await c.request('POST', target, { body: check.body });
        latencies.push(performance.now() - t0);
        if (res.status !== 200) errors += 1;
        else if ((JSON.parse(res.text).status === 'not_found') !== (check.expect === 'not_found')) wrong += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const use = before && cpu ? cpuUse(before, cpuSnapshot(cpu.appPid, cpu.database)) : null;
  for (const c of connections) c.close();
  return {
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
    rps: checks.length / seconds,
    errors,
    wrong,
    use,
  };
}

/** bench/payment-floor.ts on the engine's data, on PORT + 1 (with BENCH_APP_NODE_ARGS, as the app). */
function startFloor(env: Record<string, string>) {
  const nodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? '').split(' ').filter(Boolean);
  return spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(root, 'bench/payment-floor.ts')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(PORT + 1),
      ...(env.DATABASE_URL
        ? { FLOOR_DATABASE_URL: env.DATABASE_URL }
        : { FLOOR_DATA_DIR: path.join(env.DATA_DIR ?? '', 'pgdata') }),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function runEngine(engine: string) {
  await onEngine(engine, 'pay', async (e) => {
    const { seedMs, rows, plans } = await prepare(e.env);
    console.log(
      `${engine}: seeded ${DEMO_PAYMENTS_COUNT} payments in ${(seedMs / 1000).toFixed(1)} s; plans:\n${plans.join('\n')}`,
    );
    const f = (x: number) => x.toFixed(1);
    const checks = checksFrom(rows, REQUESTS);
    if (FLOOR) {
      // Before the app: on PGlite the floor opens the app's directory, which one process at a time may.
      const floor = startFloor(e.env);
      await waitReady(PORT + 1);
      await load(checksFrom(rows.slice().reverse(), WARMUP), undefined, PORT + 1, '/floor');
      const r = await load(checks, { appPid: floor.pid ?? 0, database: e.database }, PORT + 1, '/floor');
      console.log(
        `${engine}: floor c=${CONCURRENCY} n=${checks.length} p50 ${f(r.p50)} ms, p95 ${f(r.p95)} ms, p99 ${f(r.p99)} ms, ${f(r.rps)} req/s, errors ${r.errors}, wrong answers ${r.wrong}${cpuPerRequest(r.use, checks.length).replace('app', 'floor')}`,
      );
      const exited = new Promise((resolve) => floor.once('exit', resolve));
      floor.kill('SIGTERM');
      await exited;
    }
    const child = e.startApp(PORT, { PAYMENT_CHECKS_PER_IP: '1000000' });
    await waitReady(PORT);
    await load(checksFrom(rows.slice().reverse(), WARMUP)); // warm-up (JIT, plan caches)
    const from = process.hrtime.bigint() / 1000n;
    const r = await load(checks, { appPid: child.pid ?? 0, database: e.database });
    // Monotonic microseconds, the clock of V8's profiles: bench/cpuprofile.ts --window from-to.
    if (PROFILING) console.log(`${engine}: profile window ${from}-${process.hrtime.bigint() / 1000n}`);
    console.log(
      `${engine}: check c=${CONCURRENCY} n=${checks.length} p50 ${f(r.p50)} ms, p95 ${f(r.p95)} ms, p99 ${f(r.p99)} ms, ${f(r.rps)} req/s, errors ${r.errors}, wrong answers ${r.wrong}${cpuPerRequest(r.use, checks.length)}`,
    );
  });
}

console.log(
  `payment-check bench ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}, node ${process.version}`,
);
for (const engine of ENGINES) await runEngine(engine);
