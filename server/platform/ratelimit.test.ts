import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test/db';
import {
  BATCHED_FLUSH_MS,
  flushBatchedRateLimits,
  hitBatchedRateLimit,
  hitLocalRateLimit,
  hitRateLimit,
  pruneRateCounters,
} from './ratelimit';

describe('in-process rate limit (the single-process engine)', () => {
  it('counts hits per subject in a fixed window, refuses over the limit and starts afresh after it', () => {
    const scope = {};
    const limit = { name: 't', limit: 2, windowSeconds: 60 };
    const t0 = 1_000_000;
    expect(hitLocalRateLimit(scope, limit, 'a', t0).allowed).toBe(true);
    expect(hitLocalRateLimit(scope, limit, 'a', t0 + 1).allowed).toBe(true);
    const third = hitLocalRateLimit(scope, limit, 'a', t0 + 10_000);
    expect(third).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect(hitLocalRateLimit(scope, limit, 'b', t0 + 10_000).allowed).toBe(true);
    expect(hitLocalRateLimit({}, limit, 'a', t0 + 10_000).allowed).toBe(true);
    expect(hitLocalRateLimit(scope, limit, 'a', t0 + 60_000).allowed).toBe(true);
  });
});

describe('counters in the database (every node counts in the same row)', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => db?.dispose());

  it('prunes counters whose window ended a day ago, and only those', async () => {
    const limit = { name: 'prune', limit: 5, windowSeconds: 3600 };
    await hitRateLimit(db.db, limit, 'old');
    await hitRateLimit(db.db, limit, 'fresh');
    await db.db.execute(sql`UPDATE rate_counters SET window_start = now() - interval '25 hours' WHERE key = 'prune:old'`);
    expect(await pruneRateCounters(db.db)).toBe(1);
    const { rows } = await db.query<{ key: string }>(`SELECT key FROM rate_counters WHERE key LIKE 'prune:%'`);
    expect(rows.map((r) => r.key)).toEqual(['prune:fresh']);
    // The fresh one keeps counting where it was.
    expect((await hitRateLimit(db.db, { ...limit, limit: 1 }, 'fresh')).allowed).toBe(false);
  });
});

describe('batched counters (per node in memory, written every BATCHED_FLUSH_MS)', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => db?.dispose());
  const stored = async (key: string) =>
    (await db.query<{ count: number }>(`SELECT count FROM rate_counters WHERE key = $1`, [key])).rows[0]?.count;

  it('is exact on one node without a statement per hit, and writes the hits afterwards', async () => {
    const node = {};
    const limit = { name: 'b1', limit: 3, windowSeconds: 900 };
    const answers = [1, 2, 3, 4].map(() => hitBatchedRateLimit(node, db.db, limit, '10.0.0.1').allowed);
    expect(answers).toEqual([true, true, true, false]);
    expect(await stored('b1:10.0.0.1')).toBeUndefined();
    await flushBatchedRateLimits(node, db.db);
    expect(await stored('b1:10.0.0.1')).toBe(4);
    expect(hitBatchedRateLimit(node, db.db, limit, '10.0.0.2').allowed).toBe(true);
  });

  it('learns the other nodes\u2019 hits at its next write: over the limit by at most what they admitted meanwhile', async () => {
    const [a, b] = [{}, {}];
    const limit = { name: 'b2', limit: 3, windowSeconds: 900 };
    expect([1, 2].map(() => hitBatchedRateLimit(a, db.db, limit, 'ip').allowed)).toEqual([true, true]);
    await flushBatchedRateLimits(a, db.db);
    // b has not written yet: it admits on what it knows (its own one hit)…
    expect(hitBatchedRateLimit(b, db.db, limit, 'ip').allowed).toBe(true);
    await flushBatchedRateLimits(b, db.db);
    // …and after its write it knows all three.
    expect(hitBatchedRateLimit(b, db.db, limit, 'ip')).toMatchObject({ allowed: false });
    // a has not heard of b's hit yet: one more (the bound: what another node admitted meanwhile)…
    expect(hitBatchedRateLimit(a, db.db, limit, 'ip').allowed).toBe(true);
    await flushBatchedRateLimits(a, db.db);
    await flushBatchedRateLimits(b, db.db);
    // …and none once it has.
    expect(hitBatchedRateLimit(a, db.db, limit, 'ip')).toMatchObject({ allowed: false });
    await flushBatchedRateLimits(a, db.db);
    expect(await stored('b2:ip')).toBe(6);
  });

  it('writes on its own shortly after a hit', async () => {
    hitBatchedRateLimit({}, db.db, { name: 'b3', limit: 5, windowSeconds: 60 }, 'ip');
    await new Promise((r) => setTimeout(r, BATCHED_FLUSH_MS + 200));
    expect(await stored('b3:ip')).toBe(1);
  });
});
