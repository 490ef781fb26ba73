import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../db/connection';
import { AppError } from '../errors';
import { defineJob } from './jobs';

export type RateLimit = { name: string; limit: number; windowSeconds: number };

/**
 * Counts one hit of `subject` against a fixed-window limit shared by all nodes (one upsert).
 * Returns whether it is allowed and, if not, when the window ends.
 */
export async function hitRateLimit(
  db: Executor,
  limit: RateLimit,
  subject: string,
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const key = `${limit.name}:${subject}`;
  const result = await db.execute<{ count: number; window_start: string | Date }>(sql`
    INSERT INTO rate_counters (key, window_start, count) VALUES (${key}, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_counters.window_start <= now() - make_interval(secs => ${limit.windowSeconds}) THEN 1 ELSE rate_counters.count + 1 END,
      window_start = CASE WHEN rate_counters.window_start <= now() - make_interval(secs => ${limit.windowSeconds}) THEN now() ELSE rate_counters.window_start END
    RETURNING count, window_start`);
  const row = (result as unknown as { rows: Array<{ count: number; window_start: string | Date }> }).rows[0];
  const count = Number(row?.count ?? 1);
  const windowEnd = new Date(row?.window_start ?? Date.now()).getTime() + limit.windowSeconds * 1000;
  return { allowed: count <= limit.limit, retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - Date.now()) / 1000)) };
}

/**
 * Whether `subject` is already over the limit, without counting a hit: for limits that count
 * only failures (sign-in), checked before the attempt and hit after a failed one.
 */
export async function peekRateLimit(
  db: Executor,
  limit: RateLimit,
  subject: string,
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const key = `${limit.name}:${subject}`;
  const result = await db.execute<{ count: number; window_start: string | Date }>(sql`
    SELECT count, window_start FROM rate_counters
    WHERE key = ${key} AND window_start > now() - make_interval(secs => ${limit.windowSeconds})`);
  const row = (result as unknown as { rows: Array<{ count: number; window_start: string | Date }> }).rows[0];
  if (!row) return { allowed: true, retryAfterSeconds: 0 };
  const windowEnd = new Date(row.window_start).getTime() + limit.windowSeconds * 1000;
  return {
    allowed: Number(row.count) < limit.limit,
    retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - Date.now()) / 1000)),
  };
}

/** Throws RATE_LIMITED (with retryAfterSeconds) when the subject is over the limit. */
export async function enforceRateLimit(db: Executor, limit: RateLimit, subject: string): Promise<void> {
  const { allowed, retryAfterSeconds } = await hitRateLimit(db, limit, subject);
  if (!allowed) throw new AppError('RATE_LIMITED', { retryAfterSeconds, limit: limit.name });
}

type Window = { start: number; count: number };
const localWindows = new WeakMap<object, Map<string, Window>>();

/**
 * The same fixed-window count kept in this process's memory: exact when this process is the only
 * node (PGlite: the embedded database is opened by one process, see lockfile.ts), and no statement
 * per hit. Counts start afresh when the process restarts.
 */
export function hitLocalRateLimit(
  scope: object,
  limit: RateLimit,
  subject: string,
  now = Date.now(),
): { allowed: boolean; retryAfterSeconds: number } {
  let windows = localWindows.get(scope);
  if (!windows) localWindows.set(scope, (windows = new Map()));
  const key = `${limit.name}:${subject}`;
  const span = limit.windowSeconds * 1000;
  let w = windows.get(key);
  if (!w || w.start <= now - span) {
    if (!w && windows.size >= 100_000) for (const [k, old] of windows) if (old.start <= now - span) windows.delete(k);
    windows.set(key, (w = { start: now, count: 0 }));
  }
  w.count += 1;
  return { allowed: w.count <= limit.limit, retryAfterSeconds: Math.max(1, Math.ceil((w.start + span - now) / 1000)) };
}

/** enforceRateLimit, counted in memory on the single-process engine (PGlite) and in rate_counters on PostgreSQL. */
export async function enforceNodeRateLimit(
  ctx: { db: Executor; handle: { engine: string } },
  limit: RateLimit,
  subject: string,
): Promise<void> {
  if (ctx.handle.engine !== 'pglite') return enforceRateLimit(ctx.db, limit, subject);
  const { allowed, retryAfterSeconds } = hitLocalRateLimit(ctx.db, limit, subject);
  if (!allowed) throw new AppError('RATE_LIMITED', { retryAfterSeconds, limit: limit.name });
}

/** How long a node keeps the hits of a batched limit before writing them and learning the other nodes'. */
export const BATCHED_FLUSH_MS = 250;

type Batched = { windowStart: number; windowSeconds: number; known: number; writing: number; pending: number };
type BatchedState = { entries: Map<string, Batched>; timer: NodeJS.Timeout | null; flushing: Promise<void> };
const batchedStates = new WeakMap<object, BatchedState>();

function batchedState(scope: object): BatchedState {
  let state = batchedStates.get(scope);
  if (!state) batchedStates.set(scope, (state = { entries: new Map(), timer: null, flushing: Promise.resolve() }));
  return state;
}

