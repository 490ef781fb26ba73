// File storage benchmark (issue 17): upload and download of 1 MB and 10 MB files at concurrency 8
// through a real paydesk node (a child process: server/main.ts) on a fresh database of the local
// PostgreSQL server, with FILE_STORAGE=database and =local in turn. Uploads go through the filing
// API (multipart, a signed-in customer, the terminal receipt form), downloads through the request's
// attachment route. Prints per phase: requests, MB/s, p50/p95 latency, and the node's resident memory
// (RSS from /proc) before, at its highest and after — flat when files stream. Traffic: 127.0.0.1 only.
//
// Run: npm run bench:files   (BENCH_FILES_PG=postgres://postgres@127.0.0.1:5432/postgres, BENCH_FILES_PORT=3176,
//      BENCH_FILES_STORAGES=database,local, BENCH_FILES_ROUNDS=1 to scale the request counts)
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { fillRequired } from '../server/test/forms';

const PG = process.env.BENCH_FILES_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PORT = Number(process.env.BENCH_FILES_PORT ?? 3176);
const STORAGES = (process.env.BENCH_FILES_STORAGES ?? 'database,local').split(',');
const ROUNDS = Number(process.env.BENCH_FILES_ROUNDS ?? 1);
const C = 8;
const BASE = `http://127.0.0.1:${PORT}`;
const PNG_SIGNATURE = Buffer.from('89504e470d0a1a0a', 'hex');

const sizes = [
  { label: '1 MB', bytes: 1_000_000, uploads: 64 * ROUNDS, downloads: 128 * ROUNDS },
  { label: '10 MB', bytes: 10_000_000, uploads: 16 * ROUNDS, downloads: 48 * ROUNDS },
];

