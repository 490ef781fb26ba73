import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDb, type TestDb } from '../test/db';
import { createJobs, defineJob, type Jobs } from './jobs';

let db: TestDb;
const opened: Jobs[] = [];
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  for (const j of opened) await j.stop();
  await db?.dispose();
});

const runs: Array<{ n: number; attempt: number }> = [];
let ran: () => void = () => undefined;
const work = defineJob({
  name: 'test.recover',
  schema: z.object({ n: z.number() }),
  retryLimit: 3,
  retryDelaySeconds: 0,
  handler: async (payload, ctx) => {
    runs.push({ n: payload.n, attempt: ctx.attempt });
    ran();
  },
});

async function open(options: { worker: boolean; recoverActive?: boolean }) {
  const jobs = await createJobs(db, { pollingIntervalSeconds: 0.5, stopTimeoutMs: 1_000, ...options });
  opened.push(jobs);
  await jobs.register(work);
  await jobs.start();
  return jobs;
}

describe('jobs left active by a process that is gone (embedded database)', () => {
  it('are failed for retry at start and run again at once, not after their 15-minute expiry', async () => {
    const sender = await open({ worker: false });
    const id = await sender.send(work, { n: 7 });
    // The process that fetched it was killed while working it: the row stays active.
    await db.query(`UPDATE pgboss.job SET state = 'active', started_on = now() WHERE id = $1`, [id]);

    const done = new Promise<void>((resolve) => (ran = resolve));
    await open({ worker: true, recoverActive: true });
    await done;
    expect(runs).toEqual([{ n: 7, attempt: 2 }]);
    const job = await sender.boss.getJobById(work.name, id!);
    expect(job?.output).toMatchObject({ message: 'the process working it ended' });
  });
});
