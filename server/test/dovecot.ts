import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A real Dovecot IMAP server on 127.0.0.1 for tests: plain authentication from a password file,
 * maildirs under a temp directory, a free port. Installs Debian's `dovecot-imapd` when it is missing
 * and we are root (CI installs it in .ci/run). Returns null, with the reason, when it cannot run.
 */
export type Dovecot = { host: string; port: number; user: string; password: string; close(): void };

const DOVECOT = ['/usr/sbin/dovecot', '/usr/bin/dovecot'];

function binary(): string | null {
  return DOVECOT.find((p) => existsSync(p)) ?? null;
}

function install(): string | null {
  if (binary()) return binary();
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { env, stdio: 'ignore', timeout: 180_000 });
  spawnSync('apt-get', ['install', '-y', '-qq', 'dovecot-imapd'], { env, stdio: 'ignore', timeout: 300_000 });
  return binary();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function idOf(kind: 'u' | 'g', name: string): number | null {
  try {
    return Number(execFileSync('id', [`-${kind}`, name], { encoding: 'utf8' }).trim());
  } catch {
    return null;
  }
}

export async function startDovecot(): Promise<{ server: Dovecot | null; reason: string }> {
  const bin = install();
  if (!bin)
    return { server: null, reason: 'dovecot is not installed and could not be installed (apt-get install dovecot-imapd)' };
  const uid = idOf('u', 'dovecot');
  const gid = idOf('g', 'dovecot');
  if (uid === null || gid === null) return { server: null, reason: 'the dovecot system user is missing' };
  const dir = mkdtempSync(path.join(tmpdir(), 'paydesk-dovecot-'));
  const port = await freePort();
  const user = 'support@paydesk.local';
  const password = 'imap-test-pass';
  // Dovecot's auth process runs as the dovecot user: it must reach the password file.
  chmodSync(dir, 0o755);
  for (const d of ['run', 'state', 'mail']) mkdirSync(path.join(dir, d), { recursive: true });
  writeFileSync(path.join(dir, 'users'), `${user}:{PLAIN}${password}::::::\n`, { mode: 0o644 });
  const conf = path.join(dir, 'dovecot.conf');
  writeFileSync(
    conf,
    [
      `base_dir = ${dir}/run`,
      `state_dir = ${dir}/state`,
      `log_path = ${dir}/dovecot.log`,
      'protocols = imap',
      'listen = 127.0.0.1',
      'ssl = no',
      'disable_plaintext_auth = no',
      'auth_mechanisms = plain login',
      `first_valid_uid = ${uid}`,
      `passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u ${dir}/users\n}`,
      `userdb {\n  driver = static\n  args = uid=${uid} gid=${gid} home=${dir}/mail/%u\n}`,
      `mail_location = maildir:${dir}/mail/%u/Maildir`,
      `service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
      `service stats {\n  unix_listener stats-reader {\n    mode = 0666\n  }\n  unix_listener stats-writer {\n    mode = 0666\n  }\n}`,
      '',
    ].join('\n'),
  );
  execFileSync('chown', ['-R', `${uid}:${gid}`, path.join(dir, 'mail')]);
  // stdio ignored: the daemon would otherwise keep our pipes open and spawnSync would wait for it.
  const started = spawnSync(bin, ['-c', conf], { stdio: 'ignore', timeout: 30_000 });
  if (started.status !== 0) {
    const log = existsSync(path.join(dir, 'dovecot.log')) ? readFileSync(path.join(dir, 'dovecot.log'), 'utf8') : '';
    rmSync(dir, { recursive: true, force: true });
    return { server: null, reason: `dovecot did not start (exit ${started.status}): ${log}`.slice(0, 800) };
  }
  // Wait for the listener.
  const deadline = Date.now() + 10_000;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const s = createServer();
      s.once('error', () => resolve(true));
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(false)));
    });
    if (open || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    reason: '',
    server: {
      host: '127.0.0.1',
      port,
      user,
      password,
      close() {
        spawnSync(bin, ['-c', conf, 'stop'], { timeout: 15_000 });
        rmSync(dir, { recursive: true, force: true });
      },
    },
  };
}
