import net from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../test/db';
import { createPgNotifyBus, type BusMessage, type RealtimeBus } from './realtime';

/**
 * A TCP relay in front of PostgreSQL that can go away and come back on the same port: what a
 * database restart, a failover or a dropped network path looks like to the LISTEN connection.
 */
async function relay(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((inbound) => {
        const outbound = net.connect(Number(target.port || 5432), target.hostname);
        for (const s of [inbound, outbound]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => undefined);
        }
        inbound.pipe(outbound).pipe(inbound);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server?.close(() => resolve());
    });
  await open();
  return { url: () => Object.assign(new URL(target), { port: String(port) }).toString(), cut, open };
}

const until = async (check: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
};

describe.skipIf(!testDatabaseUrl)('realtime bus on PostgreSQL (LISTEN/NOTIFY)', () => {
  const closers: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
  });

  it('keeps reconnecting while the database stays away, then resyncs and delivers again', async () => {
    const proxy = await relay(new URL(testDatabaseUrl!));
    closers.push(proxy.cut);
    const pool = new pg.Pool({ connectionString: testDatabaseUrl, max: 2 });
    closers.push(() => pool.end());
    const bus: RealtimeBus = await createPgNotifyBus({ url: proxy.url(), pool });
    closers.push(() => bus.close());
    const got: BusMessage[] = [];
    let resyncs = 0;
    bus.subscribe((m) => got.push(m));
    bus.onResync(() => resyncs++);

    await bus.publish({ room: 'console', type: 'before' });
    expect(await until(() => got.some((m) => m.type === 'before'), 5_000)).toBe(true);

    // Away for longer than the first reconnect attempts (0.5 s, 1 s, 2 s).
    await proxy.cut();
    await new Promise((r) => setTimeout(r, 2_500));
    await proxy.open();

    expect(await until(() => resyncs > 0, 15_000)).toBe(true);
    await bus.publish({ room: 'console', type: 'after' });
    expect(await until(() => got.some((m) => m.type === 'after'), 5_000)).toBe(true);
  }, 30_000);
});
