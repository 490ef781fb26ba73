// bench/intake's load: a closed loop, `concurrency` workers each with one request in flight, over
// HTTP or (the baseline) plain transactions through a pg Pool; the outbox backlog after a level.
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { CPU_PROF, DRAIN_LIMIT_MS, MAX_REQUESTS_PER_LEVEL, POOL_SIZE, SECONDS, SPREAD_IPS, WARMUP_SECONDS } from './config';
import { send } from './http';
import { cpuSnapshot, cpuUse, type App, type CpuUse } from './processes';
import type { Scenario } from './scenarios';

export type Measured = { n: number; seconds: number; latencies: Float64Array; statuses: Map<string, number>; cpu: CpuUse };

async function closedLoop(
  concurrency: number,
  seconds: number,
  appPid: number,
  once: (i: number) => Promise<string>,
): Promise<Measured> {
  const latencies = new Float64Array(MAX_REQUESTS_PER_LEVEL);
  const statuses = new Map<string, number>();
  let next = 0;
  const before = cpuSnapshot(appPid);
  const end = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end && next < MAX_REQUESTS_PER_LEVEL) {
      const i = next++;
      const t0 = performance.now();
      let status: string;
      try {
        status = await once(i);
      } catch (err) {
        status = err instanceof Error ? ((err as NodeJS.ErrnoException).code ?? err.message.slice(0, 40)) : 'error';
      }
      latencies[i] = performance.now() - t0;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const after = cpuSnapshot(appPid);
  return {
    n: next,
    seconds: (after.at - before.at) / 1000,
    latencies: latencies.subarray(0, next),
    statuses,
    cpu: cpuUse(before, after),
  };
}

export async function httpLevel(app: App, scenario: Scenario, concurrency: number, offset: { i: number }): Promise<Measured> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const once = async (i: number) => {
    const req = scenario.build(offset.i + i);
    if (SPREAD_IPS) req.headers['x-forwarded-for'] = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    const res = await send(agent, app.port, req);
    return String(res.status);
  };
  try {
    const warm = await closedLoop(concurrency, WARMUP_SECONDS, app.child.pid ?? 0, once);
    offset.i += warm.n;
    const from = process.hrtime.bigint() / 1000n;
    const measured = await closedLoop(concurrency, SECONDS, app.child.pid ?? 0, once);
    offset.i += measured.n;
    // Monotonic microseconds, the clock of V8's profiles: bench/cpuprofile.ts --window from-to.
    if (CPU_PROF) console.error(`${scenario.name} c=${concurrency}: profile window ${from}-${process.hrtime.bigint() / 1000n}`);
    return measured;
  } finally {
    agent.destroy();
  }
}

export async function baselineLevel(url: string, concurrency: number): Promise<Measured> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  pool.on('error', () => undefined);
  const payload = 'x'.repeat(200);
  const once = async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('INSERT INTO bench_intake_baseline (payload) VALUES ($1)', [payload]);
      await client.query('COMMIT');
      return '201';
    } finally {
      client.release();
    }
  };
  try {
    await closedLoop(concurrency, WARMUP_SECONDS, 0, once);
    return await closedLoop(concurrency, SECONDS, 0, once);
  } finally {
    await pool.end();
  }
}

/** Undelivered outbox events and pg-boss jobs due now (not the SLA timers set for later). */
export async function backlog(client: pg.Client): Promise<{ outbox: number; jobs: number }> {
  const { rows } = await client.query<{ outbox: number; jobs: number }>(
    `SELECT (SELECT count(*)::int FROM outbox_events WHERE delivered_at IS NULL) AS outbox,
            (SELECT count(*)::int FROM pgboss.job WHERE state IN ('created', 'retry', 'active') AND start_after <= now()) AS jobs`,
  );
  return rows[0] ?? { outbox: 0, jobs: 0 };
}

/** Waits (at most DRAIN_LIMIT_MS) until the outbox has delivered what the last level wrote; returns the seconds waited. */
export async function drainOutbox(client: pg.Client): Promise<{ seconds: number; left: number }> {
  const started = performance.now();
  let left = (await backlog(client)).outbox;
  while (performance.now() - started < DRAIN_LIMIT_MS && left > 0) {
    await sleep(100);
    left = (await backlog(client)).outbox;
  }
  return { seconds: (performance.now() - started) / 1000, left };
}
