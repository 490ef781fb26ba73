import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test/db';
import { hitLocalRateLimit, hitRateLimit, pruneRateCounters } from './ratelimit';

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
