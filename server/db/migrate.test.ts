import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test/db';
import { runMigrations } from './migrate';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb({ migrate: false });
});
afterAll(async () => db?.dispose());

describe('migrations', () => {
  it('apply from empty, then a second run is a no-op', async () => {
    const first = await runMigrations(db);
    expect(first.applied).toBeGreaterThan(0);
    expect(first.applied).toBe(first.total);

    const tables = await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['audit_log', 'customers', 'login_throttle', 'outbox_events', 'sessions', 'staff_users']),
    );
    const extensions = await db.query<{ extname: string }>(`SELECT extname FROM pg_extension`);
    expect(extensions.rows.map((r) => r.extname)).toEqual(expect.arrayContaining(['pg_trgm', 'unaccent']));

    const second = await runMigrations(db);
    expect(second).toEqual({ applied: 0, total: first.total });
  });

  it('has the Russian text-search configuration and trigram similarity on this engine', async () => {
    const { rows } = await db.query<{ v: string; s: number }>(
      `SELECT to_tsvector('russian', 'заблокировали кошелёк')::text AS v, similarity('кошелек', 'кошелёк') AS s`,
    );
    expect(rows[0]?.v).toContain('заблокирова');
    expect(rows[0]?.s).toBeGreaterThan(0.3);
  });
});
