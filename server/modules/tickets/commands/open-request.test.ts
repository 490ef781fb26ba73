import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  categories,
  departments,
  outboxEvents,
  outgoingMail,
  ticketAccessTokens,
  ticketMessages,
  tickets,
} from '../../../db/schema';
import { createTestContext, type TestContext } from '../../../test/app';
import { makeCustomer } from '../../../test/factories';
import { openRequest, type OpenRequestInput } from '.';

let t: TestContext;
let leaf: string;

beforeAll(async () => {
  t = await createTestContext({ seed: true });
  const [row] = await t.ctx.db.select({ id: categories.id }).from(categories).where(eq(categories.slug, 'feedback-suggestion'));
  leaf = row!.id;
});
afterAll(async () => t?.dispose());

const base = (over: Partial<OpenRequestInput>): OpenRequestInput => ({
  channel: 'phone',
  categoryId: leaf,
  requester: { kind: 'guest', email: 'caller@example.test', confirmed: true },
  requesterName: 'Caller',
  subject: 'Call about a wallet',
  locale: 'ru',
  replyChannel: 'email',
  fields: { topic: 'wallet', description: 'Told on the phone' },
  body: 'Told on the phone',
  files: [],
  contact: 'caller@example.test',
  ...over,
});

async function opened(input: OpenRequestInput, tx?: Parameters<typeof openRequest>[2]) {
  const result = await openRequest(t.ctx, input, tx);
  if (result.kind !== 'opened') throw new Error('not opened');
  return result.opened;
}

