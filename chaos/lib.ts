// Helpers of the chaos suite: the real app as a child process, a PostgreSQL server of our own,
// filing over HTTP and letters over SMTP. Traffic goes to 127.0.0.1 only; every loop is bounded.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The ports of this suite (the ops block 3160–3169); override with CHAOS_PORT_BASE. */
export const PORT_BASE = Number(process.env.CHAOS_PORT_BASE ?? 3160);

export type Counts = { acknowledged: number; found: number; lost: number; duplicated: number };

/** Waits until `probe` is true, at most `ms`; false on timeout. */
export async function until(probe: () => Promise<boolean>, ms: number, every = 250): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return true;
    await sleep(every);
  }
  return false;
}

export type App = { child: ChildProcess; port: number; log: () => string };

/** Starts `server/main.ts` with `env` and waits for /readyz (at most 180 s on a busy machine). */
export async function startApp(port: number, env: Record<string, string>): Promise<App> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d) => (log = (log + d).slice(-20_000)));
  child.stderr!.on('data', (d) => (log = (log + d).slice(-20_000)));
  const ok = await until(async () => {
    if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}: ${log}`);
    return (await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(5_000) })).ok;
  }, 180_000);
  if (!ok) {
    child.kill('SIGKILL');
    throw new Error(`app on ${port} not ready: ${log}`);
  }
  return { child, port, log: () => log };
}

/** kill -9, and waits for the process to be gone. */
export async function killHard(app: App): Promise<void> {
  if (app.child.exitCode !== null || app.child.signalCode !== null) return;
  const gone = new Promise((r) => app.child.once('exit', r));
  app.child.kill('SIGKILL');
  await gone;
}

/**
 * SIGTERM (graceful stop) and waits for the exit, at most 60 s: an app that does not stop is
 * killed and the scenario fails with its log (the suite stays bounded in time).
 */
export async function stopApp(app: App): Promise<void> {
  if (app.child.exitCode !== null || app.child.signalCode !== null) return;
  const gone = new Promise<boolean>((r) => app.child.once('exit', () => r(true)));
  app.child.kill('SIGTERM');
  const stopped = await Promise.race([gone, sleep(60_000).then(() => false)]);
  if (stopped) return;
  await killHard(app);
  throw new Error(`app on ${app.port} did not stop within 60 s of SIGTERM: ${app.log().slice(-3_000)}`);
}

/** One filing: a guest's suggestion whose text carries `marker`, with an Idempotency-Key. */
export async function file(
  port: number,
  categoryId: string,
  marker: string,
  key: string,
): Promise<'acknowledged' | 'refused' | 'unknown'> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key, origin: `http://127.0.0.1:${port}` },
      body: JSON.stringify({
        categoryId,
        email: `chaos-${marker}@example.test`,
        fields: { topic: 'wallet', description: `Проверка устойчивости ${marker}: тёмная тема в приложении.` },
      }),
      signal: AbortSignal.timeout(30_000),
    });
    await res.arrayBuffer();
    return res.status === 201 ? 'acknowledged' : 'refused';
  } catch {
    // The connection died with the process: the answer never came, the request may or may not exist.
    return 'unknown';
  }
}

