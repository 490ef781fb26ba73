import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DbHandle } from '../db/connection';
import { runMigrations } from '../db/migrate';

export type TestDb = DbHandle & {
  /** postgres:// URL of this test's own database (PostgreSQL runs only). */
  databaseUrl?: string;
  dispose(): Promise<void>;
};

/** The PostgreSQL server the suite runs against, or undefined for PGlite. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;

/**
 * A migrated, empty database of the test's own: in-memory PGlite by default, or a freshly
 * created database on the server named by TEST_DATABASE_URL (dropped again by dispose()).
 */
export async function createTestDb(options: { migrate?: boolean } = {}): Promise<TestDb> {
  const migrate = options.migrate ?? true;
  if (!testDatabaseUrl) {
    const handle = await openDatabase({});
    if (migrate) await runMigrations(handle);
    return { ...handle, dispose: () => handle.close() };
  }
  const name = `${new URL(testDatabaseUrl).pathname.slice(1) || 'paydesk'}_t_${randomBytes(5).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), poolSize: 5 });
  if (migrate) await runMigrations(handle);
  return {
    ...handle,
    databaseUrl: url.toString(),
    async dispose() {
      await handle.close();
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * Another connection pool to the PostgreSQL database of `db`: what a second node of the same
 * installation has. Its dispose() closes the pool only; the first handle drops the database.
 */
export async function joinTestDb(db: TestDb): Promise<TestDb> {
  if (!db.databaseUrl) throw new Error('a second node needs PostgreSQL (TEST_DATABASE_URL)');
  const handle = await openDatabase({ url: db.databaseUrl, poolSize: 5 });
  return { ...handle, databaseUrl: db.databaseUrl, dispose: () => handle.close() };
}
