// Request-intake benchmark: files requests over HTTP (POST /api/v1/tickets) at concurrency
// 1, 8 and 32 against a PostgreSQL server and prints requests/s and p50/p90/p99, beside a
// same-run baseline of plain single-row `BEGIN; INSERT; COMMIT` transactions through a pg Pool
// of the app's size. Then counts the SQL round trips, transactions and rows of one filing
// through a counting TCP proxy in front of PostgreSQL (a second start of the app).
//
// Data generator: a fresh database on BENCH_DATABASE_URL's server, the app started as a child
// (`node --import tsx server/main.ts`, SEED_DEMO=true, LOG_LEVEL=warn, PAYDESK_ROLES=web,worker)
// with the filing limits raised; the demo customer signs in; guests file with a new e-mail each.
// Load goes only to 127.0.0.1. Everything is bounded in time; the database is dropped at the end.
//
// Run: npm run bench:intake. Knobs (environment):
//   BENCH_DATABASE_URL   admin URL of the server (default postgres://postgres@127.0.0.1:5432/postgres; over the Unix
//                        socket: postgres://postgres@localhost/postgres?host=/var/run/postgresql)
//   BENCH_SECONDS        measured seconds per level (10); BENCH_WARMUP_SECONDS (2)
//   BENCH_LEVELS         concurrency levels (1,8,32)
//   BENCH_SCENARIOS      subset of: customer-suggestion,guest-suggestion,customer-receipt,guest-receipt,floor,baseline,count
//                        (floor: bench/http-floor.mjs, Fastify + one INSERT per POST, the suggestion's JSON body)
//   BENCH_ROLES          PAYDESK_ROLES of the child (web,worker)
//   BENCH_CPU_PROF       a directory: the load child runs with --cpu-prof there (see bench/cpuprofile.ts)
//   BENCH_APP_DIR        the checkout to run (default this one; for experiments on a copy)
//   BENCH_SERVER_ENTRY   the entry, relative to it (server/main.ts through tsx; a .js/.mjs file runs on plain node)
//   BENCH_SPREAD_IPS     1: TRUST_PROXY=true and a distinct X-Forwarded-For per request (per-IP limit rows spread)
//   BENCH_LOG_LEVEL      LOG_LEVEL of the child (warn); BENCH_POOL_SIZE: DATABASE_POOL_SIZE and the baseline's pool (10)
//   BENCH_APP_LOG        1: pass the child's log (stdout) through
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { cpuSnapshot as takeCpuSnapshot, cpuUse as cpuSecondsUsed, type CpuSnapshot } from './cpu';

const here = fileURLToPath(new URL('..', import.meta.url));
const root = path.resolve(process.env.BENCH_APP_DIR ?? here);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const LEVELS = (process.env.BENCH_LEVELS ?? '1,8,32').split(',').map(Number);
const ROLES = process.env.BENCH_ROLES ?? 'web,worker';
const CPU_PROF = process.env.BENCH_CPU_PROF ?? '';
const ENTRY = process.env.BENCH_SERVER_ENTRY ?? 'server/main.ts';
const ENTRY_ARGS = /\.m?js$/.test(ENTRY) ? [path.join(root, ENTRY)] : ['--import', 'tsx', path.join(root, ENTRY)];
const SPREAD_IPS = process.env.BENCH_SPREAD_IPS === '1';
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'warn';
/** The app's default DATABASE_POOL_SIZE; the baseline's pool has the same size. */
const POOL_SIZE = Number(process.env.BENCH_POOL_SIZE ?? 10);
/** The config accepts at most 100 000 per hour; the counters are also cleared before each level. */
const FILING_LIMIT = '100000';
/** Sequential filings per scenario in the counting phase. */
const COUNT_FILINGS = 100;
/** Per level: never more requests than this, whatever the duration. */
const MAX_REQUESTS_PER_LEVEL = 200_000;
/** No level starts after this, and the counting phase not after COUNT_DEADLINE: the run ends well under 10 minutes. */
const DEADLINE = Date.now() + 6.5 * 60_000;
const COUNT_DEADLINE = Date.now() + 7.5 * 60_000;
/** Longest wait for the outbox to catch up after a level, or after the counted filings. */
const DRAIN_LIMIT_MS = 20_000;

