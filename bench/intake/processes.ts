// bench/intake's processes and databases: the app (or the floor) started as a child and waited for,
// the bench database on the admin URL, CPU accounting of the app, PostgreSQL and the bench.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { cpuSnapshot as takeCpuSnapshot, cpuUse as cpuSecondsUsed, type CpuSnapshot } from '../cpu';
import { adminUrl, DB_NAME, ENTRY_ARGS, FILING_LIMIT, here, LOG_LEVEL, POOL_SIZE, ROLES, root, SPREAD_IPS } from './config';

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function databaseUrl(name: string, via?: { host: string; port: number }): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  if (via) {
    url.hostname = via.host;
    url.port = String(via.port);
    // A Unix-socket URL (`?host=/var/run/postgresql`) must not bypass the counting proxy.
    url.searchParams.delete('host');
  }
  return url.toString();
}

export type CpuUse = { app: number; pg: number; bench: number; others: number };

export const cpuSnapshot = (appPid: number) => takeCpuSnapshot(appPid, DB_NAME);

/** Cores used on average between two snapshots. */
export function cpuUse(a: CpuSnapshot, b: CpuSnapshot): CpuUse {
  const u = cpuSecondsUsed(a, b);
  return { app: u.app / u.seconds, pg: u.pg / u.seconds, bench: u.bench / u.seconds, others: u.others / u.seconds };
}

export type App = { child: ChildProcess; port: number; stop: () => Promise<void> };

export async function startApp(url: string, dataDir: string, options: { cpuProfDir?: string } = {}): Promise<App> {
  const port = await freePort();
  const nodeArgs = options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : [];
  return startChild(port, [...nodeArgs, ...ENTRY_ARGS], {
    DATABASE_URL: url,
    DATABASE_POOL_SIZE: String(POOL_SIZE),
    DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    LOG_LEVEL,
    PAYDESK_ROLES: ROLES,
    TICKETS_PER_IP_HOUR: FILING_LIMIT,
    TICKETS_PER_EMAIL_HOUR: FILING_LIMIT,
    TRUST_PROXY: SPREAD_IPS ? 'true' : 'false',
    NODE_ENV: 'production',
    SECRET_KEY: randomBytes(32).toString('hex'),
  });
}

/** bench/http-floor.mjs: Fastify + one INSERT per request, the floor under any filing. */
export async function startFloor(url: string): Promise<App> {
  const port = await freePort();
  return startChild(port, [path.join(here, 'bench/http-floor.mjs')], {
    FLOOR_DATABASE_URL: url,
    FLOOR_POOL_SIZE: String(POOL_SIZE),
  });
}

/** Spawns a server on 127.0.0.1:port and waits until its /readyz answers 200. */
async function startChild(port: number, args: string[], env: Record<string, string>): Promise<App> {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    // BENCH_APP_LOG=1: the child's log lines (pino, on stdout) pass through, e.g. with BENCH_LOG_LEVEL=info.
    stdio: ['ignore', process.env.BENCH_APP_LOG === '1' ? 'inherit' : 'ignore', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const killed = await Promise.race([exited.then(() => true), sleep(20_000).then(() => false)]);
    if (!killed) {
      child.kill('SIGKILL');
      await exited;
    }
  };
  const started = performance.now();
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) break;
      if (performance.now() - started > 120_000) throw new Error('server did not become ready in 120 s');
      await sleep(25);
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { child, port, stop };
}
