import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIORITIES } from '../../common/tickets';
import { auditLog, customers, demoWallets, ticketMessages, tickets } from '../db/schema';
import { createTestDb, type TestDb } from '../test/db';
import { seedDemo } from './demo';
import { seedDemoContent, seedReference } from './reference';
import { seedWorkday } from './workday';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
  await seedReference(db.db);
  await seedDemo(db.db);
  await seedDemoContent(db.db);
  await seedWorkday(db.db, 'a'.repeat(64));
});
afterAll(async () => db?.dispose());

async function demoRequests() {
  const rows = await db.db
    .select({ ticket: tickets, customer: customers })
    .from(tickets)
    .leftJoin(customers, eq(customers.id, tickets.customerId));
  const out = [];
  for (const r of rows) {
    const messages = await db.db
      .select()
      .from(ticketMessages)
      .where(eq(ticketMessages.ticketId, r.ticket.id))
      .orderBy(asc(ticketMessages.createdAt));
    const history = await db.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, r.ticket.id))
      .orderBy(asc(auditLog.at), asc(auditLog.id));
    out.push({ ...r, messages, history });
  }
  return out;
}

describe('the demo working day', () => {
  it('seeds requests', async () => {
    expect((await demoRequests()).length).toBeGreaterThanOrEqual(14);
  });

  it('every request has a reachable customer (with a name and wallet) or a guest address', async () => {
    const wallets = await db.db.select().from(demoWallets);
    for (const r of await demoRequests()) {
      const where = r.ticket.number;
      if (r.ticket.guestEmail) {
        expect(r.ticket.guestEmail, where).toMatch(/@/);
        continue;
      }
      expect(r.customer, where).not.toBeNull();
      expect(r.customer?.email ?? r.customer?.phone, where).toBeTruthy();
      expect(r.customer?.name, where).toBeTruthy();
      expect(r.ticket.requesterName, where).toBe(r.customer?.name);
      expect(
        wallets.some((w) => w.customerId === r.customer?.id),
        `${where}: the customer has a wallet`,
      ).toBe(true);
    }
  });

  it('the blocked customer’s wallet is blocked with a reason; the cards customer’s is flagged', async () => {
    const wallets = await db.db
      .select({ w: demoWallets, c: customers })
      .from(demoWallets)
      .innerJoin(customers, eq(customers.id, demoWallets.customerId));
    const blocked = wallets.find((x) => x.c.email === 'blocked@paydesk.local')?.w;
    expect(blocked?.blocked).toBe(true);
    expect(blocked?.blockReason).toBeTruthy();
    const cards = wallets.find((x) => x.c.email === 'cards@paydesk.local')?.w;
    expect(cards?.cardWithdrawalsBypassing || cards?.transfersFromComplainedAccount).toBe(true);
  });

  it('history and thread are what each state implies', async () => {
    for (const r of await demoRequests()) {
      const { status, number } = r.ticket;
      const actions = r.history.map((h) => h.action);
      const moves = r.history.filter((h) => h.action === 'ticket.status_changed').map((h) => h.data.to);
      const staffSaid = r.messages.filter((m) => m.authorKind === 'staff').length;
      expect(actions[0], number).toBe('ticket.filed');
      expect(r.messages[0]?.authorKind, number).not.toBe('staff');
      if (r.ticket.firstRespondedAt || ['open', 'pending_customer', 'resolved', 'archived', 'reopened'].includes(status)) {
        expect(staffSaid, `${number} (${status}) has a staff answer`).toBeGreaterThan(0);
        expect(
          actions.some((a) => a === 'ticket.answered' || a === 'ticket.question_asked'),
          number,
        ).toBe(true);
      }
      if (['resolved', 'archived', 'reopened'].includes(status)) expect(actions, number).toContain('ticket.resolved');
      if (status !== 'new') expect(moves.at(-1), `${number}: the last move leads to ${status}`).toBe(status);
      if (status === 'reopened') {
        expect(r.messages.at(-1)?.authorKind, `${number}: the customer's reopening message is last`).toBe('customer');
      }
      if (r.ticket.identification === 'identified') expect(actions, number).toContain('customer.identification');
      if (r.ticket.assigneeId) expect(actions, number).toContain('ticket.taken');
    }
  });

  it('a Priority customer’s requests are never below normal', async () => {
    const theirs = (await demoRequests()).filter((r) => r.customer?.priority);
    expect(theirs.length).toBeGreaterThan(0);
    for (const r of theirs)
      expect(PRIORITIES.indexOf(r.ticket.priority), r.ticket.number).toBeGreaterThanOrEqual(PRIORITIES.indexOf('normal'));
  });
});
