import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Start-up failures an operator meets (issue 14, item 10): the server, started as `npm start`
 * starts it, exits non-zero with one clear English line on stderr and no stack — and does not hang.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts')], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    // A hang is the failure this guards against: give up well before the test's own timeout.
    const timer = setTimeout(() => child.kill('SIGKILL'), 100_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

/** The lines paydesk wrote on stderr, without the notice of a generated key. */
const lines = (stderr: string) => stderr.split('\n').filter((l) => l.trim() && !l.startsWith('SECRET_KEY is not set'));

describe('start-up failures', () => {
  it('an unusable DATA_DIR (/proc/x): one line naming it, exit 1', { timeout: 120_000 }, async () => {
    const { code, stderr } = await start({ DATA_DIR: '/proc/paydesk-x', PORT: '0' });
    expect(code).toBe(1);
    expect(lines(stderr)).toEqual([expect.stringMatching(/^paydesk cannot start: DATA_DIR: cannot create \/proc\/paydesk-x/)]);
  });

  it('a database that does not answer: one line pointing at DATABASE_URL, exit 1', { timeout: 120_000 }, async () => {
    const { code, stderr } = await start({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/paydesk_nowhere',
      SECRET_KEY: 'c'.repeat(64),
      PORT: '0',
    });
    expect(code).toBe(1);
    expect(lines(stderr)).toEqual([expect.stringMatching(/^paydesk cannot start: the database does not answer .*DATABASE_URL/)]);
  });

  it('a port in use: one line naming the address, exit 1', { timeout: 120_000 }, async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const address = busy.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const dataDir = mkdtempSync(path.join(tmpdir(), 'paydesk-start-'));
    try {
      const { code, stderr } = await start({ DATA_DIR: dataDir, PORT: String(port) });
      expect(code).toBe(1);
      expect(lines(stderr)).toEqual([
        `paydesk cannot start: 127.0.0.1:${port} is already in use; stop the other program or set PORT`,
      ]);
    } finally {
      busy.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
