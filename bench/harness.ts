// What the HTTP benchmarks share: a fresh engine to run on (a temporary DATA_DIR for PGlite, a fresh
// database on BENCH_DATABASE_URL's server for PostgreSQL, both removed at the end), the app started
// as a child (`node --import tsx server/main.ts`, PAYDESK_ROLES=web, bound to 127.0.0.1), waiting
// for /readyz, percentiles and the CPU-per-request line. Each bench keeps its own data and load.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { CpuUse } from './cpu';
import { RawConnection } from './rawhttp';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Runs one statement on the PostgreSQL server as its admin (CREATE/DROP DATABASE). */
export async function adminSql(text: string) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export type BenchEngine = {
  engine: string;
  /** The app's environment for this engine (DATA_DIR; DATABASE_URL and SECRET_KEY on PostgreSQL). */
  env: Record<string, string>;
  /** The bench database's name on PostgreSQL ('-' on PGlite), for the CPU figures. */
  database: string;
  /** Starts the app on `port` with the engine's environment plus `extra`; stopped at the end. */
  startApp(port: number, extra?: Record<string, string>): ChildProcess;
};

/**
 * Gives `run` a fresh engine and removes everything afterwards, also when `run` throws: the app
 * (SIGTERM, waits for its exit), the PostgreSQL database, the data directory.
 */
export async function onEngine<T>(engine: string, name: string, run: (e: BenchEngine) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `paydesk-bench-${name}-`));
  const db = `bench_${name.replace(/\W/g, '_')}_${process.pid}`;
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    ...(engine === 'postgres' ? { DATABASE_URL: ADMIN_URL.replace(/\/[^/]*$/, `/${db}`), SECRET_KEY: 'b'.repeat(64) } : {}),
  };
  const children: ChildProcess[] = [];
  try {
    if (engine === 'postgres') await adminSql(`CREATE DATABASE ${db}`);
    return await run({
      engine,
      env,
      database: engine === 'postgres' ? db : '-',
      startApp(port, extra = {}) {
        const nodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? '').split(' ').filter(Boolean);
        const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(root, 'server/main.ts')], {
          cwd: root,
          env: {
            ...process.env,
            ...env,
            PORT: String(port),
            HOST: '127.0.0.1',
            PAYDESK_ROLES: 'web',
            LOG_LEVEL: 'warn',
            SEED_DEMO: 'false',
            ...extra,
          },
          stdio: ['ignore', 'ignore', 'inherit'],
        });
        children.push(child);
        return child;
      },
    });
  } finally {
    for (const child of children) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    if (engine === 'postgres') await adminSql(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Waits up to two minutes for the app's /readyz to answer 200. */
export async function waitReady(port: number) {
  for (let i = 0; i < 240; i++) {
    try {
      const c = new RawConnection(port);
      const res = await c.request('GET', '/readyz');
      c.close();
      if (res.status === 200) return;
    } catch {
      // not yet
    }
    await sleep(500);
  }
  throw new Error('the app did not become ready');
}

/** The p-th percentile (nearest rank) of the latencies. */
export function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

/** "; CPU ms/request: app …, pg …, client …, others …" — the app, the bench database, this client, the rest. */
export function cpuPerRequest(use: CpuUse | null, requests: number): string {
  if (!use) return '';
  const ms = (s: number) => ((s * 1000) / requests).toFixed(2);
  return `; CPU ms/request: app ${ms(use.app)}, pg ${ms(use.pg)}, client ${ms(use.bench)}, others ${ms(use.others)}`;
}
