import { fileURLToPath } from 'node:url';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { DbHandle } from './connection';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));
// Any constant will do: it only has to be the same on every node.
const MIGRATION_LOCK = 724_310_001;

async function countApplied(handle: DbHandle): Promise<number> {
  const exists = await handle.query<{ t: string | null }>(`SELECT to_regclass('drizzle.__drizzle_migrations')::text AS t`);
  if (!exists.rows[0]?.t) return 0;
  const { rows } = await handle.query<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
  return rows[0]?.n ?? 0;
}

/**
 * Applies the committed migrations that are not applied yet and returns how many it applied.
 * On PostgreSQL an advisory lock lets many nodes start at once; PGlite has one process.
 */
export async function runMigrations(handle: DbHandle): Promise<{ applied: number; total: number }> {
  const before = await countApplied(handle);
  if (handle.pglite) {
    await migratePglite(drizzlePglite(handle.pglite), { migrationsFolder: MIGRATIONS_DIR });
  } else if (handle.pool) {
    const client = await handle.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await migrateNodePg(drizzleNodePg(client), { migrationsFolder: MIGRATIONS_DIR });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      client.release();
    }
  }
  const total = await countApplied(handle);
  return { applied: total - before, total };
}
