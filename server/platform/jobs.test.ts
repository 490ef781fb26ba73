import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDb, type TestDb } from '../test/db';
import { createJobs, defineJob, JobPayloadError, type JobLogger, type Jobs } from './jobs';

type Deferred<T> = { promise: Promise<T>; resolve: (value: T) => void };
function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('waitFor: timed out');
    await sleep(100);
  }
}

const logged: Array<{ level: string; obj: object; msg?: string }> = [];
const logger: JobLogger = {
  info: (obj, msg) => logged.push({ level: 'info', obj, msg }),
  warn: (obj, msg) => logged.push({ level: 'warn', obj, msg }),
  error: (obj, msg) => logged.push({ level: 'error', obj, msg }),
};

const greeted: Array<{ payload: { ticketId: string; count: number }; attempt: number }> = [];
const greetedOnce = deferred<void>();
const greet = defineJob({
  name: 'test.greet',
  schema: z.object({ ticketId: z.uuid(), count: z.number().int().min(1) }),
  handler: async (payload, ctx) => {
    greeted.push({ payload, attempt: ctx.attempt });
    greetedOnce.resolve();
  },
});

const flakyRuns: Array<{ at: number; attempt: number }> = [];
const flaky = defineJob({
  name: 'test.flaky',
  schema: z.object({ n: z.number() }),
  retryLimit: 2,
  retryDelaySeconds: 1,
  retryBackoff: true,
  handler: async (_payload, ctx) => {
    flakyRuns.push({ at: Date.now(), attempt: ctx.attempt });
    throw new Error('upstream unavailable');
  },
});

const delayedRuns: number[] = [];
const delayed = defineJob({
  name: 'test.delayed',
  schema: z.object({ slaId: z.string() }),
  handler: async () => {
    delayedRuns.push(Date.now());
  },
});

let strictRuns = 0;
const strict = defineJob({
  name: 'test.strict',
  schema: z.object({ amount: z.number().positive() }),
  retryLimit: 3,
  handler: async () => {
    strictRuns += 1;
  },
});

let db: TestDb;
let jobs: Jobs;

async function stateOf(name: string, id: string) {
  return (await jobs.boss.getJobById(name, id))?.state;
}

beforeAll(async () => {
  db = await createTestDb();
  jobs = await createJobs(db, { logger, pollingIntervalSeconds: 0.5, stopTimeoutMs: 2_000 });
  await jobs.register(greet);
  await jobs.register(flaky);
  await jobs.register(delayed);
  await jobs.start();
  // Registering after start creates the queue and starts its worker at once.
  await jobs.register(strict);
});

afterAll(async () => {
  await jobs?.stop();
  await db?.dispose();
});

describe(`jobs on ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('runs a sent job with its validated payload and completes it', async () => {
    const payload = { ticketId: '6f1c1f4e-7a43-4f40-9d3e-0b1b2f4c9a11', count: 2 };
    const id = await jobs.send(greet, payload);
    expect(id).toEqual(expect.any(String));
    await greetedOnce.promise;
    expect(greeted).toEqual([{ payload, attempt: 1 }]);
    await waitFor(async () => ((await stateOf(greet.name, id!)) === 'completed' ? true : undefined));
  });

  it('retries a failing job with growing backoff, then fails it', async () => {
    const id = await jobs.send(flaky, { n: 1 });
    expect(id).toBeTruthy();
    const job = await waitFor(async () => {
      const found = await jobs.boss.getJobById(flaky.name, id!);
      return found?.state === 'failed' ? found : undefined;
    });
    expect(flakyRuns.map((r) => r.attempt)).toEqual([1, 2, 3]);
    expect(job).toMatchObject({ retryLimit: 2, retryCount: 2, retryDelay: 1, retryBackoff: true });
    expect(job.output).toMatchObject({ message: 'upstream unavailable' });
    // The database holds each retry back: 1..2 s before the first, 2..4 s before the second.
    // Only lower bounds (minus clock slack) are asserted; upper ones depend on the machine.
    const [first, second, third] = flakyRuns.map((r) => r.at);
    expect(second! - first!).toBeGreaterThanOrEqual(950);
    expect(third! - second!).toBeGreaterThanOrEqual(1_950);
    expect(logged.some((l) => l.level === 'warn' && l.msg === 'job failed')).toBe(true);
  });

  it('holds a delayed job until its time', async () => {
    const sentAt = Date.now();
    const id = await jobs.send(delayed, { slaId: 'sla-1' }, { startAfter: 2 });
    await sleep(1_000);
    expect(delayedRuns).toEqual([]);
    expect(await stateOf(delayed.name, id!)).toBe('created');
    await waitFor(async () => (delayedRuns.length > 0 ? true : undefined));
    expect(delayedRuns[0]! - sentAt).toBeGreaterThanOrEqual(1_900);
    await waitFor(async () => ((await stateOf(delayed.name, id!)) === 'completed' ? true : undefined));
  });

  it('refuses an invalid payload at send and creates no job', async () => {
    await expect(jobs.send(strict, { amount: -5 })).rejects.toThrow(JobPayloadError);
    await expect(jobs.send(strict, { amount: 'ten' } as unknown as { amount: number })).rejects.toThrow(/amount invalid_type/);
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1', [strict.name]);
    expect(rows[0]?.n).toBe(0);
  });

  it('fails an invalid payload found at work time without retrying it', async () => {
    // Bypasses send() validation, as a job written by an older version of the schema would.
    const id = await jobs.boss.send(strict.name, { amount: 'ten' }, { retryLimit: 3 });
    const job = await waitFor(async () => {
      const found = await jobs.boss.getJobById(strict.name, id!);
      return found?.state === 'failed' ? found : undefined;
    });
    expect(job.retryCount).toBe(0);
    expect(strictRuns).toBe(0);
    expect(logged.some((l) => l.level === 'error' && l.msg?.startsWith('job payload invalid'))).toBe(true);
  });

  it('refuses a definition registered twice', async () => {
    await expect(jobs.register(greet)).rejects.toThrow(/registered twice/);
  });

  it('ran without pg-boss errors (polls, maintenance, scripts)', () => {
    expect(logged.filter((l) => l.msg === 'pg-boss error')).toEqual([]);
  });
});
