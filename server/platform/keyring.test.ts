import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPiiCipher, KeyUnavailableError, keyIdOf } from './keyring';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

/** A value in the format used before key ids (`v1:iv:tag:data`), as the old code sealed it. */
function legacyText(hex: string, plain: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', Buffer.from(hex, 'hex'), iv);
  const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return ['v1', iv.toString('base64url'), c.getAuthTag().toString('base64url'), data.toString('base64url')].join(':');
}

/** A raw letter as sealed before key ids: IV | tag | ciphertext under the HKDF-derived key. */
function legacyBytes(hex: string, plain: Buffer): Buffer {
  const key = Buffer.from(hkdfSync('sha256', Buffer.from(hex, 'hex'), Buffer.alloc(0), 'paydesk raw mail v1', 32));
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([c.update(plain), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), data]);
}

describe('sealed values name their key', () => {
  it('gives each key a stable id that is not the key', () => {
    expect(keyIdOf(A)).toMatch(/^[0-9a-f]{12}$/);
    expect(keyIdOf(A)).toBe(keyIdOf(A.toUpperCase()));
    expect(keyIdOf(A)).not.toBe(keyIdOf(B));
    expect(A).not.toContain(keyIdOf(A));
  });

  it('seals text under the current key, with its id, and opens it', () => {
    const cipher = createPiiCipher(A);
    const sealed = cipher.encrypt('4508 123456');
    expect(sealed.startsWith(`v2:${keyIdOf(A)}:`)).toBe(true);
    expect(sealed).not.toContain('4508');
    expect(cipher.decrypt(sealed)).toBe('4508 123456');
    expect(cipher.isCurrentText(sealed)).toBe(true);
    expect(cipher.keyIdOfText(sealed)).toBe(keyIdOf(A));
  });

  it('opens values of the previous key while sealing under the new one', () => {
    const old = createPiiCipher(A).encrypt('КВ 123456');
    const rotating = createPiiCipher(B, [A]);
    expect(rotating.decrypt(old)).toBe('КВ 123456');
    expect(rotating.isCurrentText(old)).toBe(false);
    expect(rotating.encrypt('x').startsWith(`v2:${keyIdOf(B)}:`)).toBe(true);
    expect(rotating.keyIds).toEqual([keyIdOf(B), keyIdOf(A)]);
  });

  it('says which key is missing instead of failing on the tag', () => {
    const old = createPiiCipher(A).encrypt('4508 123456');
    expect(() => createPiiCipher(B).decrypt(old)).toThrow(KeyUnavailableError);
    expect(() => createPiiCipher(B).decrypt(old)).toThrow(keyIdOf(A));
  });

  it('opens values sealed before key ids with whichever key given fits', () => {
    expect(createPiiCipher(A).decrypt(legacyText(A, 'old value'))).toBe('old value');
    expect(createPiiCipher(B, [A]).decrypt(legacyText(A, 'old value'))).toBe('old value');
    expect(() => createPiiCipher(B).decrypt(legacyText(A, 'old value'))).toThrow();
  });

  it('seals bytes with a header naming the key; opens old-format letters too', () => {
    const letter = Buffer.from('Subject: паспорт 4508 123456\r\n\r\nhello');
    const cipher = createPiiCipher(A);
    const sealed = cipher.sealBytes(letter);
    expect(sealed.subarray(0, 9).equals(cipher.currentBytesHeader)).toBe(true);
    expect(sealed.includes(Buffer.from('4508'))).toBe(false);
    expect(cipher.openBytes(sealed).equals(letter)).toBe(true);
    expect(createPiiCipher(B, [A]).openBytes(sealed).equals(letter)).toBe(true);
    expect(() => createPiiCipher(B).openBytes(sealed)).toThrow(KeyUnavailableError);
    expect(createPiiCipher(B, [A]).openBytes(legacyBytes(A, letter)).equals(letter)).toBe(true);
  });

  it('refuses a tampered value', () => {
    const cipher = createPiiCipher(A);
    const sealed = cipher.encrypt('4508 123456');
    const parts = sealed.split(':');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => cipher.decrypt(parts.join(':'))).toThrow();
    expect(() => cipher.decrypt('not sealed')).toThrow('not a sealed value');
  });
});
