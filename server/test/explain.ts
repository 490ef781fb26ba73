import type { DbHandle } from '../db/connection';

/**
 * EXPLAIN with sequential scans priced out, on one connection: the tiny tables of a test
 * database would otherwise be scanned, and a plan test wants to see which index serves a query.
 */
export async function explainPlan(handle: DbHandle, text: string, params: unknown[]): Promise<string> {
  if (handle.pool) {
    const client = await handle.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL enable_seqscan = off');
      const r = await client.query(text, params);
      await client.query('ROLLBACK');
      return r.rows.map((x: Record<string, string>) => Object.values(x)[0]).join('\n');
    } finally {
      client.release();
    }
  }
  await handle.query('SET enable_seqscan = off');
  try {
    const r = await handle.query<Record<string, string>>(text, params);
    return r.rows.map((x) => Object.values(x)[0]).join('\n');
  } finally {
    await handle.query('SET enable_seqscan = on');
  }
}
