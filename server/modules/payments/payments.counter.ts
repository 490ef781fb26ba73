import type { Executor } from '../../db/connection';
import { paymentChecks, type PaymentCheckOutcome, type PaymentCheckSource } from '../../db/schema';

/** One counted check: where it was made and what it answered (nothing of the receipt). */
export type CheckCount = { source: PaymentCheckSource; outcome: PaymentCheckOutcome; categoryId?: string | undefined };

/** Pending counts are written at most this long after the check… */
const FLUSH_AFTER_MS = 1_000;
/** …or as soon as this many are waiting. */
const FLUSH_AT = 200;

type Pending = { rows: Array<typeof paymentChecks.$inferInsert>; timer: NodeJS.Timeout | null; writing: Promise<void> };

/**
 * Counts payment checks in batches: a check costs an array push instead of an INSERT and its WAL
 * (bench:payment-check, docs/PERFORMANCE.md), and one multi-row INSERT writes what a second (or 200
 * checks) gathered. The counts are statistics, not something acknowledged to a customer: a crash
 * loses at most the last second's counts, and a clean shutdown writes them (the module's `start`).
 * Readers call `flushCounts` first, so a count is never missing from what they read.
 */
const pendingByDb = new WeakMap<Executor, Pending>();

function pendingOf(db: Executor): Pending {
  let pending = pendingByDb.get(db);
  if (!pending) {
    pending = { rows: [], timer: null, writing: Promise.resolve() };
    pendingByDb.set(db, pending);
  }
  return pending;
}

export function countCheck(db: Executor, count: CheckCount): void {
  const pending = pendingOf(db);
  pending.rows.push({
    source: count.source,
    outcome: count.outcome,
    categoryId: count.categoryId ?? null,
    createdAt: new Date(),
  });
  if (pending.rows.length >= FLUSH_AT) {
    void flushCounts(db).catch(() => undefined);
  } else if (!pending.timer) {
    pending.timer = setTimeout(() => void flushCounts(db).catch(() => undefined), FLUSH_AFTER_MS);
    pending.timer.unref();
  }
}

/**
 * Writes the waiting counts in one statement (after any write already under way). A failed write
 * puts its rows back, so the next flush retries them.
 */
export function flushCounts(db: Executor): Promise<void> {
  const pending = pendingOf(db);
  if (pending.timer) clearTimeout(pending.timer);
  pending.timer = null;
  pending.writing = pending.writing.then(async () => {
    const rows = pending.rows.splice(0);
    if (rows.length === 0) return;
    try {
      await db.insert(paymentChecks).values(rows);
    } catch (err) {
      pending.rows.unshift(...rows);
      throw err;
    }
  });
  // The chain goes on after a failure; the caller sees it.
  const writing = pending.writing;
  pending.writing = writing.catch(() => undefined);
  return writing;
}

/** Counts waiting to be written (tests, shutdown). */
export function pendingCounts(db: Executor): number {
  return pendingByDb.get(db)?.rows.length ?? 0;
}
