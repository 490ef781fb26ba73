import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { preparedStatements } from './pglite-prepared';
import * as schema from './schema';

export type Schema = typeof schema;
/** The Drizzle database, the same type on both engines. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle: everything a command writes goes through one. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Either the database or a transaction: repositories accept both. */
export type Executor = Database | Tx;

export type Engine = 'pglite' | 'postgres';

export type DbHandle = {
  engine: Engine;
  db: Database;
  /**
   * One parameterised statement; for platform code that speaks SQL directly. `name` makes it a
   * named prepared statement (parsed once per connection on PostgreSQL, once per database on
   * PGlite: pglite-prepared.ts; the hot paths use it). One name, one text.
   */
  query<Row = Record<string, unknown>>(text: string, params?: unknown[], options?: { name?: string }): Promise<{ rows: Row[] }>;
  /** Several statements without parameters (pg-boss's schema scripts). */
  exec(text: string): Promise<void>;
  pglite?: PGlite;
  pool?: pg.Pool;
  url?: string;
  close(): Promise<void>;
};

/** Runs one parameterised statement (a named one is prepared on PostgreSQL): the hot read paths. */
export type SqlRunner = Pick<DbHandle, 'query'>;

export type OpenOptions = {
  /** postgres:// URL; absent means the embedded PGlite engine. */
  url?: string;
  /** Directory of the embedded database; absent means in memory (tests). */
  dataDir?: string;
  poolSize?: number;
  /**
   * How long a caller waits for a PostgreSQL connection (a free one from the pool, or a new one
   * the server accepts) before the call fails as unavailable. Without it a request waits for as
   * long as the server hangs (a restart, a full connection table).
   */
  connectTimeoutMs?: number;
};

/** Opens PGlite (with pg_trgm and unaccent) or a pg pool, behind one handle. */
export async function openDatabase(options: OpenOptions): Promise<DbHandle> {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 10, options.connectTimeoutMs ?? 5_000);
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    extensions: { pg_trgm, unaccent },
  });
  const db = drizzlePglite(pglite, { schema, casing: 'snake_case' }) as unknown as Database;
  const runPrepared = preparedStatements(pglite);
  return {
    engine: 'pglite',
    db,
    pglite,
    async query<Row>(text: string, params?: unknown[], options?: { name?: string }) {
      if (options?.name) return runPrepared<Row>(options.name, text, params);
      const result = await pglite.query<Row>(text, params as never[] | undefined);
      return { rows: result.rows };
    },
    async exec(text: string) {
      await pglite.exec(text);
    },
    async close() {
      if (!pglite.closed) await pglite.close();
    },
  };
}

function openPostgres(url: string, max: number, connectTimeoutMs: number): DbHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    application_name: 'paydesk',
    connectionTimeoutMillis: connectTimeoutMs,
  });
  // An idle client losing its server must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const db = drizzleNodePg(pool, { schema, casing: 'snake_case' }) as unknown as Database;
  return {
    engine: 'postgres',
    db,
    pool,
    url,
    async query<Row>(text: string, params?: unknown[], options?: { name?: string }) {
      const result = options?.name
        ? await pool.query({ name: options.name, text, values: params })
        : await pool.query(text, params);
      return { rows: result.rows as Row[] };
    },
    async exec(text: string) {
      await pool.query(text);
    },
    async close() {
      await pool.end();
    },
  };
}

/** SQLSTATEs of a server that is shutting down, starting up or out of connection slots. */
const SERVER_GOING = new Set(['57P01', '57P02', '57P03', '53300']);
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

/**
 * Whether an error says the database could not be reached (not that a statement failed): no
 * connection within the time-out, refused or cut connections, a server shutting down or full.
 * The caller may try again later; the request's own data were not the problem.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (SERVER_GOING.has(code) || NETWORK.has(code))) return true;
  return /^(timeout exceeded when trying to connect|Connection terminated( unexpectedly| due to connection timeout)?)$/.test(
    error.message,
  );
}
