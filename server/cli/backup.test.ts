import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { SecretKeyError } from '../platform/keycheck';
import { keyIdOf } from '../platform/keyring';
import { createRuntime } from '../runtime';
import { testDatabaseUrl } from '../test/db';
import { PNG_1x1 } from '../test/files';

const root = fileURLToPath(new URL('../..', import.meta.url));
const silent = pino({ level: 'silent' });
const cli = (dataDir: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'server/cli.ts'), ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', SECRET_KEY: '', LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    timeout: 120_000,
  });

function runtimeOn(dataDir: string, env: Record<string, string> = {}) {
  return createRuntime(loadConfig({ env: { DATA_DIR: dataDir, SEED_DEMO: 'false', ...env }, warn: () => undefined }), {
    logger: silent,
    background: false,
  });
}

async function readBack(dataDir: string, fileKey: string, env: Record<string, string> = {}) {
  const runtime = await runtimeOn(dataDir, env);
  try {
    const { rows } = await runtime.ctx.handle.query<{ v: string }>(
      'SELECT passport_sealed AS v FROM demo_wallets ORDER BY wallet_number',
    );
    const chunks: Buffer[] = [];
    for await (const chunk of runtime.ctx.storage.read(fileKey)) chunks.push(chunk as Buffer);
    return { passports: rows.map((r) => runtime.ctx.cipher.decrypt(r.v)), file: Buffer.concat(chunks) };
  } finally {
    await runtime.close();
  }
}

// The embedded database's backup; on PostgreSQL it is pg_dump's job (docs/OPERATIONS.md).
describe.skipIf(testDatabaseUrl)('backup and restore of the embedded database', () => {
  it('restores into a new DATA_DIR: sealed fields open with the same key, uploaded files are there, the key is not in the backup', async () => {
    const from = mkdtempSync(path.join(tmpdir(), 'paydesk-backup-from-'));
    const first = await createRuntime(loadConfig({ env: { DATA_DIR: from, SEED_DEMO: 'true' }, warn: () => undefined }), {
      logger: silent,
      background: false,
    });
    const stored = await first.ctx.storage.put(Readable.from([PNG_1x1]), { maxBytes: 1 << 20, accept: ['image/png'] });
    await first.close();
    const key = readFileSync(path.join(from, 'secret.key'), 'utf8').trim();
    const original = await readBack(from, stored.key);
    expect(original.passports.length).toBeGreaterThan(0);

    const file = path.join(mkdtempSync(path.join(tmpdir(), 'paydesk-backups-')), 'paydesk.tar');
    const backup = cli(from, 'backup', file);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toContain('1 uploaded file(s)');
    expect(backup.stdout).toContain(`The secret key is NOT in it`);
    expect(backup.stdout).toContain(keyIdOf(key));
    expect(readFileSync(file).includes(Buffer.from(key))).toBe(false);
    expect(cli(from, 'backup', file).stderr).toMatch(/already exists/);

    const to = mkdtempSync(path.join(tmpdir(), 'paydesk-backup-to-'));
    const restore = cli(to, 'restore', file);
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    expect(restore.stdout).toContain(`put the secret key of key id ${keyIdOf(key)}`);
    expect(existsSync(path.join(to, 'secret.key'))).toBe(false);
    expect(cli(to, 'restore', file).stderr).toMatch(/already holds a database/);

    // Another key is refused; the same key reads the sealed passports and the file as before.
    await expect(runtimeOn(to, { SECRET_KEY: 'f'.repeat(64) })).rejects.toThrow(SecretKeyError);
    copyFileSync(path.join(from, 'secret.key'), path.join(to, 'secret.key'));
    const restored = await readBack(to, stored.key);
    expect(restored.passports).toEqual(original.passports);
    expect(restored.file.equals(PNG_1x1)).toBe(true);
  }, 300_000);

  it('refuses a file that is not a backup', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'paydesk-backup-bad-'));
    const bogus = path.join(dir, 'x.tar');
    spawnSync('tar', ['-cf', bogus, '-C', root, 'package.json']);
    const res = cli(path.join(dir, 'data'), 'restore', bogus);
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/is not a paydesk backup/);
    expect(existsSync(path.join(dir, 'data', 'pgdata'))).toBe(false);
  }, 120_000);
});
