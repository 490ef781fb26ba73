import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection';
import { runMigrations } from '../db/migrate';
import { outboxEvents } from '../db/schema';
import { createTestDb, type TestDb } from '../test/db';
import { emit, Outbox, withTransaction, type StoredEvent } from './outbox';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db?.dispose());

function recorder(outbox: Outbox, type: string) {
  const seen: StoredEvent[] = [];
  outbox.on(type, 'test', async (e) => {
    seen.push(e);
  });
  return seen;
}

describe('outbox', () => {
  it('delivers an event once, after its transaction commits', async () => {
    const outbox = new Outbox({ handle: db });
    const seen = recorder(outbox, 'test.committed');
    await withTransaction({ db: db.db, outbox }, async (tx) => {
      await emit(tx, { type: 'test.committed', aggregateType: 'test', aggregateId: 'a1', payload: { ticketId: 't-1' } });
      expect(seen).toHaveLength(0);
    });
    await outbox.drain();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ type: 'test.committed', aggregateId: 'a1', payload: { ticketId: 't-1' } });
    // A later round finds nothing left to deliver.
    expect(await outbox.drain()).toBe(0);
    expect(seen).toHaveLength(1);
    const [row] = await db.db.select().from(outboxEvents).where(eq(outboxEvents.aggregateId, 'a1'));
    expect(row?.deliveredAt).toBeInstanceOf(Date);
    await outbox.stop();
  });

  it('never delivers the event of a transaction that rolled back', async () => {
    const outbox = new Outbox({ handle: db });
    const seen = recorder(outbox, 'test.rolled_back');
    await expect(
      withTransaction({ db: db.db, outbox }, async (tx) => {
        await emit(tx, { type: 'test.rolled_back', aggregateType: 'test', aggregateId: 'r1' });
        throw new Error('the command failed');
      }),
    ).rejects.toThrow('the command failed');
    await outbox.drain();
    expect(seen).toHaveLength(0);
    expect(await db.db.select().from(outboxEvents).where(eq(outboxEvents.type, 'test.rolled_back'))).toHaveLength(0);
    await outbox.stop();
  });

  it('keeps an event whose handler failed and delivers it on a later round', async () => {
    const outbox = new Outbox({ handle: db });
    let calls = 0;
    outbox.on('test.flaky', 'flaky', async () => {
      calls += 1;
      if (calls === 1) throw new Error('mail server down');
    });
    await withTransaction({ db: db.db, outbox }, (tx) =>
      emit(tx, { type: 'test.flaky', aggregateType: 'test', aggregateId: 'f1' }),
    );
    await outbox.drain();
    const [failed] = await db.db.select().from(outboxEvents).where(eq(outboxEvents.aggregateId, 'f1'));
    expect(failed).toMatchObject({ deliveredAt: null, attempts: 1, lastError: 'mail server down' });
    expect(failed?.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    // Its retry time comes.
    await db.db
      .update(outboxEvents)
      .set({ nextAttemptAt: new Date(Date.now() - 1000) })
      .where(eq(outboxEvents.aggregateId, 'f1'));
    expect(await outbox.drain()).toBe(1);
    expect(calls).toBe(2);
    await outbox.stop();
  });

  it('gives a batch handler a round’s events of its type at once, in order, and retries them all when it fails', async () => {
    const outbox = new Outbox({ handle: db, batchSize: 50 });
    const rounds: string[][] = [];
    let fail = true;
    outbox.onBatch('test.batched', 'batched', async (events) => {
      rounds.push(events.map((e) => e.aggregateId));
      if (fail) throw new Error('bus down');
    });
    const singles: string[] = [];
    outbox.on('test.other', 'single', async (e) => void singles.push(e.aggregateId));
    await db.db.transaction(async (tx) => {
      for (let i = 0; i < 5; i++) {
        await emit(tx, { type: 'test.batched', aggregateType: 'test', aggregateId: `b${i}` });
        await emit(tx, { type: 'test.other', aggregateType: 'test', aggregateId: `o${i}` });
      }
    });
    // The failing batch: its five events stay undelivered; the other type's events are delivered.
    expect(await outbox.drain()).toBe(5);
    expect(rounds).toEqual([['b0', 'b1', 'b2', 'b3', 'b4']]);
    expect(singles).toEqual(['o0', 'o1', 'o2', 'o3', 'o4']);
    const kept = await db.db.select().from(outboxEvents).where(eq(outboxEvents.type, 'test.batched'));
    expect(kept.map((r) => [r.deliveredAt, r.lastError])).toEqual(Array(5).fill([null, 'bus down']));
    // Their retry time comes: one call again, all five delivered.
    fail = false;
    await db.db
      .update(outboxEvents)
      .set({ nextAttemptAt: new Date(Date.now() - 1000) })
      .where(eq(outboxEvents.type, 'test.batched'));
    expect(await outbox.drain()).toBe(5);
    expect(rounds).toHaveLength(2);
    expect(rounds[1]).toEqual(['b0', 'b1', 'b2', 'b3', 'b4']);
    await outbox.stop();
  });

  it('lets two nodes drain at once without delivering an event twice', async () => {
    const a = new Outbox({ handle: db, batchSize: 3 });
    const b = new Outbox({ handle: db, batchSize: 3 });
    const seen = [...Array(2)].map(() => [] as string[]);
    a.on('test.shared', 'a', async (e) => void seen[0]?.push(e.aggregateId));
    b.on('test.shared', 'b', async (e) => void seen[1]?.push(e.aggregateId));
    await db.db.transaction(async (tx) => {
      for (let i = 0; i < 20; i++) await emit(tx, { type: 'test.shared', aggregateType: 'test', aggregateId: `s${i}` });
    });
    await Promise.all([a.drain(), b.drain()]);
    const all = [...(seen[0] ?? []), ...(seen[1] ?? [])].sort();
    expect(all).toHaveLength(20);
    expect(new Set(all).size).toBe(20);
    await Promise.all([a.stop(), b.stop()]);
  });
});

describe('outbox after a crash', () => {
  it('delivers, after a restart, an event committed by a process killed before delivery', async () => {
    // The child needs a database of its own that outlives it: a PGlite directory or a PostgreSQL database.
    const target = db.databaseUrl ?? mkdtempSync(path.join(tmpdir(), 'paydesk-crash-'));
    if (!db.databaseUrl) {
      const prepared = await openDatabase({ dataDir: target });
      await runMigrations(prepared);
      await prepared.close();
    }
    const fixture = fileURLToPath(new URL('../test/fixtures/outbox-crash.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, target], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
    expect(signal).toBe('SIGKILL');
    expect(out).toContain('committed');

    const restarted = db.databaseUrl ? db : await openDatabase({ dataDir: target });
    const outbox = new Outbox({ handle: restarted });
    const seen = recorder(outbox, 'test.crashed_before_delivery');
    outbox.start(60_000);
    await outbox.drain();
    expect(seen.map((e) => e.aggregateId)).toEqual(['crash-1']);
    await outbox.stop();
    if (restarted !== db) await restarted.close();
    // A child process with its own tsx start-up and a migrated PGlite directory: slow on a busy machine.
  }, 120_000);
});
