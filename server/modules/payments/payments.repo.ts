import { eq, gte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection';
import { paymentChecks, tickets, type PaymentCheckOutcome, type PaymentCheckSource } from '../../db/schema';

/** A check that answered a customer (not an operator) with done or processing: no request was needed. */
export const isDeflection = (source: PaymentCheckSource, outcome: PaymentCheckOutcome) =>
  source !== 'console' && (outcome === 'done' || outcome === 'processing');

/**
 * Checks since `since`, per source and outcome (one grouped scan of the `created_at` index), with
 * the totals and the deflections derived from them. Counts still waiting in memory are not in the
 * table yet: callers write them first (`flushCounts`).
 */
export async function checkCounts(db: Executor, since: Date) {
  const rows = await db
    .select({ source: paymentChecks.source, outcome: paymentChecks.outcome, n: sql<number>`count(*)::int` })
    .from(paymentChecks)
    .where(gte(paymentChecks.createdAt, since))
    .groupBy(paymentChecks.source, paymentChecks.outcome);
  const byOutcome: Partial<Record<PaymentCheckOutcome, number>> = {};
  const bySource: Partial<Record<PaymentCheckSource, Partial<Record<PaymentCheckOutcome, number>>>> = {};
  let deflections = 0;
  let total = 0;
  for (const r of rows) {
    const n = Number(r.n);
    total += n;
    byOutcome[r.outcome] = (byOutcome[r.outcome] ?? 0) + n;
    (bySource[r.source] ??= {})[r.outcome] = n;
    if (isDeflection(r.source, r.outcome)) deflections += n;
  }
  return { total, byOutcome, bySource, deflections };
}

/**
 * What the operations panel needs of a request (read only; the tickets module owns the table):
 * who may see it, whether its customer is identified, whose wallets to ask for.
 */
export async function ticketForOperations(db: Executor, number: string) {
  const [row] = await db
    .select({
      id: tickets.id,
      status: tickets.status,
      departmentId: tickets.departmentId,
      assigneeId: tickets.assigneeId,
      identification: tickets.identification,
      customerId: tickets.customerId,
      fields: tickets.fields,
    })
    .from(tickets)
    .where(eq(tickets.number, number))
    .limit(1);
  return row ?? null;
}
