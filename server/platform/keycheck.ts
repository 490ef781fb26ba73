/**
 * The start-up key check: personal data sealed under one SECRET_KEY cannot be read under
 * another, so a process started with a key that does not match the database refuses to run
 * with a message saying what to do, instead of starting and failing on every reveal.
 *
 * `secret_keys` keeps, per key id, a known value sealed with that key. At start:
 * - no row yet: the first start (or the first since key checks exist) — one sealed value of each
 *   sealed column must open with the keys given, then this key is recorded;
 * - the current key is retired (a rotation moved everything to a newer one): refuse;
 * - a key still in use (not retired) is neither SECRET_KEY nor among SECRET_KEY_PREVIOUS: refuse;
 * - SECRET_KEY is new but every key in use is given as previous: it is recorded (a rotation
 *   begins: new values are sealed under it, `rotate-key` re-seals the rest).
 */
import type { DbHandle } from '../db/connection';
import type { PiiCipher } from './keyring';
import { sampleSealed } from './sealed';

const KNOWN = 'paydesk key check';

/** The process must not start with this key; the message says why and what to do. */
export class SecretKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretKeyError';
  }
}

type KeyRow = { key_id: string; check: string; retired_at: Date | string | null };

export type KeyCheckOptions = {
  /** Where an embedded database keeps its generated key (for the message). */
  keyFile?: string;
  logger?: { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void };
};

function opens(cipher: PiiCipher, sealed: string | Buffer | Uint8Array): boolean {
  try {
    if (typeof sealed === 'string') cipher.decrypt(sealed);
    else cipher.openBytes(Buffer.from(sealed));
    return true;
  } catch {
    return false;
  }
}

const HOW =
  'Start with the key the data was sealed with; to change keys, give the old one as SECRET_KEY_PREVIOUS ' +
  'and run `npm run paydesk -- rotate-key` (docs/OPERATIONS.md).';

/** Checks SECRET_KEY (and SECRET_KEY_PREVIOUS) against the database; throws SecretKeyError on a mismatch. */
export async function checkSecretKey(handle: DbHandle, cipher: PiiCipher, options: KeyCheckOptions = {}): Promise<void> {
  const where = options.keyFile ? ` (this one is from ${options.keyFile})` : '';
  const { rows } = await handle.query<KeyRow>('SELECT key_id, "check", retired_at FROM secret_keys ORDER BY added_at');
  const current = rows.find((r) => r.key_id === cipher.keyId);
  const inUse = rows.filter((r) => r.retired_at === null);

  if (current?.retired_at) {
    throw new SecretKeyError(
      `SECRET_KEY is key ${cipher.keyId}${where}, retired by a key rotation on ${new Date(current.retired_at).toISOString()}: ` +
        `personal data is now sealed under key ${inUse.map((r) => r.key_id).join(', ') || '(none)'}. Start with that key.`,
    );
  }
  const missing = inUse.filter((r) => !cipher.keyIds.includes(r.key_id));
  if (missing.length > 0) {
    const ids = missing.map((r) => r.key_id).join(', ');
    throw new SecretKeyError(
      current
        ? `Personal data in this database is still sealed partly under key ${ids} (a key rotation has not finished): ` +
            'give that key as SECRET_KEY_PREVIOUS, or finish the rotation with `npm run paydesk -- rotate-key`.'
        : `SECRET_KEY does not match this database: its personal data is sealed under key ${ids}, ` +
            `and this SECRET_KEY is key ${cipher.keyId}${where}. ${HOW}`,
    );
  }
  for (const r of inUse) {
    if (!opens(cipher, r.check)) {
      throw new SecretKeyError(
        `The key check of key ${r.key_id} does not open with the key given for it: the secret_keys table is damaged.`,
      );
    }
  }
  if (current) return;

  if (rows.length === 0) {
    // The first start, or the first since key checks exist: what is sealed already must open.
    for (const sample of await sampleSealed(handle)) {
      if (!opens(cipher, sample.value)) {
        throw new SecretKeyError(
          `SECRET_KEY does not match this database: ${sample.column.table}.${sample.column.column} holds values sealed ` +
            `under another key, and this SECRET_KEY is key ${cipher.keyId}${where}. ${HOW}`,
        );
      }
    }
  }
  await handle.query('INSERT INTO secret_keys (key_id, "check") VALUES ($1, $2) ON CONFLICT (key_id) DO NOTHING', [
    cipher.keyId,
    cipher.encrypt(KNOWN),
  ]);
  if (rows.length > 0) {
    options.logger?.warn(
      { keyId: cipher.keyId, previous: inUse.map((r) => r.key_id) },
      'a new SECRET_KEY is in use; run `npm run paydesk -- rotate-key` to re-seal the data under it',
    );
  } else {
    options.logger?.info({ keyId: cipher.keyId }, 'secret key recorded');
  }
}
