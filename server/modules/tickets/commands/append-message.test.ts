import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, categories, outboxEvents, outgoingMail, ticketMessages, tickets } from '../../../db/schema';
import { withTransaction } from '../../../platform/outbox';
import { createTestContext, type TestContext } from '../../../test/app';
import { makeCustomer, makeStaff } from '../../../test/factories';
import { appendMessage, changeStatus, openRequest, type Author } from '.';

let t: TestContext;
let leaf: string;

beforeAll(async () => {
  t = await createTestContext({ seed: true });
  const [row] = await t.ctx.db.select({ id: categories.id }).from(categories).where(eq(categories.slug, 'feedback-suggestion'));
  leaf = row!.id;
});
afterAll(async () => t?.dispose());

async function request(statuses: Array<'open' | 'pending_customer' | 'resolved'> = []) {
  const c = await makeCustomer(t.ctx.db);
  const r = await openRequest(t.ctx, {
    channel: 'web',
    categoryId: leaf,
    requester: { kind: 'customer', customer: c },
    requesterName: c.name,
    subject: 'S',
    locale: 'ru',
    replyChannel: 'email',
    fields: { topic: 'wallet', description: 'D' },
    body: 'D',
    files: [],
    contact: c.email,
  });
  if (r.kind !== 'opened') throw new Error('not opened');
  for (const to of statuses) {
    const [row] = await t.ctx.db.select().from(tickets).where(eq(tickets.id, r.opened.id));
    await t.ctx.db.transaction((tx) => changeStatus(tx, row!, to, null, null));
  }
  return { customer: c, id: r.opened.id };
}

async function append(id: string, author: Author, visibility: 'public' | 'internal', more: { asks?: boolean } = {}) {
  return withTransaction(t.ctx, async (tx) => {
    const [ticket] = await tx.select().from(tickets).where(eq(tickets.id, id)).for('update');
    return appendMessage(tx, t.ctx, { ticket: ticket!, author, visibility, body: 'text', source: 'email', ...more });
  });
}

const row = async (id: string) => (await t.ctx.db.select().from(tickets).where(eq(tickets.id, id)))[0]!;
const eventTypes = async (id: string) =>
  (await t.ctx.db.select().from(outboxEvents).where(eq(outboxEvents.aggregateId, id))).map((e) => e.type).sort();

describe('appendMessage', () => {
  it("a customer's message on a solved request reopens it with a new resolution target", async () => {
    const r = await request(['open', 'resolved']);
    await append(r.id, { kind: 'customer', id: r.customer.id }, 'public');
    const after = await row(r.id);
    expect(after.status).toBe('reopened');
    expect(after.resolvedAt).toBeNull();
    expect(after.resolutionDueAt).toBeInstanceOf(Date);
    expect(await eventTypes(r.id)).toEqual(expect.arrayContaining(['ticket.status_changed', 'ticket.customer_replied']));
    const [history] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, r.id), eq(auditLog.action, 'ticket.customer_replied')));
    expect(history).toMatchObject({ actorKind: 'customer', actorId: r.customer.id });
  });

  it('a customer answering a question brings the request back to work and the SLA clock runs again', async () => {
    const r = await request(['open', 'pending_customer']);
    expect(await row(r.id)).toMatchObject({ status: 'pending_customer', resolutionDueAt: null });
    await append(r.id, { kind: 'guest' }, 'public');
    const after = await row(r.id);
    expect(after).toMatchObject({ status: 'open', slaPausedAt: null, slaRemainingMinutes: null });
    expect(after.resolutionDueAt).toBeInstanceOf(Date);
  });

  it('staff: an answer opens the request and mails the customer; a question pauses it; a solved one takes none', async () => {
    const staff = await makeStaff(t.ctx.db);
    const r = await request();
    await append(r.id, { kind: 'staff', id: staff.id }, 'public');
    expect(await row(r.id)).toMatchObject({ status: 'open' });
    expect((await row(r.id)).firstRespondedAt).toBeInstanceOf(Date);
    const mails = await t.ctx.db.select().from(outgoingMail).where(eq(outgoingMail.ticketId, r.id));
    expect(mails.map((m) => m.template)).toContain('ticket.new_answer');

    await append(r.id, { kind: 'staff', id: staff.id }, 'public', { asks: true });
    expect(await row(r.id)).toMatchObject({ status: 'pending_customer', resolutionDueAt: null });

    const closed = await request(['open', 'resolved']);
    await expect(append(closed.id, { kind: 'staff', id: staff.id }, 'public')).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('an internal note changes nothing the customer sees', async () => {
    const staff = await makeStaff(t.ctx.db);
    const r = await request(['open', 'resolved']);
    const before = await eventTypes(r.id);
    const { messageId } = await append(r.id, { kind: 'staff', id: staff.id }, 'internal');
    expect((await row(r.id)).status).toBe('resolved');
    expect(await eventTypes(r.id)).toEqual(before);
    const [m] = await t.ctx.db.select().from(ticketMessages).where(eq(ticketMessages.id, messageId));
    expect(m).toMatchObject({ internal: true, authorKind: 'staff', channel: 'email' });
  });
});
