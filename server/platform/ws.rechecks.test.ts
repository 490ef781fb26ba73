import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories, tickets } from '../db/schema';
import { createTestApp, type Session, type TestApp } from '../test/app';
import { makeCustomer } from '../test/factories';
import { departmentId, makeMember } from '../test/staff';
import { connectSocket } from '../test/ws-client';
import { emit, withTransaction } from './outbox';

/**
 * Realtime rooms after the first join: a customer's socket gets only what a customer may see, a
 * socket loses a request's room when the request moves where its person may not look, and a
 * socket ends with its session.
 */
let t: TestApp;
let base: string;
let customer: Session;
let operator: Session & { id: string };
let supervisor: Session & { id: string };
const h = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  base = `ws://127.0.0.1:${address.port}/ws`;
  const op = await makeMember(t.ctx.db, ['operator'], [['first_line', 1]], 'Ольга Первая');
  const sup = await makeMember(t.ctx.db, ['supervisor'], [], 'Марина Супер');
  operator = { ...(await t.signIn('staff', op.email, op.password)), id: op.id };
  supervisor = { ...(await t.signIn('staff', sup.email, sup.password)), id: sup.id };
  const c = await makeCustomer(t.ctx.db);
  customer = await t.signIn('customer', c.email ?? '', c.password);
}, 60_000);
afterAll(async () => t?.dispose());

const connect = (session: Session) => connectSocket(base, session);

async function fileRequest(): Promise<{ number: string; id: string }> {
  const [leaf] = await t.ctx.db.select({ id: categories.id }).from(categories).where(eq(categories.slug, 'wallet-other'));
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/tickets',
    headers: h(customer),
    payload: { categoryId: leaf!.id, fields: { description: 'Не начислился кешбэк за октябрь.' } },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  const number = res.json().number as string;
  await t.ctx.db
    .update(tickets)
    .set({ departmentId: await departmentId(t.ctx.db, 'first_line') })
    .where(eq(tickets.number, number));
  const [row] = await t.ctx.db.select({ id: tickets.id }).from(tickets).where(eq(tickets.number, number));
  await t.ctx.outbox.drain();
  return { number, id: row!.id };
}

const act = async (s: Session, number: string, path: string, payload?: object) => {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/console/tickets/${number}/${path}`,
    headers: h(s),
    ...(payload ? { payload } : {}),
  });
  expect(res.statusCode, res.body).toBe(200);
  await t.ctx.outbox.drain();
};

/** An event in the console room: everything published before it has been handled when it arrives. */
const marker = async (id: string) => {
  await withTransaction(t.ctx, (tx) =>
    emit(tx, { type: 'test.marker', aggregateType: 'test', aggregateId: id, payload: { rooms: ['console'] } }),
  );
  await t.ctx.outbox.drain();
};

describe('realtime rooms are checked again', () => {
  it("a customer's room never carries an internal note, presence or a staff id; staff get them", async () => {
    const { number, id } = await fileRequest();
    const room = `ticket:${id}`;
    const cust = await connect(customer);
    await cust.join(room);
    const op = await connect(operator);
    await op.join(room);

    op.send({ type: 'presence', room, state: 'typing' });
    await act(supervisor, number, 'take');
    await act(supervisor, number, 'notes', { body: 'Проверить выплаты по акции' });
    await act(supervisor, number, 'reply', { body: 'Здравствуйте! Кешбэк начислим завтра.' });

    const staffSaw = await op.until('ticket.answered');
    const staffTypes = staffSaw.map((m) => (m.event as { type: string } | undefined)?.type);
    expect(staffTypes).toEqual(expect.arrayContaining(['presence', 'ticket.taken', 'ticket.note_added']));

    const customerSaw = await cust.until('ticket.answered');
    const customerTypes = customerSaw.map((m) => (m.event as { type: string }).type);
    expect(customerTypes).not.toContain('ticket.note_added');
    expect(customerTypes).not.toContain('ticket.taken');
    expect(customerTypes).not.toContain('presence');
    expect(customerSaw.at(-1)).toEqual({ type: 'event', room, event: { type: 'ticket.answered', id } });
    const text = cust.raw.join('\n');
    expect(text).not.toContain(operator.id);
    expect(text).not.toContain(supervisor.id);
    expect(text).not.toContain('Ольга');
    cust.socket.close();
    op.socket.close();
  });

  it('a request transferred to the security service: the operator is told and gets none of its events', async () => {
    const { number, id } = await fileRequest();
    const room = `ticket:${id}`;
    const op = await connect(operator);
    await op.join(room);
    await op.join('console');
    const sup = await connect(supervisor);
    await sup.join(room);

    await act(supervisor, number, 'transfer', { departmentCode: 'security', reason: 'Подозрение на мошенничество' });
    expect(await op.next()).toEqual({ type: 'error', code: 'FORBIDDEN', room });
    await act(supervisor, number, 'notes', { body: 'Связаться с банком-эмитентом' });
    await marker('after-note');

    // The next thing the operator hears is the marker: the transfer and the note never came.
    expect(await op.next()).toEqual({ type: 'event', room: 'console', event: { type: 'test.marker', id: 'after-note' } });
    // The supervisor, who may see the security service's requests, still follows it.
    expect((await sup.until('ticket.note_added')).at(-1)).toMatchObject({ room, event: { type: 'ticket.note_added' } });
    // And the operator cannot join it again.
    op.send({ type: 'subscribe', room });
    expect(await op.next()).toEqual({ type: 'error', code: 'FORBIDDEN', room });
    op.socket.close();
    sup.socket.close();
  });

  it('signing out closes the sockets of that session, not those of another session', async () => {
    const c = await makeCustomer(t.ctx.db);
    const first = await t.signIn('customer', c.email ?? '', c.password);
    const second = await t.signIn('customer', c.email ?? '', c.password);
    const a = await connect(first);
    const b = await connect(second);
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: h(first) });
    expect(out.statusCode).toBe(204);
    await t.ctx.outbox.drain();
    expect(await a.next()).toEqual({ type: 'error', code: 'AUTH_REQUIRED' });
    expect(await a.closed).toBe(4401);
    b.send({ type: 'ping' });
    expect(await b.next()).toEqual({ type: 'pong' });
    b.socket.close();
  });
});
