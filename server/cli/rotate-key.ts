/**
 * `npm run paydesk -- rotate-key`: re-seals every sealed value under SECRET_KEY while the old
 * key is still given (SECRET_KEY_PREVIOUS or --previous), then retires the old key. Resumable:
 * run it again after an interruption. With the embedded database's generated key, `--generate`
 * makes the new key itself (DATA_DIR/secret.key.next until the rotation is done).
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Config } from '../config';
import type { DbHandle } from '../db/connection';
import { recordAudit } from '../platform/audit';
import { checkSecretKey } from '../platform/keycheck';
import { createPiiCipher, keyIdOf } from '../platform/keyring';
import { rotateKeys, type RotationResult } from '../platform/rotate';
import { CliError } from './commands';

export type RotateKeyInput = {
  /** Old keys given on the command line (added to SECRET_KEY_PREVIOUS). */
  previous: string[];
  /** Embedded database with a generated key file: make the new key here. */
  generate: boolean;
  out?: (line: string) => void;
};

const HEX64 = /^[0-9a-f]{64}$/;

function readKey(file: string): string {
  const key = readFileSync(file, 'utf8').trim().toLowerCase();
  if (!HEX64.test(key)) throw new CliError(`${file} is damaged (expected 64 hex characters)`);
  return key;
}

/** The new key and the old ones, from the configuration, the flags and (with --generate) the key file. */
function keysFor(config: Config, input: RotateKeyInput): { current: string; previous: string[]; next?: string } {
  for (const p of input.previous)
    if (!HEX64.test(p.toLowerCase())) throw new CliError('--previous: 64 hex characters (32 bytes)');
  const previous = [...config.SECRET_KEY_PREVIOUS, ...input.previous.map((p) => p.toLowerCase())];
  if (!input.generate) {
    if (previous.length === 0) {
      throw new CliError(
        'rotate-key needs the old key: start it with the new key as SECRET_KEY and the old one as SECRET_KEY_PREVIOUS ' +
          '(or --previous HEX); on the embedded database with a generated key, use --generate.',
      );
    }
    return { current: config.SECRET_KEY, previous };
  }
  if (!config.keyFile)
    throw new CliError('--generate is for a key generated into DATA_DIR; with SECRET_KEY set, give the new key as SECRET_KEY');
  const next = `${config.keyFile}.next`;
  // A run cut short left its new key here: resume with it.
  if (!existsSync(next)) writeFileSync(next, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  return { current: readKey(next), previous: [config.SECRET_KEY, ...previous], next };
}

/** Runs the rotation on an open, migrated database; returns what was done. */
export async function rotateKeyCommand(handle: DbHandle, config: Config, input: RotateKeyInput): Promise<RotationResult> {
  const out = input.out ?? (() => undefined);
  const keys = keysFor(config, input);
  const cipher = createPiiCipher(keys.current, keys.previous);
  // The new key is recorded, and every key still in use must be among those given.
  await checkSecretKey(handle, cipher, {});
  const from = keys.previous.map(keyIdOf).filter((id) => id !== cipher.keyId);
  await recordAudit(handle.db, {
    actor: { kind: 'system' },
    action: 'security.key_rotation_started',
    entityType: 'secret_key',
    entityId: cipher.keyId,
    data: { from },
  });
  out(`Re-sealing personal data under key ${cipher.keyId} (from ${from.join(', ') || 'values without a key id'})…`);
  const result = await rotateKeys(handle, cipher, { onBatch: (column, n) => n > 0 && out(`  ${column}: ${n} re-sealed`) });
  const finished = Object.keys(result.left).length === 0;
  await recordAudit(handle.db, {
    actor: { kind: 'system' },
    action: finished ? 'security.key_rotated' : 'security.key_rotation_incomplete',
    entityType: 'secret_key',
    entityId: cipher.keyId,
    data: { from, resealed: result.resealed, left: result.left, retired: result.retired },
  });
  if (!finished) {
    out(
      `Not finished: ${Object.entries(result.left)
        .map(([c, n]) => `${c} ${n}`)
        .join(', ')} still under an older key (changed meanwhile by a node with the old key?). Run rotate-key again.`,
    );
    return result;
  }
  if (keys.next && config.keyFile) {
    // The old key is kept beside it (backups made before today need it); the new one takes its place atomically.
    const kept = `${config.keyFile}.retired-${keyIdOf(config.SECRET_KEY)}`;
    copyFileSync(config.keyFile, kept);
    renameSync(keys.next, config.keyFile);
    out(
      `${config.keyFile} now holds the new key; the old one is in ${kept}: store it with the backups made before today, then delete it here.`,
    );
  } else {
    out(
      'Done. Start every node with the new SECRET_KEY alone (remove SECRET_KEY_PREVIOUS); keep the old key with the backups made before today.',
    );
  }
  out(
    `Re-sealed: ${Object.entries(result.resealed)
      .map(([c, n]) => `${c} ${n}`)
      .join(', ')}; retired keys: ${result.retired.join(', ') || 'none'}.`,
  );
  return result;
}