/**
 * The fixed-window limit shared by all nodes through `rate_counters`, without a statement per hit:
 * this node counts its hits in memory and decides on what it knows — the shared count as of its
 * last write plus its own hits since — and writes its hits (one upsert of every waiting subject,
 * learning the shared counts back) at most BATCHED_FLUSH_MS later. On one node the limit is exact;
 * across nodes a subject gets at most `limit` plus what the other nodes admitted it in their last
 * BATCHED_FLUSH_MS before this node heard of it (never more than `limit` per node). For limits
 * against enumeration and flooding, not for ones that guard a single attempt (sign-in).
 */
export function hitBatchedRateLimit(
  scope: object,
  db: Executor,
  limit: RateLimit,
  subject: string,
  now = Date.now(),
): { allowed: boolean; retryAfterSeconds: number } {
  const state = batchedState(scope);
  const key = `${limit.name}:${subject}`;
  const span = limit.windowSeconds * 1000;
  let e = state.entries.get(key);
  if (!e || e.windowStart <= now - span) {
    if (!e && state.entries.size >= 100_000)
      for (const [k, old] of state.entries) if (old.windowStart <= now - span && old.pending === 0) state.entries.delete(k);
    state.entries.set(key, (e = { windowStart: now, windowSeconds: limit.windowSeconds, known: 0, writing: 0, pending: 0 }));
  }
  e.pending += 1;
  if (!state.timer) {
    state.timer = setTimeout(() => void flushBatchedRateLimits(scope, db).catch(() => undefined), BATCHED_FLUSH_MS);
    state.timer.unref();
  }
  const count = e.known + e.writing + e.pending;
  return { allowed: count <= limit.limit, retryAfterSeconds: Math.max(1, Math.ceil((e.windowStart + span - now) / 1000)) };
}

/**
 * Writes this node's waiting hits (one upsert per window length, subjects in key order so two nodes
 * never lock each other) and takes the shared counts and window starts back. Hits of a failed
 * write wait for the next one.
 */
export function flushBatchedRateLimits(scope: object, db: Executor): Promise<void> {
  const state = batchedState(scope);
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  const run = state.flushing.then(async () => {
    const byWindow = new Map<number, Array<[string, Batched]>>();
    for (const [key, e] of state.entries) {
      if (e.pending === 0) continue;
      e.writing = e.pending;
      e.pending = 0;
      const list = byWindow.get(e.windowSeconds) ?? [];
      list.push([key, e]);
      byWindow.set(e.windowSeconds, list);
    }
    for (const [windowSeconds, list] of byWindow) {
      const hits = JSON.stringify(list.map(([k, e]) => ({ k, c: e.writing })));
      try {
        const result = await db.execute<{ key: string; count: number; window_start: string | Date }>(sql`
          INSERT INTO rate_counters (key, window_start, count)
            SELECT k, now(), c FROM jsonb_to_recordset(${hits}::jsonb) AS h(k text, c int) ORDER BY k
          ON CONFLICT (key) DO UPDATE SET
            count = CASE WHEN rate_counters.window_start <= now() - make_interval(secs => ${windowSeconds}) THEN excluded.count ELSE rate_counters.count + excluded.count END,
            window_start = CASE WHEN rate_counters.window_start <= now() - make_interval(secs => ${windowSeconds}) THEN now() ELSE rate_counters.window_start END
          RETURNING key, count, window_start`);
        const rows = (result as unknown as { rows: Array<{ key: string; count: number; window_start: string | Date }> }).rows;
        const shared = new Map(rows.map((r) => [r.key, r]));
        for (const [k, e] of list) {
          const row = shared.get(k);
          if (row) {
            e.known = Number(row.count);
            e.windowStart = new Date(row.window_start).getTime();
          }
          e.writing = 0;
        }
      } catch (err) {
        for (const [, e] of list) {
          e.pending += e.writing;
          e.writing = 0;
        }
        throw err;
      }
    }
  });
  state.flushing = run.catch(() => undefined);
  return run;
}

/** A batched limit (hitBatchedRateLimit) on PostgreSQL; in memory on the single-process engine (PGlite). */
export async function enforceBatchedRateLimit(
  ctx: { db: Executor; handle: { engine: string } },
  limit: RateLimit,
  subject: string,
): Promise<void> {
  const { allowed, retryAfterSeconds } =
    ctx.handle.engine === 'pglite'
      ? hitLocalRateLimit(ctx.db, limit, subject)
      : hitBatchedRateLimit(ctx.db, ctx.db, limit, subject);
  if (!allowed) throw new AppError('RATE_LIMITED', { retryAfterSeconds, limit: limit.name });
}

/** Longest window of any limit; counters idle for longer are dead weight. */
const LONGEST_WINDOW_SECONDS = 24 * 3600;

/**
 * Deletes counters whose window ended long ago (one row per address and limit would otherwise pile
 * up forever); an address seen again starts a fresh window, as it would anyway. Run hourly by a job.
 */
export async function pruneRateCounters(db: Executor, olderThanSeconds = LONGEST_WINDOW_SECONDS): Promise<number> {
  const result = await db.execute(
    sql`DELETE FROM rate_counters WHERE window_start < now() - make_interval(secs => ${olderThanSeconds})`,
  );
  const done = result as unknown as { rowCount?: number | null; affectedRows?: number };
  return done.rowCount ?? done.affectedRows ?? 0;
}

/** The hourly prune as a job (safe to run twice). */
export function rateCountersPruneJob(db: Executor) {
  return defineJob({
    name: 'ratelimit.prune',
    schema: z.object({}).passthrough(),
    policy: 'singleton',
    async handler() {
      await pruneRateCounters(db);
    },
  });
}
