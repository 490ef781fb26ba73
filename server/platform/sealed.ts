/**
 * Every column that holds ciphertext under SECRET_KEY. `rotate-key` re-seals exactly these and
 * the start-up key check samples them; a test fails when a table gains a column named
 * `*sealed*` that is not listed here, so a new one cannot be forgotten by a rotation.
 */
import type { DbHandle } from '../db/connection';
import type { PiiCipher } from './keyring';

export type SealedShape =
  /** One sealed text value (`v1:`/`v2:`). */
  | 'text'
  /** JSON holding sealed text values anywhere inside (a map of fields, a list of pieces…). */
  | 'json'
  /** Sealed bytes (raw letters). */
  | 'bytes';

export type SealedColumn = { table: string; column: string; shape: SealedShape };

export const SEALED_COLUMNS: readonly SealedColumn[] = [
  { table: 'tickets', column: 'sealed_fields', shape: 'json' },
  { table: 'demo_wallets', column: 'passport_sealed', shape: 'text' },
  { table: 'mailboxes', column: 'imap_password_sealed', shape: 'text' },
  { table: 'incoming_mail', column: 'raw_sealed', shape: 'bytes' },
];

const SEALED_TEXT = /^(?:v1:[\w-]+:[\w-]+:[\w-]*|v2:[0-9a-f]{12}:[\w-]+:[\w-]+:[\w-]*)$/u;

/** True for a string in the sealed text format. */
export function isSealedText(value: string): boolean {
  return SEALED_TEXT.test(value);
}

/** Applies `fn` to every sealed string inside a JSON value; returns the new value and whether anything changed. */
export function mapSealedJson(value: unknown, fn: (sealed: string) => string): { value: unknown; changed: boolean } {
  let changed = false;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (!isSealedText(v)) return v;
      const next = fn(v);
      if (next !== v) changed = true;
      return next;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return { value: walk(value), changed };
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * SQL condition: the column holds something not sealed under the current key (what a rotation
 * still has to do). For JSON, a text search prefilters; the caller checks each value.
 */
export function staleCondition(c: SealedColumn, cipher: PiiCipher): { where: string; params: unknown[] } {
  const col = ident(c.column);
  if (c.shape === 'text') return { where: `${col} IS NOT NULL AND ${col} NOT LIKE $1`, params: [`v2:${cipher.keyId}:%`] };
  if (c.shape === 'bytes') {
    return { where: `${col} IS NOT NULL AND substring(${col} from 1 for 9) <> $1`, params: [cipher.currentBytesHeader] };
  }
  return { where: `${col} IS NOT NULL AND ${col}::text ~ $1`, params: [`"v1:|"v2:(?!${cipher.keyId}:)`] };
}

/** One sealed value of each column (any key), to try opening at start-up. */
export async function sampleSealed(handle: DbHandle): Promise<Array<{ column: SealedColumn; value: string | Buffer }>> {
  const out: Array<{ column: SealedColumn; value: string | Buffer }> = [];
  for (const c of SEALED_COLUMNS) {
    const col = ident(c.column);
    const filter = c.shape === 'json' ? `${col}::text ~ '"v[12]:'` : `${col} IS NOT NULL`;
    const { rows } = await handle.query<{ v: unknown }>(`SELECT ${col} AS v FROM ${ident(c.table)} WHERE ${filter} LIMIT 1`);
    const v = rows[0]?.v;
    if (v === undefined || v === null) continue;
    if (c.shape === 'json') {
      let first: string | undefined;
      mapSealedJson(v, (s) => (first ??= s));
      if (first) out.push({ column: c, value: first });
    } else {
      out.push({ column: c, value: v as string | Buffer });
    }
  }
  return out;
}

export { ident as sqlIdent };
