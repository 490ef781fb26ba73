import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection';
import { paymentChecks, tickets, type PaymentCheckOutcome, type PaymentCheckSource } from '../../db/schema';

/** Counts one check (where and what it answered; nothing of the receipt). Outside any transaction. */
export async function recordCheck(
  db: Executor,
  row: { source: PaymentCheckSource; outcome: PaymentCheckOutcome; categoryId?: string | undefined },
): Promise<void> {
  await db.insert(paymentChecks).values({ source: row.source, outcome: row.outcome, categoryId: row.categoryId ?? null });
}

/** Checks since `since` by outcome; deflections are the portal's and the wizard's done/processing answers. */
export async function checkCounts(db: Executor, since: Date) {
  const rows = await db
    .select({ outcome: paymentChecks.outcome, n: sql<number>`count(*)::int` })
    .from(paymentChecks)
    .where(gte(paymentChecks.createdAt, since))
    .groupBy(paymentChecks.outcome);
  const [deflected] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(paymentChecks)
    .where(
      and(
        gte(paymentChecks.createdAt, since),
        inArray(paymentChecks.outcome, ['done', 'processing']),
        inArray(paymentChecks.source, ['portal', 'agents', 'wizard']),
      ),
    );
  return { byOutcome: Object.fromEntries(rows.map((r) => [r.outcome, Number(r.n)])), deflections: Number(deflected?.n ?? 0) };
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
