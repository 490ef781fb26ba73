import type { SqlRunner } from '../../db/connection';
import type { PaymentCheckOutcome, PaymentCheckSource } from '../../db/schema';

/** One counted check: where it was made and what it answered (nothing of the receipt). */
export type CheckCount = { source: PaymentCheckSource; outcome: PaymentCheckOutcome; categoryId?: string | undefined };

/** Pending counts are written at most this long after the check… */
const FLUSH_AFTER_MS = 1_000;
/** …or as soon as this many are waiting. */
const FLUSH_AT = 200;

type PendingRow = { source: PaymentCheckSource; outcome: PaymentCheckOutcome; categoryId: string | null; createdAt: string };
type Pending = { rows: PendingRow[]; timer: NodeJS.Timeout | null; writing: Promise<void> };

/**
 * The batch's one statement: four arrays unnested into rows, prepared once per connection. A
 * multi-row INSERT built by drizzle took ~7–15 ms of PGlite's one thread for 200 rows (query
 * building, then a parse and plan of 800 parameters on every flush) and stalled every check in
 * flight; this one takes ~2–3 ms (bench:payment-check, docs/PERFORMANCE.md).
 */
const INSERT_COUNTS = {
  name: 'payments_insert_check_counts',
  text: `INSERT INTO payment_checks (source, outcome, category_id, created_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::timestamptz[])`,
};

/**
 * Counts payment checks in batches: a check costs an array push instead of an INSERT and its WAL
 * (bench:payment-check, docs/PERFORMANCE.md), and one INSERT writes what a second (or 200
 * checks) gathered. The counts are statistics, not something acknowledged to a customer: a crash
 * loses at most the last second's counts, and a clean shutdown writes them (the module's `start`).
 * Readers call `flushCounts` first, so a count is never missing from what they read.
 */
const pendingByDb = new WeakMap<SqlRunner, Pending>();

function pendingOf(db: SqlRunner): Pending {
  let pending = pendingByDb.get(db);
  if (!pending) {
    pending = { rows: [], timer: null, writing: Promise.resolve() };
    pendingByDb.set(db, pending);
  }
  return pending;
}

export function countCheck(db: SqlRunner, count: CheckCount): void {
  const pending = pendingOf(db);
  pending.rows.push({
    source: count.source,
    outcome: count.outcome,
    categoryId: count.categoryId ?? null,
    createdAt: new Date().toISOString(),
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
export function flushCounts(db: SqlRunner): Promise<void> {
  const pending = pendingOf(db);
  if (pending.timer) clearTimeout(pending.timer);
  pending.timer = null;
  pending.writing = pending.writing.then(async () => {
    const rows = pending.rows.splice(0);
    if (rows.length === 0) return;
    try {
      await db.query(
        INSERT_COUNTS.text,
        [rows.map((r) => r.source), rows.map((r) => r.outcome), rows.map((r) => r.categoryId), rows.map((r) => r.createdAt)],
        { name: INSERT_COUNTS.name },
      );
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
export function pendingCounts(db: SqlRunner): number {
  return pendingByDb.get(db)?.rows.length ?? 0;
}