/** The id of the demo leaf the chaos requests are filed in. */
export async function suggestionLeaf(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/catalog?audience=customer`, { signal: AbortSignal.timeout(30_000) });
  let found: string | undefined;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (o.slug === 'feedback-suggestion' && typeof o.id === 'string') found = o.id;
    Object.values(o).forEach(walk);
  };
  walk(await res.json());
  if (!found) throw new Error(`no feedback-suggestion leaf in the catalogue (${res.status})`);
  return found;
}

/**
 * Files from `workers` loops until `stop()` says so; each filing has its own marker and key.
 * Returns what each got: acknowledged (201), refused, or unknown (the process died meanwhile).
 */
export function fileLoad(port: () => number, categoryId: string, workers: number, stop: () => boolean, max = 400) {
  const results = new Map<string, { key: string; outcome: 'acknowledged' | 'refused' | 'unknown' }>();
  let sent = 0;
  const loops = Array.from({ length: workers }, async () => {
    while (!stop() && sent < max) {
      sent++;
      const marker = `chaos${randomUUID().replace(/-/g, '').slice(0, 16)}`;
      const key = randomUUID();
      results.set(marker, { key, outcome: await file(port(), categoryId, marker, key) });
    }
  });
  return { results, done: Promise.all(loops) };
}

/** Sends one raw letter over SMTP; true when it was answered 250. */
export async function sendLetter(port: number, marker: string, messageId: string): Promise<boolean> {
  const raw = Buffer.from(
    [
      `From: Клиент <${marker}@example.test>`,
      'To: support@paydesk.local',
      `Subject: =?UTF-8?B?${Buffer.from(`Не пришёл платёж ${marker}`).toString('base64')}?=`,
      `Message-ID: ${messageId}`,
      `Date: ${new Date().toUTCString()}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      `Здравствуйте! Платёж ${marker} через терминал не пришёл на кошелёк.`,
      '',
    ].join('\r\n'),
  );
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 20_000,
  });
  try {
    const info = await transport.sendMail({ envelope: { from: `${marker}@example.test`, to: ['support@paydesk.local'] }, raw });
    return /^250/.test(info.response);
  } catch {
    return false;
  } finally {
    transport.close();
  }
}

export type Postgres = { url: (db: string) => string; restart(): void; stop(): void; start(): void };

/**
 * A PostgreSQL server of this suite's own (never the machine's shared cluster), in a temporary
 * directory, listening on 127.0.0.1:`port`, run as the `postgres` user (PostgreSQL refuses root).
 */
export function startPostgres(port: number): Postgres {
  const installed = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => `/usr/lib/postgresql/${v}/bin`)
        .filter((d) => existsSync(path.join(d, 'pg_ctl')))
    : [];
  const onPath = spawnSync('sh', ['-c', 'command -v pg_ctl']).stdout.toString().trim();
  const bin = process.env.CHAOS_PG_BIN ?? installed[0] ?? (onPath ? path.dirname(onPath) : '/usr/lib/postgresql/15/bin');
  const dir = mkdtempSync(path.join(tmpdir(), 'paydesk-chaos-pg-'));
  chmodSync(dir, 0o700);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const ids = spawnSync('id', ['-u', 'postgres']).stdout.toString().trim();
    const gid = spawnSync('id', ['-g', 'postgres']).stdout.toString().trim();
    chownSync(dir, Number(ids), Number(gid));
  }
  const run = (cmd: string, args: string[]) => {
    const r = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args], { encoding: 'utf8' })
      : spawnSync(path.join(bin, cmd), args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=100`;
  const pg: Postgres = {
    url: (db) => `postgres://postgres@127.0.0.1:${port}/${db}`,
    start: () => run('pg_ctl', ['-D', data, '-o', opts, '-w', '-t', '60', '-l', path.join(dir, 'log'), 'start']),
    stop: () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']),
    restart: () =>
      run('pg_ctl', ['-D', data, '-o', opts, '-m', 'fast', '-w', '-t', '60', '-l', path.join(dir, 'log'), 'restart']),
  };
  pg.start();
  process.once('exit', () => {
    try {
      pg.stop();
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  });
  return pg;
}

/** Classifies what was found per marker: acknowledged ones must be found exactly once. */
export function tally(
  results: Map<string, { outcome: string }>,
  foundCount: (marker: string) => number,
): Counts & { replayed: number } {
  const counts = { acknowledged: 0, found: 0, lost: 0, duplicated: 0, replayed: 0 };
  for (const [marker, r] of results) {
    const n = foundCount(marker);
    if (r.outcome === 'acknowledged') counts.acknowledged++;
    if (r.outcome === 'replayed') counts.replayed++;
    if (n >= 1) counts.found++;
    if (n > 1) counts.duplicated++;
    if (n === 0 && (r.outcome === 'acknowledged' || r.outcome === 'replayed')) counts.lost++;
  }
  return counts;
}
