import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestApp, type TestApp } from '../test/app';
import { makeCustomer, makeStaff } from '../test/factories';
import { openSocket } from '../test/ws-client';
import { emit, withTransaction } from './outbox';

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  base = `ws://127.0.0.1:${address.port}/ws`;
});
afterAll(async () => t?.dispose());

/** A client that queues what the server says (server/test/ws-client.ts). */
const connect = async (cookie?: string) => openSocket(base, cookie);

describe('/ws', () => {
  it('refuses a connection without a session', async () => {
    const c = await connect();
    expect(await c.next()).toEqual({ type: 'error', code: 'AUTH_REQUIRED' });
    expect(await c.closed).toBe(4401);
  });

  it('delivers events of a subscribed room after the transaction commits', async () => {
    const staff = await makeStaff(t.ctx.db);
    const s = await t.signIn('staff', staff.email, staff.password);
    const c = await connect(s.cookie);
    expect(await c.next()).toEqual({ type: 'ready' });
    c.send({ type: 'subscribe', room: 'console' });
    expect(await c.next()).toEqual({ type: 'subscribed', room: 'console' });

    await withTransaction(t.ctx, (tx) =>
      emit(tx, { type: 'ticket.created', aggregateType: 'ticket', aggregateId: 'T-1001', payload: { rooms: ['console'] } }),
    );
    expect(await c.next()).toEqual({ type: 'event', room: 'console', event: { type: 'ticket.created', id: 'T-1001' } });
    c.socket.close();
  });

  it("checks each room: a customer may not join the console or another person's room", async () => {
    const customer = await makeCustomer(t.ctx.db);
    const other = await makeCustomer(t.ctx.db);
    const s = await t.signIn('customer', customer.email ?? '', customer.password);
    const c = await connect(s.cookie);
    await c.next();
    c.send({ type: 'subscribe', room: 'console' });
    expect(await c.next()).toEqual({ type: 'error', code: 'FORBIDDEN', room: 'console' });
    c.send({ type: 'subscribe', room: `user:customer:${other.id}` });
    expect(await c.next()).toMatchObject({ type: 'error', code: 'FORBIDDEN' });
    c.send({ type: 'subscribe', room: `user:customer:${customer.id}` });
    expect(await c.next()).toEqual({ type: 'subscribed', room: `user:customer:${customer.id}` });
    c.send({ type: 'nonsense' });
    expect(await c.next()).toEqual({ type: 'error', code: 'VALIDATION_FAILED' });
    c.socket.close();
  });

  it('answers a message it could not carry out while the database is away, and asks the client to come back', async () => {
    const customer = await makeCustomer(t.ctx.db);
    const s = await t.signIn('customer', customer.email ?? '', customer.password);
    const c = await connect(s.cookie);
    await c.next();
    const room = `user:customer:${customer.id}`;
    c.send({ type: 'subscribe', room });
    expect(await c.next()).toEqual({ type: 'subscribed', room });
    // What a PostgreSQL restart does to the bus's pg_notify (57P01).
    const publish = t.ctx.bus.publish.bind(t.ctx.bus);
    t.ctx.bus.publish = () =>
      Promise.reject(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }));
    try {
      c.send({ type: 'presence', room, state: 'viewing' });
      expect(await c.next()).toEqual({ type: 'error', code: 'SERVICE_UNAVAILABLE' });
      // "Try again": the console's client reconnects (it stops only on 4401/4403).
      expect(await c.closed).toBe(1013);
    } finally {
      t.ctx.bus.publish = publish;
    }
    // The process is still there and the next connection works.
    const again = await connect(s.cookie);
    expect(await again.next()).toEqual({ type: 'ready' });
    again.send({ type: 'subscribe', room });
    expect(await again.next()).toEqual({ type: 'subscribed', room });
    again.socket.close();
  });

  it('refuses an upgrade from a foreign origin', async () => {
    const staff = await makeStaff(t.ctx.db);
    const s = await t.signIn('staff', staff.email, staff.password);
    const socket = new WebSocket(base, { headers: { cookie: s.cookie, origin: 'https://evil.example' } });
    const code = await new Promise<number>((resolve) => socket.on('close', (c) => resolve(c)));
    expect(code).toBe(4403);
  });
});