describe('openRequest', () => {
  it('opens a customer request from any channel: row, message, history, events and acknowledgement in one go', async () => {
    const c = await makeCustomer(t.ctx.db);
    const o = await opened(
      base({
        channel: 'phone',
        requester: { kind: 'customer', customer: c },
        contact: c.email,
        links: { callId: 'call-1' },
        origin: { requestId: 'req-open-1' },
      }),
    );
    const [row] = await t.ctx.db.select().from(tickets).where(eq(tickets.id, o.id));
    expect(row).toMatchObject({ status: 'new', channel: 'phone', customerId: c.id, guestEmail: null, number: o.number });
    expect(row!.resolutionDueAt).toBeInstanceOf(Date);
    const messages = await t.ctx.db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, o.id));
    expect(messages).toEqual([
      expect.objectContaining({ id: o.messageId, authorKind: 'customer', authorId: c.id, channel: 'phone' }),
    ]);
    const [filed] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, o.id), eq(auditLog.action, 'ticket.filed')));
    expect(filed).toMatchObject({ actorKind: 'customer', actorId: c.id, requestId: 'req-open-1' });
    expect(filed!.data).toMatchObject({ number: o.number, channel: 'phone', callId: 'call-1', status: 'new' });
    const events = await t.ctx.db.select().from(outboxEvents).where(eq(outboxEvents.aggregateId, o.id));
    expect(events.map((e) => e.type)).toEqual(['ticket.created', 'ticket.sla_scheduled']);
    const mails = await t.ctx.db.select().from(outgoingMail).where(eq(outgoingMail.ticketId, o.id));
    expect(mails.map((m) => [m.template, m.to])).toEqual([['ticket.acknowledgement', c.email]]);
  });

  it('a guest whose channel proves the address enters the queue at once, with a tracking link', async () => {
    const o = await opened(base({ channel: 'chat' }));
    expect(o.trackingToken).toBeTruthy();
    const [row] = await t.ctx.db.select().from(tickets).where(eq(tickets.id, o.id));
    expect(row).toMatchObject({ status: 'new', channel: 'chat', guestEmail: 'caller@example.test' });
    expect(row!.confirmedAt).toBeInstanceOf(Date);
    expect(await t.ctx.db.select().from(ticketAccessTokens).where(eq(ticketAccessTokens.ticketId, o.id))).toHaveLength(1);
    const mails = await t.ctx.db.select().from(outgoingMail).where(eq(outgoingMail.ticketId, o.id));
    expect(mails.map((m) => m.template).sort()).toEqual(['ticket.acknowledgement', 'ticket.tracking_link']);
  });

  it('a web guest waits for the confirmation link: no queue event, no SLA clock yet', async () => {
    const o = await opened(base({ channel: 'web', requester: { kind: 'guest', email: 'web@example.test', confirmed: false } }));
    expect(o.status).toBe('unconfirmed');
    const [row] = await t.ctx.db.select().from(tickets).where(eq(tickets.id, o.id));
    expect(row).toMatchObject({ status: 'unconfirmed', resolutionDueAt: null, confirmedAt: null });
    const events = await t.ctx.db.select().from(outboxEvents).where(eq(outboxEvents.aggregateId, o.id));
    expect(events).toHaveLength(0);
    const mails = await t.ctx.db.select().from(outgoingMail).where(eq(outgoingMail.ticketId, o.id));
    expect(mails.map((m) => m.template)).toEqual(['ticket.guest_confirmation']);
  });

  it("takes a department by code, and inside a caller's transaction rolls back with it", async () => {
    const [dep] = await t.ctx.db.select().from(departments).where(eq(departments.code, 'security'));
    const o = await opened(base({ channel: 'api', departmentCode: 'security' }));
    expect((await t.ctx.db.select().from(tickets).where(eq(tickets.id, o.id)))[0]?.departmentId).toBe(dep?.id);

    let id = '';
    await expect(
      t.ctx.db.transaction(async (tx) => {
        id = (await opened(base({ channel: 'social' }), tx)).id;
        expect(await tx.select().from(tickets).where(eq(tickets.id, id))).toHaveLength(1);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await t.ctx.db.select().from(tickets).where(eq(tickets.id, id))).toHaveLength(0);
  });

  it('refuses past a limit and replays an idempotency key without writing twice', async () => {
    const limits = [{ name: 'test.open', subject: 'x', limit: 1, windowSeconds: 3600 }];
    const answer = () => ({ status: 201, response: { ok: true } });
    const first = await openRequest(t.ctx, base({ limits, idempotency: { key: 'k-1', hash: 'h', answer } }));
    expect(first.kind).toBe('opened');
    const again = await openRequest(t.ctx, base({ limits, idempotency: { key: 'k-1', hash: 'h', answer } }));
    expect(again).toEqual({ kind: 'replayed', status: 201, response: { ok: true } });
    await expect(openRequest(t.ctx, base({ limits }))).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('opens an appeal of a solved request, linked to it in the history; refuses one of another person or still open', async () => {
    const c = await makeCustomer(t.ctx.db);
    const customer = { kind: 'customer' as const, customer: c };
    const decided = await opened(base({ channel: 'web', requester: customer, contact: c.email }));
    const appeal = (over: Partial<OpenRequestInput> = {}) =>
      base({ channel: 'appeal', requester: customer, contact: c.email, links: { appealOf: decided.number }, ...over });

    // Still in work: nothing to appeal yet.
    await expect(openRequest(t.ctx, appeal())).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'not_appealable' } });

    await t.ctx.db.update(tickets).set({ status: 'resolved', resolvedAt: new Date() }).where(eq(tickets.id, decided.id));
    const o = await opened(appeal());
    const [row] = await t.ctx.db.select().from(tickets).where(eq(tickets.id, o.id));
    expect(row).toMatchObject({ channel: 'appeal', status: 'new', customerId: c.id });
    const [filed] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, o.id), eq(auditLog.action, 'ticket.filed')));
    expect(filed!.data).toMatchObject({ channel: 'appeal', appealOf: decided.number, appealOfId: decided.id });

    // Someone else's request, or no request at all, does not exist for the appeal.
    const other = await makeCustomer(t.ctx.db);
    await expect(
      openRequest(t.ctx, appeal({ requester: { kind: 'customer', customer: other }, contact: other.email })),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(openRequest(t.ctx, appeal({ links: { appealOf: 'PD-1' } }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(openRequest(t.ctx, appeal({ links: {} }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
