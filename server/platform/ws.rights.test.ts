import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories, tickets } from '../db/schema';
import { createTestApp, type Session, type TestApp } from '../test/app';
import { makeCustomer } from '../test/factories';
import { departmentId, makeMember } from '../test/staff';
import { connectSocket } from '../test/ws-client';
import { emit, withTransaction } from './outbox';

/**
 * Open sockets follow a person's rights: when an admin takes someone out of a department or
 * changes their roles, their sockets leave the rooms they may no longer see (and nobody else's
 * do); when an admin deactivates them, their sockets close. The change travels as an outbox
 * event through the bus, so it reaches sockets on every node, like the transfer re-checks.
 */
let t: TestApp;
let base: string;
let admin: Session & { id: string };
let supervisor: Session;
let customer: Session;
let security: string;
const h = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });
const connect = (session: Session) => connectSocket(base, session);

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  base = `ws://127.0.0.1:${address.port}/ws`;
  const a = await makeMember(t.ctx.db, ['admin'], [], 'Анна Админ');
  admin = { ...(await t.signIn('staff', a.email, a.password)), id: a.id };
  const s = await makeMember(t.ctx.db, ['supervisor'], [], 'Марина Супер');
  supervisor = await t.signIn('staff', s.email, s.password);
  const c = await makeCustomer(t.ctx.db);
  customer = await t.signIn('customer', c.email ?? '', c.password);
  security = await departmentId(t.ctx.db, 'security');
}, 60_000);
afterAll(async () => t?.dispose());

/** A request of the security service (its room is closed to everyone outside it). */
async function securityRequest(): Promise<string> {
  const [leaf] = await t.ctx.db.select({ id: categories.id }).from(categories).where(eq(categories.slug, 'wallet-other'));
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/tickets',
    headers: h(customer),
    payload: { categoryId: leaf!.id, fields: { description: 'С моей карты списали деньги без моего ведома.' } },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  const [row] = await t.ctx.db
    .update(tickets)
    .set({ departmentId: security })
    .where(eq(tickets.number, res.json().number as string))
    .returning({ id: tickets.id });
  await t.ctx.outbox.drain();
  return row!.id;
}

const admin200 = async (method: 'PUT' | 'PATCH', url: string, payload: object) => {
  const res = await t.app.inject({ method, url: `/api/v1/console/admin${url}`, headers: h(admin), payload });
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
const markerMessage = (id: string) => ({ type: 'event', room: 'console', event: { type: 'test.marker', id } });

describe('sockets follow the rights of their person', () => {
  it('taken out of the security service: the member leaves its queue and requests, others keep theirs', async () => {
    const ticket = `ticket:${await securityRequest()}`;
    const queue = `queues:${security}`;
    const m = await makeMember(t.ctx.db, ['operator'], [['security', 1]], 'Олег Безопасник');
    const stay = await makeMember(t.ctx.db, ['operator'], [['security', 2]], 'Ирина Остаётся');
    const member = await connect(await t.signIn('staff', m.email, m.password));
    const colleague = await connect(await t.signIn('staff', stay.email, stay.password));
    for (const room of [ticket, queue, 'console']) await member.join(room);
    for (const room of [ticket, queue, 'console']) await colleague.join(room);

    await admin200('PUT', `/departments/${security}/members`, { members: [{ staffId: stay.id, tier: 2 }] });
    expect(await member.next()).toEqual({ type: 'error', code: 'FORBIDDEN', room: ticket });
    expect(await member.next()).toEqual({ type: 'error', code: 'FORBIDDEN', room: queue });

    await withTransaction(t.ctx, (tx) =>
      emit(tx, { type: 'ticket.note_added', aggregateType: 'ticket', aggregateId: 'x', payload: { rooms: [ticket] } }),
    );
    await marker('after-removal');
    // The removed member hears the console room only; the one who stayed still follows the request.
    expect(await member.next()).toEqual(markerMessage('after-removal'));
    expect((await colleague.until('ticket.note_added')).at(-1)).toMatchObject({ room: ticket });
    member.send({ type: 'subscribe', room: ticket });
    expect(await member.next()).toEqual({ type: 'error', code: 'FORBIDDEN', room: ticket });
    member.socket.close();
    colleague.socket.close();
  });

  it('a role taken away: the security officer loses the rooms the role opened, the socket stays', async () => {
    const ticket = `ticket:${await securityRequest()}`;
    const o = await makeMember(t.ctx.db, ['security_officer'], [], 'Павел Офицер');
    const officer = await connect(await t.signIn('staff', o.email, o.password));
    await officer.join(ticket);
    await officer.join('console');
    const sup = await connect(supervisor);
    await sup.join(ticket);

    await admin200('PATCH', `/staff/${o.id}`, { roles: ['operator'] });
    expect(await officer.next()).toEqual({ type: 'error', code: 'FORBIDDEN', room: ticket });
    await marker('after-demotion');
    expect(await officer.next()).toEqual(markerMessage('after-demotion'));
    // Nobody else was re-checked away: the supervisor still has the room.
    sup.send({ type: 'presence', room: ticket, state: 'viewing' });
    expect((await sup.until('presence')).at(-1)).toMatchObject({ room: ticket });
    // Given back, the role opens the room again on the same socket.
    await admin200('PATCH', `/staff/${o.id}`, { roles: ['security_officer'] });
    await officer.join(ticket);
    officer.socket.close();
    sup.socket.close();
  });

  it('deactivated: every socket of the person closes and the session is gone', async () => {
    const p = await makeMember(t.ctx.db, ['operator'], [['first_line', 1]], 'Семён Уходит');
    const session = await t.signIn('staff', p.email, p.password);
    const one = await connect(session);
    const two = await connect(await t.signIn('staff', p.email, p.password));
    await one.join('console');
    const other = await connect(supervisor);

    await admin200('PATCH', `/staff/${p.id}`, { active: false });
    expect(await one.next()).toEqual({ type: 'error', code: 'AUTH_REQUIRED' });
    expect(await two.next()).toEqual({ type: 'error', code: 'AUTH_REQUIRED' });
    expect(await one.closed).toBe(4401);
    expect(await two.closed).toBe(4401);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/console/queues', headers: h(session) });
    expect(res.statusCode).toBe(401);
    other.send({ type: 'ping' });
    expect(await other.next()).toEqual({ type: 'pong' });
    other.socket.close();
  });

  it('an admin cannot lock themselves out', async () => {
    for (const payload of [{ active: false }, { roles: ['supervisor'] }]) {
      const res = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/console/admin/staff/${admin.id}`,
        headers: h(admin),
        payload,
      });
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json().error)).toContain('staff.own_account');
    }
  });
});
