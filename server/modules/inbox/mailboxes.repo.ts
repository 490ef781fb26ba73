import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection';
import { categories, departments, incomingMail, mailboxes, tickets } from '../../db/schema';

/** The SQL of the mailbox screens and of a request's mail origin. */

export type MailboxRow = typeof mailboxes.$inferSelect;
export type MailboxColumns = Omit<typeof mailboxes.$inferInsert, 'id' | 'createdAt'>;

export const listMailboxes = (db: Executor) => db.select().from(mailboxes).orderBy(asc(mailboxes.address));

/** Per mailbox: letters stored but not processed yet, and those that failed processing. */
export async function letterCounts(db: Executor): Promise<Map<string, { waiting: number; failed: number }>> {
  const rows = await db
    .select({
      mailboxId: incomingMail.mailboxId,
      waiting: sql<number>`count(*) FILTER (WHERE ${incomingMail.state} = 'received')::int`,
      failed: sql<number>`count(*) FILTER (WHERE ${incomingMail.state} = 'failed')::int`,
    })
    .from(incomingMail)
    .where(sql`${incomingMail.state} IN ('received', 'failed')`)
    .groupBy(incomingMail.mailboxId);
  return new Map(rows.map((r) => [r.mailboxId, { waiting: Number(r.waiting), failed: Number(r.failed) }]));
}

export async function departmentExists(db: Executor, id: string): Promise<boolean> {
  const [d] = await db.select({ id: departments.id }).from(departments).where(eq(departments.id, id));
  return Boolean(d);
}

export async function categoryIsLeaf(db: Executor, id: string): Promise<boolean> {
  const [c] = await db.select({ isLeaf: categories.isLeaf }).from(categories).where(eq(categories.id, id));
  return Boolean(c?.isLeaf);
}

/** Another mailbox with this address (any case), other than `except`. */
export async function addressTaken(db: Executor, address: string, except?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: mailboxes.id })
    .from(mailboxes)
    .where(
      except
        ? sql`lower(${mailboxes.address}) = ${address} AND ${mailboxes.id} <> ${except}`
        : sql`lower(${mailboxes.address}) = ${address}`,
    );
  return Boolean(row);
}

export async function insertMailbox(db: Executor, values: MailboxColumns): Promise<MailboxRow | undefined> {
  const [row] = await db.insert(mailboxes).values(values).returning();
  return row;
}

export async function lockMailbox(db: Executor, id: string): Promise<MailboxRow | undefined> {
  const [row] = await db.select().from(mailboxes).where(eq(mailboxes.id, id)).for('update');
  return row;
}

export async function updateMailbox(db: Executor, id: string, values: Partial<MailboxColumns>): Promise<MailboxRow | undefined> {
  const [row] = await db.update(mailboxes).set(values).where(eq(mailboxes.id, id)).returning();
  return row;
}

export async function ticketByNumber(db: Executor, number: string) {
  const [row] = await db.select().from(tickets).where(eq(tickets.number, number)).limit(1);
  return row;
}

/** The letters of a request, newest first, with their mailbox and routing. */
export const lettersOfTicket = (db: Executor, ticketId: string) =>
  db
    .select({
      address: mailboxes.address,
      threadedBy: incomingMail.threadedBy,
      confidence: incomingMail.routeConfidence,
      categoryId: incomingMail.routedCategoryId,
      otherSender: incomingMail.otherSender,
    })
    .from(incomingMail)
    .innerJoin(mailboxes, eq(mailboxes.id, incomingMail.mailboxId))
    .where(eq(incomingMail.ticketId, ticketId))
    .orderBy(desc(incomingMail.receivedAt));
