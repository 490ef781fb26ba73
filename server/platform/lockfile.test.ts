import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './lockfile';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tmp = () => mkdtempSync(path.join(tmpdir(), 'paydesk-lock-'));
let holder: ChildProcess | null = null;
afterEach(() => {
  holder?.kill('SIGKILL');
  holder = null;
});

async function holdLock(dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/test/fixtures/hold-lock.ts'), dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
    child.on('exit', () => reject(new Error('holder exited')));
  });
  return child;
}

/** Runs a paydesk entry point on `dir` the way a person would, and returns its exit and output. */
function runEntry(entry: string, args: string[], dir: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, entry), ...args], {
    env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '', SECRET_KEY: 'c'.repeat(64), PORT: '0', LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('DATA_DIR lock', () => {
  it('writes the lock file with its PID and removes it on release', () => {
    const dir = tmp();
    const release = acquireDataDirLock(dir);
    expect(readFileSync(path.join(dir, 'paydesk.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(path.join(dir, 'paydesk.lock'))).toBe(false);
  });

  it('takes over a lock left by a process that is gone', () => {
    const dir = tmp();
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
    writeFileSync(path.join(dir, 'paydesk.lock'), String(dead));
    const release = acquireDataDirLock(dir);
    expect(readFileSync(path.join(dir, 'paydesk.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });

  it('makes a second process on the same DATA_DIR fail with DataDirLockedError', async () => {
    const dir = tmp();
    holder = await holdLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir)).toThrow(new RegExp(`PID ${holder.pid}`));
  });

  it('makes the server exit non-zero with a clear message while another process holds DATA_DIR', async () => {
    const dir = tmp();
    holder = await holdLock(dir);
    const server = runEntry('server/main.ts', [], dir);
    expect(server.status).not.toBe(0);
    expect(server.output).toContain(`in use by another paydesk process (PID ${holder.pid})`);
  });

  it('makes the CLI say so clearly while a server holds DATA_DIR', async () => {
    const dir = tmp();
    holder = await holdLock(dir);
    const cli = runEntry('server/cli.ts', ['migrate'], dir);
    expect(cli.status).toBe(1);
    expect(cli.output).toContain('stop that process first');
  });
});
