import { sql } from 'drizzle-orm';
import type { Executor } from '../db/connection';
import { AppError } from '../errors';

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

/** Throws RATE_LIMITED (with retryAfterSeconds) when the subject is over the limit. */
export async function enforceRateLimit(db: Executor, limit: RateLimit, subject: string): Promise<void> {
  const { allowed, retryAfterSeconds } = await hitRateLimit(db, limit, subject);
  if (!allowed) throw new AppError('RATE_LIMITED', { retryAfterSeconds, limit: limit.name });
}
