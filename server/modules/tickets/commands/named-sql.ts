import { sql, type SQL } from 'drizzle-orm';
import type { Executor, SqlRunner } from '../../../db/connection';

/**
 * A statement with named parameters (`@name`) instead of positional `$n` kept in step by
 * comments. Compiled once: the text with `$1…$n` (each name gets one number, however often it
 * is used) and the order in which the values are passed.
 */
export type NamedStatement<K extends string> = { text: string; order: readonly K[]; name: string };

export function namedStatement<K extends string>(name: string, text: string): NamedStatement<K> {
  const order: K[] = [];
  const compiled = text.replace(/@([a-z_][a-z0-9_]*)/gi, (_, key: string) => {
    let i = order.indexOf(key as K);
    if (i < 0) i = order.push(key as K) - 1;
    return `$${i + 1}`;
  });
  return { text: compiled, order, name };
}

/** The values in the statement's order; a name without a value is an error, not a silent NULL. */
export function bindValues<K extends string>(statement: NamedStatement<K>, values: Record<K, unknown>): unknown[] {
  return statement.order.map((key) => {
    if (!(key in values)) throw new Error(`${statement.name}: no value for @${key}`);
    return values[key];
  });
}

/** Runs it as a named prepared statement on the handle (its own implicit transaction). */
export async function runOnHandle<Row, K extends string>(
  handle: SqlRunner,
  statement: NamedStatement<K>,
  values: Record<K, unknown>,
): Promise<Row[]> {
  return (await handle.query<Row>(statement.text, bindValues(statement, values), { name: statement.name })).rows;
}

/** Runs it inside a Drizzle transaction (the caller's other writes commit or roll back with it). */
export async function runInTx<Row, K extends string>(
  tx: Executor,
  statement: NamedStatement<K>,
  values: Record<K, unknown>,
): Promise<Row[]> {
  const params = bindValues(statement, values);
  const chunks: SQL[] = [];
  let last = 0;
  for (const m of statement.text.matchAll(/\$(\d+)/g)) {
    chunks.push(sql.raw(statement.text.slice(last, m.index)), sql`${sql.param(params[Number(m[1]) - 1])}`);
    last = (m.index ?? 0) + m[0].length;
  }
  chunks.push(sql.raw(statement.text.slice(last)));
  const result = await tx.execute(sql.join(chunks, sql.raw('')));
  return (result as unknown as { rows: Row[] }).rows;
}
