import net from 'node:net';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandler } from '../errors';
import { isDatabaseUnreachable, openDatabase, type DbHandle } from './connection';

// A PostgreSQL server that accepts connections and then says nothing (hung, or restarting behind a
// proxy): a call must fail within the connect time-out, as "unreachable", and the API answers 503
// SERVICE_UNAVAILABLE with Retry-After instead of holding the request for as long as the server hangs.
describe('an unreachable database', () => {
  let silent: net.Server;
  let silentPort = 0;
  let closedPort = 0;
  const sockets = new Set<net.Socket>();
  const handles: DbHandle[] = [];

  beforeAll(async () => {
    silent = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentPort = (silent.address() as net.AddressInfo).port;
    // A port nobody listens on: a server that is down.
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    closedPort = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  });
  afterAll(async () => {
    await Promise.all(handles.map((h) => h.close().catch(() => undefined)));
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  const open = async (port: number) => {
    const h = await openDatabase({ url: `postgres://postgres@127.0.0.1:${port}/paydesk`, poolSize: 1, connectTimeoutMs: 300 });
    handles.push(h);
    return h;
  };

  it('gives up on a silent server after the connect time-out, as unreachable', async () => {
    const h = await open(silentPort);
    const error = await h.query('SELECT 1').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(isDatabaseUnreachable(error)).toBe(true);
  });

  it('reads a refused connection as unreachable, and a failing statement as not', async () => {
    const down = await open(closedPort);
    expect(isDatabaseUnreachable(await down.query('SELECT 1').catch((e: unknown) => e))).toBe(true);
    const embedded = await openDatabase({});
    handles.push(embedded);
    const broken = await embedded.query('SELEC 1').catch((e: unknown) => e);
    expect(broken).toBeInstanceOf(Error);
    expect(isDatabaseUnreachable(broken)).toBe(false);
  });

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After, not a 500', async () => {
    const h = await open(silentPort);
    const app = Fastify({ logger: false });
    registerErrorHandler(app);
    app.get('/needs-db', async () => (await h.query('SELECT 1')).rows);
    const res = await app.inject({ method: 'GET', url: '/needs-db' });
    await app.close();
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json()).toMatchObject({ error: { code: 'SERVICE_UNAVAILABLE' } });
  });
});
