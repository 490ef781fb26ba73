import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test/db';
import { startLiveness, type Liveness } from './liveness';
import { emit, Outbox, withTransaction } from './outbox';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db?.dispose());
beforeEach(async () => {
  await db.exec('DELETE FROM outbox_events; DELETE FROM process_instances;');
});

const started: Liveness[] = [];
async function live(node: string, embedded = false) {
  const l = await startLiveness(db, { node, embedded, intervalMs: 3_600_000 });
  started.push(l);
  return l;
}
afterAll(async () => {
  for (const l of started) await l.stop().catch(() => undefined);
});

/**
 * A process that claims an event and dies while delivering it: its handler never returns, and
 * nothing of it runs again (as after `kill -9`). The event stays leased in its name for 60 s.
 */
async function dieWhileDelivering(owner: string, aggregateId: string) {
  const outbox = new Outbox({ handle: db, owner });
  let claimed!: () => void;
  const inHandler = new Promise<void>((resolve) => (claimed = resolve));
  outbox.on('test.crash', 'hangs', () => {
    claimed();
    return new Promise<void>(() => undefined);
  });
  await withTransaction({ db: db.db, outbox }, (tx) => emit(tx, { type: 'test.crash', aggregateType: 'test', aggregateId }));
  await inHandler;
  const { rows } = await db.query<{ claimed_by: string; leased: boolean }>(
    `SELECT claimed_by, next_attempt_at > now() + interval '30 seconds' AS leased FROM outbox_events WHERE aggregate_id = $1`,
    [aggregateId],
  );
  expect(rows[0]).toEqual({ claimed_by: owner, leased: true });
}

/** A fresh outbox (another process) delivers what is due now; resolves with what it delivered. */
async function deliverNow(): Promise<string[]> {
  const outbox = new Outbox({ handle: db, owner: 'someone-else' });
  const seen: string[] = [];
  outbox.on('test.crash', 'records', async (e) => {
    seen.push(e.aggregateId);
  });
  await outbox.drain();
  await outbox.stop();
  return seen;
}

describe('leases of a dead process', () => {
  it('are released at once when the same node starts again (PostgreSQL: the node restarting)', async () => {
    const before = await live('node-a');
    await dieWhileDelivering(before.instance, 'restart-1');
    expect(await deliverNow()).toEqual([]); // the lease holds it back
    await live('node-a'); // the node comes back under its name
    expect(await deliverNow()).toEqual(['restart-1']);
  });

  it('are released when a process stops refreshing, not while it is alive', async () => {
    const watcher = await live('node-w');
    const alive = await live('node-alive');
    const dead = await live('node-dead');
    await dieWhileDelivering(alive.instance, 'alive-1');
    await dieWhileDelivering(dead.instance, 'dead-1');
    expect(await watcher.sweep()).toBe(0);
    expect(await deliverNow()).toEqual([]);
    // node-dead has not been seen for a minute (its refresh timer died with it).
    await db.query(`UPDATE process_instances SET seen_at = now() - interval '1 minute' WHERE instance = $1`, [dead.instance]);
    expect(await watcher.sweep()).toBe(1);
    expect(await deliverNow()).toEqual(['dead-1']);
    const { rows } = await db.query<{ claimed_by: string }>(
      `SELECT claimed_by FROM outbox_events WHERE aggregate_id = 'alive-1'`,
    );
    expect(rows[0]?.claimed_by).toBe(alive.instance);
  });

  it('embedded: every lease belongs to the previous process of the DATA_DIR and is released at start', async () => {
    const previous = await live('host:/srv/paydesk/data', true);
    await dieWhileDelivering(previous.instance, 'embedded-1');
    await dieWhileDelivering('an-instance-from-before-liveness', 'embedded-2');
    await live('host:/srv/paydesk/data', true);
    expect((await deliverNow()).sort()).toEqual(['embedded-1', 'embedded-2']);
  });

  it('keep the backoff of an event whose handler failed', async () => {
    const outbox = new Outbox({ handle: db, owner: 'x' });
    outbox.on('test.crash', 'fails', async () => {
      throw new Error('smtp down');
    });
    await withTransaction({ db: db.db, outbox }, (tx) =>
      emit(tx, { type: 'test.crash', aggregateType: 'test', aggregateId: 'backoff-1' }),
    );
    await outbox.drain();
    await outbox.stop();
    await live('node-b', true);
    expect(await deliverNow()).toEqual([]);
  });

  it('are given up by a process that stops cleanly', async () => {
    const l = await startLiveness(db, { node: 'node-c', embedded: false, intervalMs: 3_600_000 });
    await dieWhileDelivering(l.instance, 'clean-1');
    await l.stop();
    expect(await deliverNow()).toEqual(['clean-1']);
    expect((await db.query('SELECT 1 FROM process_instances WHERE instance = $1', [l.instance])).rows).toHaveLength(0);
  });
});
