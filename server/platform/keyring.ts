/**
 * The keys personal data is sealed with. SECRET_KEY seals; SECRET_KEY_PREVIOUS (during a key
 * rotation) only opens. Every sealed value names the key it was sealed with (its key id), so a
 * value sealed under a key this process was not given fails with a clear error, not a 500 from
 * a failed authentication tag, and `rotate-key` knows what is left to re-seal.
 *
 * - Text (passports, sealed fields, mailbox passwords): `v2:<key id>:<iv>:<tag>:<ciphertext>`
 *   (base64url parts). Values of before key ids (`v1:<iv>:<tag>:<ciphertext>`) are opened by
 *   trying each key given, current first.
 * - Bytes (raw incoming letters): `PD` 0x02, the key id (6 bytes), IV (12), tag (16), ciphertext,
 *   under a key derived from the same secret with its own HKDF label. Before key ids: IV | tag |
 *   ciphertext.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export type SealingKey = {
  /** 12 hex characters: HMAC-SHA256 of a fixed label under the key (it names the key, reveals nothing of it). */
  id: string;
  text: Buffer;
  bytes: Buffer;
};

/** A sealed value names a key this process was not given. */
export class KeyUnavailableError extends Error {
  constructor(readonly keyId: string) {
    super(`sealed with key ${keyId}, which this process was not given (SECRET_KEY / SECRET_KEY_PREVIOUS)`);
    this.name = 'KeyUnavailableError';
  }
}

const RAW_MAGIC = Buffer.from([0x50, 0x44, 0x02]);
const RAW_ID_BYTES = 6;
const RAW_HEADER = RAW_MAGIC.length + RAW_ID_BYTES;

/** The key id of a 64-hex secret, without building a keyring. */
export function keyIdOf(secretKeyHex: string): string {
  return sealingKey(secretKeyHex).id;
}

function sealingKey(hex: string): SealingKey {
  const secret = Buffer.from(hex, 'hex');
  if (secret.length !== 32) throw new Error('SECRET_KEY must be 32 bytes');
  return {
    id: createHmac('sha256', secret)
      .update('paydesk key id')
      .digest('hex')
      .slice(0, RAW_ID_BYTES * 2),
    text: secret,
    // The raw-mail key is derived with its own label, so it is not the text cipher's key.
    bytes: Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'paydesk raw mail v1', 32)),
  };
}

function gcmOpen(key: Buffer, iv: Buffer, tag: Buffer, data: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]);
}

function gcmSeal(key: Buffer, plain: Buffer): { iv: Buffer; tag: Buffer; data: Buffer } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), data };
}

/** Tries each key in turn (values sealed before key ids); the last failure is thrown. */
function tryEach<T>(keys: readonly SealingKey[], open: (key: SealingKey) => T): T {
  let failure: unknown;
  for (const key of keys) {
    try {
      return open(key);
    } catch (err) {
      failure = err;
    }
  }
  throw failure;
}

/**
 * AES-256-GCM for personal data at rest under SECRET_KEY, opening with the previous keys too.
 * Keep one per process (`ctx.cipher`); it holds no state besides the keys.
 */
export function createPiiCipher(secretKeyHex: string, previousHex: readonly string[] = []) {
  const current = sealingKey(secretKeyHex);
  const keys = [current, ...previousHex.map(sealingKey).filter((k) => k.id !== current.id)];
  const byId = new Map(keys.map((k) => [k.id, k]));
  const keyFor = (id: string) => {
    const key = byId.get(id);
    if (!key) throw new KeyUnavailableError(id);
    return key;
  };
  const textPrefix = `v2:${current.id}:`;
  return {
    /** The id of the key new values are sealed with. */
    keyId: current.id,
    /** Ids of every key this cipher can open with, current first. */
    keyIds: keys.map((k) => k.id),
    encrypt(plain: string): string {
      const { iv, tag, data } = gcmSeal(current.text, Buffer.from(plain, 'utf8'));
      return [`v2:${current.id}`, iv.toString('base64url'), tag.toString('base64url'), data.toString('base64url')].join(':');
    },
    decrypt(sealed: string): string {
      const parts = sealed.split(':');
      const b = (i: number) => Buffer.from(parts[i] ?? '', 'base64url');
      if (parts[0] === 'v2' && parts.length === 5) return gcmOpen(keyFor(parts[1]!).text, b(2), b(3), b(4)).toString('utf8');
      if (parts[0] === 'v1' && parts.length === 4)
        return tryEach(keys, (k) => gcmOpen(k.text, b(1), b(2), b(3)).toString('utf8'));
      throw new Error('not a sealed value');
    },
    /** The key id a text value names (null: sealed before key ids). */
    keyIdOfText(sealed: string): string | null {
      return sealed.startsWith('v2:') ? (sealed.split(':')[1] ?? null) : null;
    },
    /** True when a text value is sealed under the current key (nothing to re-seal). */
    isCurrentText(sealed: string): boolean {
      return sealed.startsWith(textPrefix);
    },
    sealBytes(plain: Buffer): Buffer {
      const { iv, tag, data } = gcmSeal(current.bytes, plain);
      return Buffer.concat([RAW_MAGIC, Buffer.from(current.id, 'hex'), iv, tag, data]);
    },
    openBytes(sealed: Buffer): Buffer {
      const legacy = () =>
        tryEach(keys, (k) => gcmOpen(k.bytes, sealed.subarray(0, 12), sealed.subarray(12, 28), sealed.subarray(28)));
      if (!sealed.subarray(0, RAW_MAGIC.length).equals(RAW_MAGIC)) return legacy();
      const id = sealed.subarray(RAW_MAGIC.length, RAW_HEADER).toString('hex');
      const body = sealed.subarray(RAW_HEADER);
      if (!byId.has(id)) {
        // A letter sealed before key ids whose random IV happens to begin like the header opens the old way.
        try {
          return legacy();
        } catch {
          throw new KeyUnavailableError(id);
        }
      }
      return gcmOpen(byId.get(id)!.bytes, body.subarray(0, 12), body.subarray(12, 28), body.subarray(28));
    },
    /** The header a byte value sealed under the current key begins with. */
    currentBytesHeader: Buffer.concat([RAW_MAGIC, Buffer.from(current.id, 'hex')]),
  };
}
export type PiiCipher = ReturnType<typeof createPiiCipher>;
