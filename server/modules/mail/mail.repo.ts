import { and, desc, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/connection';
import { outgoingMail, tickets } from '../../db/schema';

// The SQL of the outgoing-mail log (the console's "Outgoing mail"). The rows are written by
// platform/mail/queue.ts (queueing) and the mail.send job; this module only re-queues a failed one.

export type MailRow = typeof outgoingMail.$inferSelect & { ticketNumber: string | null };

export type MailFilter = {
  status?: MailRow['status'];
  template?: string;
  /** A part of the address, matched case-insensitively (LIKE's wildcards taken literally). */
  to?: string;
  /** The request's number, already parsed. */
  ticketNumber?: string;
  from?: Date;
  until?: Date;
  /** Keyset: rows strictly before this (created_at, id). */
  after?: { createdAt: Date; id: string } | null;
};

const columns = { mail: outgoingMail, ticketNumber: tickets.number };

/** Up to `limit` messages, newest first, keyset-ordered on (created_at, id). */
export async function selectMailPage(db: Executor, f: MailFilter, limit: number): Promise<MailRow[]> {
  const where: SQL[] = [];
  if (f.status) where.push(eq(outgoingMail.status, f.status));
  if (f.template) where.push(eq(outgoingMail.template, f.template));
  if (f.to) where.push(ilike(outgoingMail.to, `%${f.to.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (f.ticketNumber) where.push(eq(tickets.number, f.ticketNumber));
  if (f.from) where.push(gte(outgoingMail.createdAt, f.from));
  if (f.until) where.push(lt(outgoingMail.createdAt, f.until));
  const after = f.after;
  if (after)
    where.push(
      or(
        lt(outgoingMail.createdAt, after.createdAt),
        and(eq(outgoingMail.createdAt, after.createdAt), lt(outgoingMail.id, after.id)),
      )!,
    );
  const rows = await db
    .select(columns)
    .from(outgoingMail)
    .leftJoin(tickets, eq(tickets.id, outgoingMail.ticketId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(outgoingMail.createdAt), desc(outgoingMail.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.mail, ticketNumber: r.ticketNumber }));
}

/** One message with its request's number, or null. */
export async function selectMail(db: Executor, id: string): Promise<MailRow | null> {
  const [r] = await db
    .select(columns)
    .from(outgoingMail)
    .leftJoin(tickets, eq(tickets.id, outgoingMail.ticketId))
    .where(eq(outgoingMail.id, id))
    .limit(1);
  return r ? { ...r.mail, ticketNumber: r.ticketNumber } : null;
}

/** The message locked for a change in this transaction, or null. */
export async function lockMail(tx: Executor, id: string) {
  const [m] = await tx.select().from(outgoingMail).where(eq(outgoingMail.id, id)).for('update').limit(1);
  return m ?? null;
}

/** Queued again with fresh attempts (the `mail.queued` event hands it to SMTP after commit). */
export async function requeueMail(tx: Executor, id: string): Promise<void> {
  await tx.update(outgoingMail).set({ status: 'queued', attempts: 0, lastError: null }).where(eq(outgoingMail.id, id));
}

/** Messages per status. */
export async function countMailByStatus(db: Executor): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: outgoingMail.status, n: sql<number>`count(*)::int` })
    .from(outgoingMail)
    .groupBy(outgoingMail.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