const ALL_SCENARIOS = [
  'customer-suggestion',
  'guest-suggestion',
  'customer-receipt',
  'guest-receipt',
  'floor',
  'baseline',
  'count',
];
const SCENARIOS = new Set((process.env.BENCH_SCENARIOS ?? ALL_SCENARIOS.join(',')).split(',').map((s) => s.trim()));

/** A 1×1 PNG: the receipt scan of the terminal scenario. */
const PNG_1x1 = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f6e1c50000000049454e44ae426082',
  'hex',
);

// ---------------------------------------------------------------------------------------------
// Processes, databases, CPU accounting
// ---------------------------------------------------------------------------------------------

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function databaseUrl(name: string, via?: { host: string; port: number }): string {
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

type CpuUse = { app: number; pg: number; bench: number; others: number };

/** The bench database's name (CPU of its backends is PostgreSQL's; other databases' is "others"). */
const DB_NAME = `paydesk_bench_intake_${Date.now()}`;

const cpuSnapshot = (appPid: number) => takeCpuSnapshot(appPid, DB_NAME);

/** Cores used on average between two snapshots. */
function cpuUse(a: CpuSnapshot, b: CpuSnapshot): CpuUse {
  const u = cpuSecondsUsed(a, b);
  return { app: u.app / u.seconds, pg: u.pg / u.seconds, bench: u.bench / u.seconds, others: u.others / u.seconds };
}

type App = { child: ChildProcess; port: number; stop: () => Promise<void> };

async function startApp(url: string, dataDir: string, options: { cpuProfDir?: string } = {}): Promise<App> {
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
async function startFloor(url: string): Promise<App> {
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

// ---------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------

type Req = { method: string; path: string; headers: Record<string, string>; body?: Buffer };
type Res = { status: number; body: Buffer; headers: http.IncomingHttpHeaders };

function send(agent: http.Agent, port: number, req: Req): Promise<Res> {
  return new Promise((resolve, reject) => {
    const body = req.body ?? Buffer.alloc(0);
    const r = http.request(
      {
        host: '127.0.0.1',
        port,
        method: req.method,
        path: req.path,
        agent,
        headers: { ...req.headers, 'content-length': String(body.length) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
        res.on('error', reject);
      },
    );
    r.setTimeout(30_000, () => r.destroy(new Error('timeout')));
    r.on('error', reject);
    r.end(body);
  });
}

const json = (value: unknown) => ({
  headers: { 'content-type': 'application/json' },
  body: Buffer.from(JSON.stringify(value)),
});

function multipart(data: unknown, files: Array<{ field: string; name: string; type: string; content: Buffer }>) {
  const boundary = `----paydeskbench${randomUUID().replace(/-/g, '')}`;
  const chunks: Buffer[] = [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="data"\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(data)}\r\n`,
    ),
  ];
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: Buffer.concat(chunks) };
}

type Session = { cookie: string; csrf: string };

async function signIn(port: number): Promise<Session> {
  const agent = new http.Agent();
  try {
    const res = await send(agent, port, {
      method: 'POST',
      path: '/api/v1/auth/login',
      ...json({ kind: 'customer', login: 'customer@paydesk.local', password: 'demo-customer' }),
    });
    if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${res.body.toString()}`);
    const setCookie = res.headers['set-cookie'] ?? [];
    const cookie = setCookie.map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('pd_session='));
    const csrf = (JSON.parse(res.body.toString()) as { csrfToken?: unknown }).csrfToken;
    if (!cookie || typeof csrf !== 'string') throw new Error('sign-in gave no pd_session cookie or csrfToken');
    return { cookie, csrf };
  } finally {
    agent.destroy();
  }
}

type CatalogNode = { id: string; slug: string; isLeaf: boolean; children: CatalogNode[] };

async function leafIds(port: number, slugs: string[]): Promise<Map<string, string>> {
  const agent = new http.Agent();
  try {
    const res = await send(agent, port, { method: 'GET', path: '/api/v1/catalog', headers: {} });
    const { items } = JSON.parse(res.body.toString()) as { items: CatalogNode[] };
    const found = new Map<string, string>();
    const walk = (nodes: CatalogNode[]) => {
      for (const n of nodes) {
        if (n.isLeaf && slugs.includes(n.slug)) found.set(n.slug, n.id);
        walk(n.children);
      }
    };
    walk(items);
    for (const slug of slugs) if (!found.has(slug)) throw new Error(`leaf ${slug} not in the catalogue`);
    return found;
  } finally {
    agent.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// Scenarios: what one filing sends
// ---------------------------------------------------------------------------------------------

type Scenario = { name: string; label: string; build: (i: number) => Req };

const SUGGESTION_FIELDS = {
  topic: 'wallet',
  description: 'Please add a monthly spending chart to the wallet history screen.',
};

function scenarios(ids: Map<string, string>, session: Session): Scenario[] {
  const run = Date.now().toString(36);
  const suggestion = ids.get('feedback-suggestion') ?? '';
  const receipt = ids.get('terminal-payment-with-receipt') ?? '';
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 16);
  const receiptFields = {
    payment_at: yesterday,
    amount: { amount: '1500', currency: 'RUB' },
    service: 'Mobile top-up',
    recipient_account: '+79001112233',
    receipt_number: '000123456',
    contact_phone: '+79001112233',
    description: 'The payment went through at the terminal but the recipient did not get it.',
  };
  const customer = (): Record<string, string> => ({
    cookie: session.cookie,
    'x-csrf-token': session.csrf,
    'idempotency-key': randomUUID(),
  });
  const guest = (): Record<string, string> => ({ 'idempotency-key': randomUUID() });
  const guestOf = (i: number) => ({ email: `bench-${run}-${i}@example.com`, name: 'Bench Guest' });
  const receiptBody = (extra: Record<string, string>) =>
    multipart({ categoryId: receipt, fields: receiptFields, ...extra }, [
      { field: 'receipt_scan', name: 'receipt.png', type: 'image/png', content: PNG_1x1 },
    ]);
  const post = (headers: Record<string, string>, body: { headers: Record<string, string>; body: Buffer }): Req => ({
    method: 'POST',
    path: '/api/v1/tickets',
    headers: { ...headers, ...body.headers },
    body: body.body,
  });
  return [
    {
      name: 'customer-suggestion',
      label: 'signed-in customer, suggestion (JSON)',
      build: () => post(customer(), json({ categoryId: suggestion, fields: SUGGESTION_FIELDS })),
    },
    {
      name: 'guest-suggestion',
      label: 'guest, suggestion (JSON)',
      build: (i) => post(guest(), json({ categoryId: suggestion, fields: SUGGESTION_FIELDS, ...guestOf(i) })),
    },
    {
      name: 'customer-receipt',
      label: 'signed-in customer, terminal with receipt (multipart, 1×1 PNG)',
      build: () => post(customer(), receiptBody({})),
    },
    {
      name: 'guest-receipt',
      label: 'guest, terminal with receipt (multipart, 1×1 PNG)',
      build: (i) => post(guest(), receiptBody(guestOf(i))),
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Load: closed loop, `concurrency` workers each with one request in flight
// ---------------------------------------------------------------------------------------------

type Measured = { n: number; seconds: number; latencies: Float64Array; statuses: Map<string, number>; cpu: CpuUse };

async function closedLoop(
  concurrency: number,
  seconds: number,
  appPid: number,
  once: (i: number) => Promise<string>,
): Promise<Measured> {
  const latencies = new Float64Array(MAX_REQUESTS_PER_LEVEL);
  const statuses = new Map<string, number>();
  let next = 0;
  const before = cpuSnapshot(appPid);
  const end = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end && next < MAX_REQUESTS_PER_LEVEL) {
      const i = next++;
      const t0 = performance.now();
      let status: string;
      try {
        status = await once(i);
      } catch (err) {
        status = err instanceof Error ? ((err as NodeJS.ErrnoException).code ?? err.message.slice(0, 40)) : 'error';
      }
      latencies[i] = performance.now() - t0;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const after = cpuSnapshot(appPid);
  return {
    n: next,
    seconds: (after.at - before.at) / 1000,
    latencies: latencies.subarray(0, next),
    statuses,
    cpu: cpuUse(before, after),
  };
}

async function httpLevel(app: App, scenario: Scenario, concurrency: number, offset: { i: number }): Promise<Measured> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const once = async (i: number) => {
    const req = scenario.build(offset.i + i);
    if (SPREAD_IPS) req.headers['x-forwarded-for'] = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    const res = await send(agent, app.port, req);
    return String(res.status);
  };
  try {
    const warm = await closedLoop(concurrency, WARMUP_SECONDS, app.child.pid ?? 0, once);
    offset.i += warm.n;
    const from = process.hrtime.bigint() / 1000n;
    const measured = await closedLoop(concurrency, SECONDS, app.child.pid ?? 0, once);
    offset.i += measured.n;
    // Monotonic microseconds, the clock of V8's profiles: bench/cpuprofile.ts --window from-to.
    if (CPU_PROF) console.error(`${scenario.name} c=${concurrency}: profile window ${from}-${process.hrtime.bigint() / 1000n}`);
    return measured;
  } finally {
    agent.destroy();
  }
}

async function baselineLevel(url: string, concurrency: number): Promise<Measured> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  pool.on('error', () => undefined);
  const payload = 'x'.repeat(200);
  const once = async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('INSERT INTO bench_intake_baseline (payload) VALUES ($1)', [payload]);
      await client.query('COMMIT');
      return '201';
    } finally {
      client.release();
    }
  };
  try {
    await closedLoop(concurrency, WARMUP_SECONDS, 0, once);
    return await closedLoop(concurrency, SECONDS, 0, once);
  } finally {
    await pool.end();
  }
}

/** Undelivered outbox events and pg-boss jobs due now (not the SLA timers set for later). */
async function backlog(client: pg.Client): Promise<{ outbox: number; jobs: number }> {
  const { rows } = await client.query<{ outbox: number; jobs: number }>(
    `SELECT (SELECT count(*)::int FROM outbox_events WHERE delivered_at IS NULL) AS outbox,
            (SELECT count(*)::int FROM pgboss.job WHERE state IN ('created', 'retry', 'active') AND start_after <= now()) AS jobs`,
  );
  return rows[0] ?? { outbox: 0, jobs: 0 };
}

/** Waits (at most DRAIN_LIMIT_MS) until the outbox has delivered what the last level wrote; returns the seconds waited. */
async function drainOutbox(client: pg.Client): Promise<{ seconds: number; left: number }> {
  const started = performance.now();
  let left = (await backlog(client)).outbox;
  while (performance.now() - started < DRAIN_LIMIT_MS && left > 0) {
    await sleep(100);
    left = (await backlog(client)).outbox;
  }
  return { seconds: (performance.now() - started) / 1000, left };
}

// ---------------------------------------------------------------------------------------------
// Counting SQL: a TCP proxy that reads the frontend side of the PostgreSQL protocol
// ---------------------------------------------------------------------------------------------

/** A statement's shape: verb and tables, literals dropped, so counts group by kind of statement. */
function statementShape(text: string): string {
  const s = text.replace(/\s+/g, ' ').trim();
  const upper = s.toUpperCase();
  if (/^(BEGIN|COMMIT|ROLLBACK)\b/.test(upper)) return upper.split(' ')[0] ?? upper;
  if (s.startsWith('SELECT pg_notify') || s.startsWith('SELECT count(pg_notify')) return 'SELECT pg_notify(…)';
  if (/nextval\(/i.test(s)) return `SELECT nextval(${/nextval\('([^']+)'/.exec(s)?.[1] ?? '…'})`;
  const tables = [...s.matchAll(/\b(?:from|into|update|join)\s+((?:"?\w+"?\.)?"?\w+"?)/gi)]
    .map((m) => (m[1] ?? '').replace(/"/g, ''))
    .filter((t, i, all) => all.indexOf(t) === i);
  const verb = (/^\w+/.exec(upper)?.[0] ?? '?') === 'WITH' ? 'WITH' : (/^\w+/.exec(upper)?.[0] ?? '?');
  const upsert = /ON CONFLICT/i.test(s) ? (/DO NOTHING/i.test(s) ? ' … ON CONFLICT DO NOTHING' : ' … ON CONFLICT DO UPDATE') : '';
  return tables.length > 0 ? `${verb} ${tables.slice(0, 3).join(', ')}${upsert}` : s.slice(0, 50);
}

class SqlCounter {
  readonly shapes = new Map<string, number>();
  roundTrips = 0;
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();

  constructor(private readonly target: { host: string; port: number }) {}

  reset(): void {
    this.shapes.clear();
    this.roundTrips = 0;
  }

  async listen(): Promise<number> {
    this.server = net.createServer((client) => this.relay(client));
    return new Promise((resolve) => {
      this.server?.listen(0, '127.0.0.1', () => {
        const address = this.server?.address();
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise((r) => (this.server ? this.server.close(r) : r(undefined)));
  }

  private relay(client: net.Socket): void {
    const upstream = net.connect(this.target.port, this.target.host);
    this.sockets.add(client).add(upstream);
    let buffer = Buffer.alloc(0);
    let started = false;
    /** This connection's prepared statements by name ('' = the unnamed one): a named one is parsed once, bound every time. */
    const prepared = new Map<string, string>();
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!started) {
          // Startup (or SSLRequest) messages have no type byte: int32 length, int32 code.
          if (buffer.length < 8) break;
          const len = buffer.readUInt32BE(0);
          if (buffer.length < len) break;
          if (buffer.readUInt32BE(4) === 196608) started = true;
          buffer = buffer.subarray(len);
          continue;
        }
        if (buffer.length < 5) break;
        const total = 1 + buffer.readUInt32BE(1);
        if (buffer.length < total) break;
        this.message(String.fromCharCode(buffer[0] ?? 0), buffer.subarray(5, total), prepared);
        buffer = buffer.subarray(total);
      }
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  }

  private message(type: string, body: Buffer, prepared: Map<string, string>): void {
    const count = (text: string) => {
      const shape = statementShape(text);
      this.shapes.set(shape, (this.shapes.get(shape) ?? 0) + 1);
    };
    if (type === 'Q') {
      this.roundTrips += 1;
      count(body.toString('utf8', 0, body.length - 1));
    } else if (type === 'P') {
      // Parse: name, text. Counted when bound (below), so a named statement counts every execution.
      const nameEnd = body.indexOf(0);
      prepared.set(body.toString('utf8', 0, nameEnd), body.toString('utf8', nameEnd + 1, body.indexOf(0, nameEnd + 1)));
    } else if (type === 'B') {
      // Bind: portal name, statement name, …
      const portalEnd = body.indexOf(0);
      const name = body.toString('utf8', portalEnd + 1, body.indexOf(0, portalEnd + 1));
      count(prepared.get(name) ?? `(statement ${name} prepared before counting)`);
    } else if (type === 'S') {
      this.roundTrips += 1;
    }
  }
}

/** Statements run after commit by the outbox and pg-boss, not on the request's own path. */
const AFTER_COMMIT = [
  /^UPDATE outbox_events/,
  /pgboss\./,
  /pg_notify/,
  /^SELECT outgoing_mail$/,
  /^UPDATE outgoing_mail$/,
  /^SELECT count\(\*\)/,
];
const isAfterCommit = (shape: string) => AFTER_COMMIT.some((re) => re.test(shape));

type Counted = {
  name: string;
  perFiling: Map<string, number>;
  requestRoundTrips: number;
  afterRoundTrips: number;
  roundTrips: number;
  xacts: number;
  inserted: number;
  updated: number;
};

async function dbStats(client: pg.Client, name: string): Promise<{ xacts: number; inserted: number; updated: number }> {
  await client.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await client.query<{ xacts: string; inserted: string; updated: string }>(
    'SELECT xact_commit + xact_rollback AS xacts, tup_inserted AS inserted, tup_updated AS updated FROM pg_stat_database WHERE datname = $1',
    [name],
  );
  const r = rows[0];
  return { xacts: Number(r?.xacts ?? 0), inserted: Number(r?.inserted ?? 0), updated: Number(r?.updated ?? 0) };
}

async function countScenario(
  app: App,
  counter: SqlCounter,
  stats: pg.Client,
  name: string,
  scenario: Scenario,
  offset: { i: number },
): Promise<Counted> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    // Idle background (pg-boss polling, outbox sweep) over the same span, to subtract.
    await sleep(1_500);
    counter.reset();
    const idleStarted = performance.now();
    await sleep(3_000);
    const idleSeconds = (performance.now() - idleStarted) / 1000;
    const idle = new Map(counter.shapes);
    const idleTrips = counter.roundTrips;

    const before = await dbStats(stats, name);
    counter.reset();
    const started = performance.now();
    for (let i = 0; i < COUNT_FILINGS; i++) {
      const res = await send(agent, app.port, scenario.build(offset.i++));
      if (res.status !== 201) throw new Error(`${scenario.name}: filing answered ${res.status}: ${res.body.toString()}`);
    }
    // Let the outbox deliver (and pg-boss take) what the filings announced; stats flush within 1 s.
    const filed = performance.now();
    while ((await backlog(stats)).outbox > 0 && performance.now() - filed < DRAIN_LIMIT_MS) await sleep(100);
    await sleep(1_500);
    const seconds = (performance.now() - started) / 1000;
    const shapes = new Map(counter.shapes);
    const trips = counter.roundTrips;
    const after = await dbStats(stats, name);

    const scale = seconds / idleSeconds;
    const perFiling = new Map<string, number>();
    for (const [shape, n] of shapes) {
      const net = (n - (idle.get(shape) ?? 0) * scale) / COUNT_FILINGS;
      if (net >= 0.05) perFiling.set(shape, net);
    }
    let requestRoundTrips = 0;
    let afterRoundTrips = 0;
    for (const [shape, n] of perFiling) {
      // One round trip per statement (extended protocol: one Sync each; BEGIN/COMMIT are simple queries).
      if (isAfterCommit(shape)) afterRoundTrips += n;
      else requestRoundTrips += n;
    }
    return {
      name: scenario.name,
      perFiling,
      requestRoundTrips,
      afterRoundTrips,
      roundTrips: (trips - idleTrips * scale) / COUNT_FILINGS,
      // Our own two stats queries per reading are left in: 4 over COUNT_FILINGS filings.
      xacts: (after.xacts - before.xacts) / COUNT_FILINGS,
      inserted: (after.inserted - before.inserted) / COUNT_FILINGS,
      updated: (after.updated - before.updated) / COUNT_FILINGS,
    };
  } finally {
    agent.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

type Row = {
  scenario: string;
  concurrency: number;
  m: Measured;
  backlog?: { outbox: number; jobs: number };
  drained?: { seconds: number; left: number };
};
const rows: Row[] = [];
const counted: Counted[] = [];

const name = DB_NAME;
const dataDir = mkdtempSync(path.join(tmpdir(), 'paydesk-bench-intake-'));
const load = loadavg();
let app: App | null = null;
let counter: SqlCounter | null = null;
const stopAll = async () => {
  await app?.stop();
  app = null;
  await counter?.close();
  counter = null;
};
// Ctrl-C (npm passes it on as SIGTERM too): stop the app, drop the database, then exit.
let interrupted = false;
const onSignal = () => {
  if (interrupted) return;
  interrupted = true;
  void stopAll()
    .then(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
    .catch((err: unknown) => console.error('cleanup failed:', err))
    .finally(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(130);
    });
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

await admin(`CREATE DATABASE ${name}`);
try {
  const url = databaseUrl(name);
  app = await startApp(url, dataDir, CPU_PROF ? { cpuProfDir: CPU_PROF } : {});
  const session = await signIn(app.port);
  const ids = await leafIds(app.port, ['feedback-suggestion', 'terminal-payment-with-receipt']);
  const all = scenarios(ids, session);
  const stats = new pg.Client({ connectionString: url });
  // Dropping the database on Ctrl-C ends this connection: not a crash.
  stats.on('error', () => undefined);
  await stats.connect();
  try {
    await stats.query(
      'CREATE TABLE bench_intake_baseline (id bigserial PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now(), payload text NOT NULL)',
    );
    const offset = { i: 0 };
    for (const scenario of all.filter((s) => SCENARIOS.has(s.name))) {
      for (const c of LEVELS) {
        if (Date.now() > DEADLINE) break;
        await stats.query('DELETE FROM rate_counters');
        const m = await httpLevel(app, scenario, c, offset);
        const left = await backlog(stats);
        const drained = await drainOutbox(stats);
        rows.push({ scenario: scenario.label, concurrency: c, m, backlog: left, drained });
        console.error(`${scenario.name} c=${c}: ${(m.n / m.seconds).toFixed(0)} req/s`);
      }
    }
    if (SCENARIOS.has('floor')) {
      const floor = await startFloor(url);
      try {
        const body = json({ categoryId: ids.get('feedback-suggestion'), fields: SUGGESTION_FIELDS });
        const scenario: Scenario = {
          name: 'floor',
          label: 'floor: Fastify + one INSERT per request (bench/http-floor.mjs)',
          build: () => ({ method: 'POST', path: '/floor', headers: { ...body.headers }, body: body.body }),
        };
        for (const c of LEVELS) {
          if (Date.now() > DEADLINE) break;
          const m = await httpLevel(floor, scenario, c, offset);
          rows.push({ scenario: scenario.label, concurrency: c, m });
          console.error(`floor c=${c}: ${(m.n / m.seconds).toFixed(0)} req/s`);
        }
      } finally {
        await floor.stop();
      }
    }
    if (SCENARIOS.has('baseline')) {
      for (const c of LEVELS) {
        if (Date.now() > DEADLINE) break;
        const m = await baselineLevel(url, c);
        rows.push({ scenario: `baseline: BEGIN; INSERT; COMMIT (pg Pool of ${POOL_SIZE})`, concurrency: c, m });
        console.error(`baseline c=${c}: ${(m.n / m.seconds).toFixed(0)} tx/s`);
      }
    }
    await app.stop();
    app = null;

    if (SCENARIOS.has('count') && Date.now() < COUNT_DEADLINE) {
      const target = new URL(adminUrl);
      counter = new SqlCounter({ host: target.hostname, port: Number(target.port || 5432) });
      const proxyPort = await counter.listen();
      app = await startApp(databaseUrl(name, { host: '127.0.0.1', port: proxyPort }), dataDir);
      const countSession = await signIn(app.port);
      const countScenarios = scenarios(ids, countSession);
      for (const s of countScenarios.filter((x) => x.name.endsWith('-suggestion') || x.name === 'customer-receipt')) {
        counted.push(await countScenario(app, counter, stats, name, s, offset));
      }
    }
  } finally {
    await stats.end();
  }
} finally {
  await stopAll();
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  rmSync(dataDir, { recursive: true, force: true });
}

console.log(`\nRequest intake: POST /api/v1/tickets over keep-alive HTTP on 127.0.0.1, closed loop;`);
console.log(
  `${WARMUP_SECONDS} s warm-up then ${SECONDS} s per level; app: node ${ENTRY_ARGS.join(' ').replace(`${root}/`, '')}, PAYDESK_ROLES=${ROLES}, DATABASE_POOL_SIZE=${POOL_SIZE}, LOG_LEVEL=${LOG_LEVEL}${SPREAD_IPS ? ', X-Forwarded-For spread' : ''}`,
);
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average at start ${load.map((x) => x.toFixed(2)).join(' ')}`,
);
console.log('app, PostgreSQL and this load generator share the same cores; CPU columns are cores used on average.\n');
console.log(
  '| scenario | c | requests/s | p50, ms | p90, ms | p99, ms | answers | CPU cores: app / PostgreSQL / bench / others | CPU ms per request: app / PostgreSQL | outbox left, drained in | due jobs queued |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  const sorted = Float64Array.from(r.m.latencies).sort();
  const answers = [...r.m.statuses].map(([s, n]) => `${s}×${n}`).join(', ');
  const cpu = `${r.m.cpu.app.toFixed(2)} / ${r.m.cpu.pg.toFixed(2)} / ${r.m.cpu.bench.toFixed(2)} / ${r.m.cpu.others.toFixed(2)}`;
  const drained =
    r.drained &&
    (r.drained.left > 0 ? `${r.drained.left} still after ${DRAIN_LIMIT_MS / 1000} s` : `${r.drained.seconds.toFixed(1)} s`);
  const outbox = r.backlog ? `${r.backlog.outbox}, ${drained}` : '';
  const rate = r.m.n / r.m.seconds;
  const perRequest = `${r.m.cpu.app > 0 ? ((1000 * r.m.cpu.app) / rate).toFixed(2) : '–'} / ${((1000 * r.m.cpu.pg) / rate).toFixed(2)}`;
  console.log(
    `| ${r.scenario} | ${r.concurrency} | ${rate.toFixed(0)} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 90))} | ${ms(percentile(sorted, 99))} | ${answers} | ${cpu} | ${perRequest} | ${outbox} | ${r.backlog?.jobs ?? ''} |`,
  );
}

if (counted.length > 0) {
  console.log(`\nSQL per filing: ${COUNT_FILINGS} sequential filings through a counting proxy, idle background subtracted`);
  console.log(`| statement | ${counted.map((c) => c.name).join(' | ')} |`);
  console.log(`| --- | ${counted.map(() => '---').join(' | ')} |`);
  const shapes = [...new Set(counted.flatMap((c) => [...c.perFiling.keys()]))].sort(
    (a, b) => Number(isAfterCommit(a)) - Number(isAfterCommit(b)) || a.localeCompare(b),
  );
  for (const shape of shapes) {
    const cells = counted.map((c) => (c.perFiling.get(shape) ?? 0).toFixed(2).replace(/\.00$/, ''));
    console.log(`| ${isAfterCommit(shape) ? '(after commit) ' : ''}${shape.replace(/\|/g, '\\|')} | ${cells.join(' | ')} |`);
  }
  const line = (label: string, f: (c: Counted) => number) =>
    console.log(`| **${label}** | ${counted.map((c) => f(c).toFixed(1)).join(' | ')} |`);
  line('round trips on the request path', (c) => c.requestRoundTrips);
  line('round trips after commit (outbox, pg-boss)', (c) => c.afterRoundTrips);
  line('round trips in all (Sync + Query messages)', (c) => c.roundTrips);
  line('transactions (pg_stat_database, autocommit included)', (c) => c.xacts);
  line('rows inserted', (c) => c.inserted);
  line('rows updated', (c) => c.updated);
}
