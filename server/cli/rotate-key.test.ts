import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { SecretKeyError } from '../platform/keycheck';
import { keyIdOf } from '../platform/keyring';
import { createRuntime } from '../runtime';
import { testDatabaseUrl } from '../test/db';

const root = fileURLToPath(new URL('../..', import.meta.url));
const silent = pino({ level: 'silent' });

/** A process of the real entry point on DATA_DIR, its key from the file unless SECRET_KEY is given. */
function run(entry: 'cli.ts' | 'main.ts', dataDir: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'server', entry), ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', SECRET_KEY: '', PORT: '0', LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

async function walletPassports(dataDir: string, env: Record<string, string> = {}) {
  const runtime = await createRuntime(
    loadConfig({ env: { DATA_DIR: dataDir, SEED_DEMO: 'false', ...env }, warn: () => undefined }),
    {
      logger: silent,
      background: false,
    },
  );
  try {
    const { rows } = await runtime.ctx.handle.query<{ v: string }>(
      'SELECT passport_sealed AS v FROM demo_wallets ORDER BY wallet_number',
    );
    return rows.map((r) => runtime.ctx.cipher.decrypt(r.v));
  } finally {
    await runtime.close();
  }
}

// The embedded database's scenario: the PostgreSQL run of the suite has nothing to add to it.
describe.skipIf(testDatabaseUrl)('the secret key of an embedded database', () => {
  it('refuses to start with another key; rotate-key --generate moves the data to a new key, the old one is retired', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'paydesk-keys-'));
    // First start: a key is generated into DATA_DIR, the demo wallets' passports are sealed with it.
    const first = await createRuntime(loadConfig({ env: { DATA_DIR: dataDir, SEED_DEMO: 'true' }, warn: () => undefined }), {
      logger: silent,
      background: false,
    });
    await first.close();
    const oldKey = readFileSync(path.join(dataDir, 'secret.key'), 'utf8').trim();
    const passports = await walletPassports(dataDir);
    expect(passports.length).toBeGreaterThan(0);

    // Another key: the server says so and stops, one clear message, no stack.
    const wrong = run('main.ts', dataDir, [], { SECRET_KEY: 'e'.repeat(64) });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain(`SECRET_KEY does not match this database`);
    expect(wrong.stderr).toContain(keyIdOf(oldKey));
    expect(wrong.stderr).not.toMatch(/\n\s+at /);

    const rotated = run('cli.ts', dataDir, ['rotate-key', '--generate']);
    expect(rotated.stderr).toBe('');
    expect(rotated.status).toBe(0);
    expect(rotated.stdout).toMatch(/demo_wallets\.passport_sealed: \d+ re-sealed/);
    const newKey = readFileSync(path.join(dataDir, 'secret.key'), 'utf8').trim();
    expect(newKey).not.toBe(oldKey);
    expect(readFileSync(path.join(dataDir, `secret.key.retired-${keyIdOf(oldKey)}`), 'utf8').trim()).toBe(oldKey);
    expect(existsSync(path.join(dataDir, 'secret.key.next'))).toBe(false);

    // The new key (from the file) reads everything; the old one is refused as retired.
    expect(await walletPassports(dataDir)).toEqual(passports);
    await expect(walletPassports(dataDir, { SECRET_KEY: oldKey })).rejects.toThrow(SecretKeyError);
    await expect(walletPassports(dataDir, { SECRET_KEY: oldKey })).rejects.toThrow(/retired by a key rotation/);

    // Without the old key there is nothing to rotate from: a clear refusal.
    const noOld = run('cli.ts', dataDir, ['rotate-key'], { SECRET_KEY: newKey });
    expect(noOld.status).toBe(1);
    expect(noOld.stderr).toMatch(/rotate-key needs the old key/);
  }, 300_000);
});
