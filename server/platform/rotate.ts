/**
 * Key rotation: every sealed value (SEALED_COLUMNS) not sealed under the current key is opened
 * with whichever key it names and sealed again under SECRET_KEY, in batches of one transaction
 * each, so a run cut short is resumed by running it again (it only looks at what is left).
 * A value changed by a running node meanwhile is left to that node (it seals under the new key
 * too, when started with it) or to the next run. When nothing is left, the older keys are retired.
 */
import { sql } from 'drizzle-orm';
import type { DbHandle } from '../db/connection';
import type { PiiCipher } from './keyring';
import { mapSealedJson, SEALED_COLUMNS, sqlIdent, staleCondition, type SealedColumn } from './sealed';

export type RotationResult = {
  keyId: string;
  /** Values re-sealed now, per `table.column`. */
  resealed: Record<string, number>;
  /** Values still not under the current key (changed during the run, or unreadable). */
  left: Record<string, number>;
  /** Key ids retired by this run (only when nothing is left). */
  retired: string[];
};

export type RotationOptions = {
  batchSize?: number;
  /** Called after each batch (progress for the command line). */
  onBatch?: (column: string, resealed: number) => void;
};

function reseal(c: SealedColumn, cipher: PiiCipher, value: unknown): unknown {
  if (c.shape === 'text') return cipher.encrypt(cipher.decrypt(value as string));
  if (c.shape === 'bytes') return cipher.sealBytes(cipher.openBytes(Buffer.from(value as Uint8Array)));
  const mapped = mapSealedJson(value, (s) => (cipher.isCurrentText(s) ? s : cipher.encrypt(cipher.decrypt(s))));
  return mapped.changed ? mapped.value : undefined;
}

async function rotateColumn(handle: DbHandle, cipher: PiiCipher, c: SealedColumn, options: RotationOptions): Promise<number> {
  const table = sqlIdent(c.table);
  const col = sqlIdent(c.column);
  const stale = staleCondition(c, cipher);
  const batchSize = options.batchSize ?? 200;
  let done = 0;
  let after: string | null = null;
  for (;;) {
    const params: unknown[] = [...stale.params, batchSize];
    const keyset: string = after === null ? '' : `AND id > $${params.push(after)}::uuid`;
    const { rows }: { rows: Array<{ id: string; v: unknown }> } = await handle.query(
      `SELECT id::text AS id, ${col} AS v FROM ${table} WHERE ${stale.where} ${keyset} ORDER BY id LIMIT $${stale.params.length + 1}`,
      params,
    );
    if (rows.length === 0) return done;
    after = rows[rows.length - 1]!.id;
    let count = 0;
    await handle.db.transaction(async (tx) => {
      for (const row of rows) {
        const next = reseal(c, cipher, row.v);
        if (next === undefined) continue;
        // Only if nobody changed it since it was read (the optimistic check keeps a concurrent write).
        const update =
          c.shape === 'json'
            ? sql`UPDATE ${sql.raw(table)} SET ${sql.raw(col)} = ${JSON.stringify(next)}::jsonb
                   WHERE id = ${row.id}::uuid AND ${sql.raw(col)} = ${JSON.stringify(row.v)}::jsonb RETURNING id`
            : sql`UPDATE ${sql.raw(table)} SET ${sql.raw(col)} = ${next}
                   WHERE id = ${row.id}::uuid AND ${sql.raw(col)} = ${c.shape === 'bytes' ? Buffer.from(row.v as Uint8Array) : row.v} RETURNING id`;
        count += ((await tx.execute(update)) as unknown as { rows: unknown[] }).rows.length;
      }
    });
    done += count;
    options.onBatch?.(`${c.table}.${c.column}`, count);
  }
}

/** Re-seals every sealed value under `cipher`'s current key; retires the older keys when nothing is left. */
export async function rotateKeys(handle: DbHandle, cipher: PiiCipher, options: RotationOptions = {}): Promise<RotationResult> {
  const result: RotationResult = { keyId: cipher.keyId, resealed: {}, left: {}, retired: [] };
  for (const c of SEALED_COLUMNS) {
    const name = `${c.table}.${c.column}`;
    result.resealed[name] = await rotateColumn(handle, cipher, c, options);
    const stale = staleCondition(c, cipher);
    const { rows } = await handle.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${sqlIdent(c.table)} WHERE ${stale.where}`,
      stale.params,
    );
    const left = Number(rows[0]?.n ?? 0);
    if (left > 0) result.left[name] = left;
  }
  if (Object.keys(result.left).length === 0) {
    const { rows } = await handle.query<{ key_id: string }>(
      'UPDATE secret_keys SET retired_at = now() WHERE key_id <> $1 AND retired_at IS NULL RETURNING key_id',
      [cipher.keyId],
    );
    result.retired = rows.map((r) => r.key_id);
  }
  return result;
}