async function admin(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function waitReady(child: ChildProcess) {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error('the node exited');
    if (
      await fetch(`${BASE}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the node did not get ready');
}

type Session = { cookie: string; csrf: string };

async function signIn(): Promise<Session> {
  const res = await fetch(`${BASE}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: BASE },
    body: JSON.stringify({ kind: 'customer', login: 'customer@paydesk.local', password: 'demo-customer' }),
  });
  if (res.status !== 200) throw new Error(`sign-in: ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

async function receiptForm(): Promise<{ categoryId: string; field: string; fields: Record<string, unknown> }> {
  type Node = { id: string; slug: string; children: Node[] };
  const { items } = (await (await fetch(`${BASE}/api/v1/catalog`)).json()) as { items: Node[] };
  const find = (nodes: Node[]): Node | undefined =>
    nodes.find((n) => n.slug === 'terminal-payment-with-receipt') ?? nodes.map((n) => find(n.children)).find(Boolean);
  const leaf = find(items)!;
  const { form } = (await (await fetch(`${BASE}/api/v1/catalog/${leaf.id}/form`)).json()) as {
    form: { fields: Array<{ key: string; type: string; required?: boolean; options?: Array<{ value: string }> }> };
  };
  // The payment's time must be in the past: an hour ago.
  const when = form.fields.find((f) => f.type === 'datetime')?.key;
  const fields = fillRequired(
    form.fields.filter((f) => f.type !== 'files'),
    when ? { [when]: new Date(Date.now() - 3600_000).toISOString().slice(0, 16) } : {},
  );
  return { categoryId: leaf.id, field: form.fields.find((f) => f.type === 'files')!.key, fields };
}

function multipartBody(data: unknown, field: string, content: Buffer) {
  const boundary = `----paydeskbench${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="data"\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(data)}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="receipt.png"\r\nContent-Type: image/png\r\n\r\n`,
  );
  return {
    body: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/** Runs `n` tasks `C` at a time; returns each one's latency in ms and the wall time. */
async function run(n: number, task: (i: number) => Promise<void>) {
  const times: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: C }, async () => {
      for (let i = next++; i < n; i = next++) {
        const s = performance.now();
        await task(i);
        times.push(performance.now() - s);
      }
    }),
  );
  return { times: times.sort((a, b) => a - b), wall: performance.now() - t0 };
}

async function bench(storage: string) {
  const db = `paydesk_bench_files_${Date.now()}`;
  const url = new URL(PG);
  await admin(PG, `CREATE DATABASE "${db}"`);
  url.pathname = `/${db}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'paydesk-bench-files-'));
  const node = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: url.toString(),
      SECRET_KEY: 'b'.repeat(64),
      PUBLIC_URL: BASE,
      FILE_STORAGE: storage,
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      TICKETS_PER_IP_HOUR: '100000',
      TICKETS_PER_EMAIL_HOUR: '100000',
      UPLOAD_MAX_MB: '10',
    },
    stdio: 'inherit',
  });
  try {
    await waitReady(node);
    const session = await signIn();
    const form = await receiptForm();
    for (const size of sizes) {
      const content = Buffer.concat([PNG_SIGNATURE, randomBytes(size.bytes - PNG_SIGNATURE.length)]);
      const downloads: string[] = [];
      let peak = 0;
      const sampler = setInterval(() => (peak = Math.max(peak, rssMb(node.pid!))), 50);
      const before = rssMb(node.pid!);
      const up = await run(size.uploads, async () => {
        // Each upload different bytes: no deduplication flatters the database storage.
        content.writeUInt32BE(Math.floor(Math.random() * 2 ** 32), 8);
        const { body, type } = multipartBody(
          { categoryId: form.categoryId, fields: form.fields, locale: 'ru' },
          form.field,
          content,
        );
        const res = await fetch(`${BASE}/api/v1/tickets`, {
          method: 'POST',
          headers: { 'content-type': type, cookie: session.cookie, 'x-csrf-token': session.csrf },
          body,
        });
        if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
        const { number } = (await res.json()) as { number: string };
        const ticket = (await (
          await fetch(`${BASE}/api/v1/tickets/${number}`, { headers: { cookie: session.cookie } })
        ).json()) as {
          attachments: Array<{ id: string }>;
        };
        downloads.push(`/api/v1/tickets/${number}/attachments/${ticket.attachments[0]!.id}`);
      });
      const down = await run(size.downloads, async (i) => {
        const res = await fetch(`${BASE}${downloads[i % downloads.length]}`, { headers: { cookie: session.cookie } });
        let got = 0;
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) got += chunk.length;
        if (res.status !== 200 || got !== size.bytes) throw new Error(`download: ${res.status}, ${got} bytes`);
      });
      clearInterval(sampler);
      const after = rssMb(node.pid!);
      const report = (name: string, r: { times: number[]; wall: number }) =>
        `  ${storage.padEnd(8)} ${size.label.padEnd(6)} ${name.padEnd(8)} n=${String(r.times.length).padEnd(4)} ` +
        `${((r.times.length * size.bytes) / 1e6 / (r.wall / 1000)).toFixed(1).padStart(6)} MB/s  ` +
        `p50 ${r.times[Math.floor(r.times.length / 2)]!.toFixed(0).padStart(5)} ms  p95 ${pct(r.times, 95).toFixed(0).padStart(5)} ms`;
      console.log(report('upload', up));
      console.log(report('download', down));
      console.log(
        `  ${storage.padEnd(8)} ${size.label.padEnd(6)} node RSS: ${before.toFixed(0)} MB before, ${peak.toFixed(0)} MB highest, ${after.toFixed(0)} MB after`,
      );
    }
  } finally {
    node.kill('SIGTERM');
    await new Promise((r) => node.once('exit', r));
    await admin(PG, `DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(
  `machine: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; node ${process.version}; load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(`concurrency ${C}; storages ${STORAGES.join(', ')}; PostgreSQL ${new URL(PG).host}`);
for (const storage of STORAGES) await bench(storage);
console.log(
  `load after: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
