// Start-up benchmark: time from process spawn to /readyz answering, and resident memory
// after 5 s idle, on the embedded database (cold: empty DATA_DIR, so migrations + demo data;
// warm: the same DATA_DIR again) and on the PostgreSQL server (BENCH_DATABASE_URL, default
// the local one; cold = a freshly created database). Prints a table; run: npm run bench:startup
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = fileURLToPath(new URL('..', import.meta.url));
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Math.round(Number(line?.replace(/\D+/g, '') ?? 0) / 1024);
}

async function startOnce(env: Record<string, string>): Promise<{ seconds: number; rss: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts')], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn', HOST: '127.0.0.1' },
    stdio: 'ignore',
  });
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
    const seconds = (performance.now() - started) / 1000;
    await sleep(5_000);
    return { seconds, rss: rssMiB(child.pid ?? 0) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(sql);
  await client.end();
}

type Row = { scenario: string; seconds: number[]; rss: number[] };
const rows: Row[] = [];
const record = (scenario: string, r: { seconds: number; rss: number }) => {
  const row = rows.find((x) => x.scenario === scenario) ?? rows[rows.push({ scenario, seconds: [], rss: [] }) - 1]!;
  row.seconds.push(r.seconds);
  row.rss.push(r.rss);
};

for (let i = 0; i < RUNS; i++) {
  const dir = mkdtempSync(path.join(tmpdir(), 'paydesk-bench-'));
  const embedded = { DATA_DIR: dir, DATABASE_URL: '', SEED_DEMO: 'true' };
  record('embedded (PGlite), cold: empty DATA_DIR', await startOnce(embedded));
  record('embedded (PGlite), warm', await startOnce(embedded));
  rmSync(dir, { recursive: true, force: true });

  const name = `paydesk_bench_${Date.now()}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const server = {
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'paydesk-bench-')),
    DATABASE_URL: url.toString(),
    SECRET_KEY: 'b'.repeat(64),
    SEED_DEMO: 'true',
  };
  record('PostgreSQL server, cold: new database', await startOnce(server));
  record('PostgreSQL server, warm', await startOnce(server));
  await admin(`DROP DATABASE ${name} WITH (FORCE)`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
console.log(`\nStart-up to /readyz and RSS after 5 s idle; median of ${RUNS} runs`);
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`,
);
console.log('| scenario | start-up, s | idle RSS, MiB |');
console.log('| --- | --- | --- |');
for (const r of rows) console.log(`| ${r.scenario} | ${median(r.seconds).toFixed(2)} | ${median(r.rss)} |`);
