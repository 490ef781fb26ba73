// Queue benchmark: loads BENCH_TICKETS (default 1,000,000) requests — a realistic mix of
// statuses, departments, categories, ages, Priority customers and SLA marks — into a fresh
// PostgreSQL database, then measures the console's queue endpoints, the counts and the
// request workspace over HTTP at concurrency 8 (p50/p95). Load goes to 127.0.0.1 only.
// Run: npm run bench:queue   (a full run: a new database, generated, measured, dropped). Knobs:
//   BENCH_TICKETS      requests to generate (1,000,000; 100000 for a quicker run)
//   BENCH_REQUESTS     measured GETs per endpoint and level (400), after a warm-up round as large (and one
//                      warm-up round of every endpoint before the first is measured)
//   BENCH_LEVELS       concurrency levels (8); e.g. 1,8 to see the latency without queueing too
//   BENCH_ONLY         a subset of the endpoints: comma-separated parts of their names (e.g. counts,mine)
//   BENCH_KEEP_DB      a database name to keep and re-use: generated when it holds only the demo requests,
//                      otherwise measured as it is (the app migrates it first); never dropped
//   BENCH_CPU_PROF     a directory: the app runs with --cpu-prof there (bench/cpuprofile.ts reads it;
//                      the profile window of each endpoint is printed to stderr)
//   BENCH_LOG_LEVEL    LOG_LEVEL of the app (warn)
//   BENCH_CLIENT       raw (default: bench/rawhttp.ts, ~0.1 ms of CPU per request) or http (Node's http client, ~0.3 ms)
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { RawConnection } from './rawhttp';
import { cpuSnapshot as takeCpuSnapshot, cpuUse, type CpuUse } from './cpu';

const root = fileURLToPath(new URL('..', import.meta.url));
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
/** `raw` (default): keep-alive connections written and read by hand (bench/rawhttp.ts); `http`: Node's http client, as before. */
const CLIENT = process.env.BENCH_CLIENT ?? 'raw';
const LEVELS = (process.env.BENCH_LEVELS ?? '8').split(',').map(Number);
const CONCURRENCY = Math.max(...LEVELS);
const ONLY = (process.env.BENCH_ONLY ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const KEEP_DB = process.env.BENCH_KEEP_DB ?? '';
const CPU_PROF = process.env.BENCH_CPU_PROF ?? '';
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'warn';
if (KEEP_DB && !/^[a-z_][a-z0-9_]*$/.test(KEEP_DB)) throw new Error('BENCH_KEEP_DB: a plain lower-case name');
const DB = KEEP_DB || `paydesk_bench_queue_${Date.now()}`;
const dbUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${DB}`;
  return u.toString();
})();

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

async function sql(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

async function startApp(port: number): Promise<ChildProcess> {
  const profArgs = CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profArgs, '--import', 'tsx', path.join(root, 'server/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: dbUrl,
      SECRET_KEY: process.env.SECRET_KEY ?? 'b'.repeat(64),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL,
      SEED_DEMO: 'true',
      PAYDESK_ROLES: 'web',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'paydesk-bq-')),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app exited ${child.exitCode}`);
    if (
      await fetch(`http://127.0.0.1:${port}/readyz`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return child;
    if (Date.now() - started > 120_000) throw new Error('app not ready in 120 s');
    await sleep(100);
  }
}

const cpuSnapshot = (appPid: number) => takeCpuSnapshot(appPid, DB);

/** The data generator: one INSERT … SELECT generate_series, mixed like a support desk's year. */
async function generate(): Promise<void> {
  // Real request numbers (PD-<n><Luhn digit>), so search by number and the workspace find them.
  await sql(
    dbUrl,
    `CREATE FUNCTION pg_temp_luhn(digits text) RETURNS int LANGUAGE sql IMMUTABLE AS $$
       SELECT (10 - (sum(CASE WHEN (length(digits) - i) % 2 = 0 THEN (CASE WHEN d * 2 > 9 THEN d * 2 - 9 ELSE d * 2 END) ELSE d END) % 10)) % 10
         FROM (SELECT i, substr(digits, i, 1)::int d FROM generate_series(1, length(digits)) i) x $$`,
  );
  await sql(
    dbUrl,
    `
    WITH leaves AS (SELECT array_agg(id ORDER BY slug) ids, array_agg(current_form_id ORDER BY slug) forms, array_agg(department_id ORDER BY slug) deps, array_agg(sla_policy_id ORDER BY slug) pols FROM categories WHERE is_leaf AND current_form_id IS NOT NULL),
         staff AS (SELECT array_agg(id ORDER BY email) ids FROM staff_users),
         g AS (SELECT n, random() r1, random() r2, random() r3, random() r4, random() r5 FROM generate_series(1, ${TICKETS}) n)
    INSERT INTO tickets (number, category_id, form_id, department_id, tier, assignee_id, priority, priority_customer, status, channel, subject,
                         guest_email, requester_name, locale, fields, sla_policy_id, first_response_due_at, resolution_due_at,
                         at_risk_at, breached_at, first_responded_at, resolved_at, created_at, updated_at, confirmed_at)
    SELECT 'PD-' || (5000000 + n) || pg_temp_luhn((5000000 + n)::text), l.ids[k], l.forms[k], l.deps[k], 1 + (r3 * 10)::int / 8,
           CASE WHEN st IN ('open', 'pending_customer', 'resolved', 'archived', 'reopened') THEN s.ids[1 + (r4 * (array_length(s.ids, 1) - 1))::int] END,
           (ARRAY['low', 'normal', 'normal', 'normal', 'high', 'urgent'])[1 + (r5 * 5)::int], r5 < 0.02, st,
           (ARRAY['web', 'web', 'web', 'email', 'email', 'chat', 'phone', 'social'])[1 + (r2 * 7)::int],
           'Обращение ' || n, 'user' || (n % 200000) || '@example.com', 'Клиент ' || (n % 200000), 'ru', '{}'::jsonb, l.pols[k],
           created + interval '8 hours',
           CASE WHEN st IN ('new', 'open', 'reopened') THEN now() + (r3 * 10 - 2) * interval '1 day' END,
           CASE WHEN st IN ('new', 'open', 'reopened') AND r4 < 0.05 THEN now() END,
           CASE WHEN st IN ('new', 'open', 'reopened', 'pending_customer') AND r4 < 0.02 THEN now() END,
           CASE WHEN st <> 'new' THEN created + interval '1 hour' END,
           CASE WHEN st IN ('resolved', 'archived') THEN created + interval '1 day' END,
           created, created + interval '2 hours', created
      FROM g, leaves l, staff s,
           LATERAL (SELECT 1 + (g.r1 * (array_length(l.ids, 1) - 1))::int k,
                           now() - (g.r2 * 365) * interval '1 day' created,
                           CASE WHEN g.r3 < 0.70 THEN 'archived' WHEN g.r3 < 0.78 THEN 'resolved' WHEN g.r3 < 0.86 THEN 'new'
                                WHEN g.r3 < 0.93 THEN 'open' WHEN g.r3 < 0.97 THEN 'pending_customer' ELSE 'reopened' END st) x`,
  );
  await sql(dbUrl, 'DROP FUNCTION pg_temp_luhn(text)');
  await sql(dbUrl, 'ANALYZE');
}

type Session = { cookie: string; csrf: string };
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function get(port: number, url: string, session: Session): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: url, agent, headers: { cookie: session.cookie } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function signIn(port: number, login: string, password: string): Promise<Session> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'staff', login, password }),
  });
  if (!res.ok) throw new Error(`sign-in ${login}: ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

type Measured = { p50: number; p95: number; errors: number; rows: number; n: number; cpu: CpuUse };

/** `REQUESTS` GETs at concurrency c; p50/p95 in ms, the error count and the CPU used meanwhile. */
async function measure(port: number, appPid: number, c: number, session: Session, urls: () => string): Promise<Measured> {
  const times: number[] = [];
  let errors = 0;
  let rows = 0;
  let next = 0;
  const deadline = Date.now() + 120_000;
  const connections = CLIENT === 'http' ? [] : Array.from({ length: c }, () => new RawConnection(port));
  const headers = { cookie: session.cookie };
  const before = cpuSnapshot(appPid);
  await Promise.all(
    Array.from({ length: c }, async (_, worker) => {
      while (next < REQUESTS && Date.now() < deadline) {
        next += 1;
        const t0 = performance.now();
        const res =
          CLIENT === 'http'
            ? await get(port, urls(), session)
            : await connections[worker]!.request('GET', urls(), { headers }).then((r) => ({ status: r.status, body: r.text }));
        times.push(performance.now() - t0);
        if (res.status !== 200) errors += 1;
        // Rows from the first answers only: parsing every body costs the load generator's CPU, which the app shares.
        else if (times.length <= 2 * c) rows = Math.max(rows, (JSON.parse(res.body) as { items?: unknown[] }).items?.length ?? 1);
      }
    }),
  );
  const cpu = cpuUse(before, cpuSnapshot(appPid));
  for (const connection of connections) connection.close();
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))] ?? 0;
  return { p50: q(0.5), p95: q(0.95), errors, rows, n: times.length, cpu };
}

async function databaseExists(): Promise<boolean> {
  return (await sql(adminUrl, `SELECT 1 FROM pg_database WHERE datname = '${DB}'`)).rowCount === 1;
}

async function main() {
  const loadAtStart = loadavg();
  const reuse = KEEP_DB ? await databaseExists() : false;
  if (!reuse) await sql(adminUrl, `CREATE DATABASE ${DB}`);
  const port = await freePort();
  let app: ChildProcess | null = null;
  try {
    app = await startApp(port);
    const appPid = app.pid ?? 0;
    let genSeconds: number | null = null;
    // A new database holds the demo requests only; a kept one is generated once.
    const existing = (await sql(dbUrl, 'SELECT count(*)::int n FROM tickets')).rows[0].n as number;
    if (existing < 1000) {
      const t0 = performance.now();
      await generate();
      genSeconds = (performance.now() - t0) / 1000;
    }
    const counts = await sql(
      dbUrl,
      `SELECT count(*)::int n, count(*) FILTER (WHERE status IN ('new','open','reopened','pending_customer'))::int active FROM tickets`,
    );
    const supervisor = await signIn(port, 'supervisor@paydesk.local', 'demo-supervisor');
    const operator = await signIn(port, 'operator@paydesk.local', 'demo-operator');
    const specialist = await signIn(port, 'specialist@paydesk.local', 'demo-specialist');
    const numbers = (
      await sql(dbUrl, `SELECT number FROM tickets WHERE status IN ('new','open') ORDER BY random() LIMIT 500`)
    ).rows.map((r: { number: string }) => r.number);
    const pick = () => numbers[Math.floor(Math.random() * numbers.length)] ?? '';

    const cases: Array<[string, Session, () => string]> = [
      ['mine (specialist)', specialist, () => '/api/v1/console/tickets?queue=mine'],
      ['unassigned (first line)', operator, () => '/api/v1/console/tickets?queue=unassigned'],
      ['waiting (specialist)', specialist, () => '/api/v1/console/tickets?queue=waiting'],
      ['at risk (supervisor)', supervisor, () => '/api/v1/console/tickets?queue=at_risk'],
      ['breached (supervisor)', supervisor, () => '/api/v1/console/tickets?queue=breached'],
      ['all (supervisor)', supervisor, () => '/api/v1/console/tickets?queue=all'],
      ['all, Priority only', supervisor, () => '/api/v1/console/tickets?queue=all&priorityCustomer=true'],
      ['all, department filter', supervisor, () => '/api/v1/console/tickets?queue=all&department=terminals'],
      ['search by number', supervisor, () => `/api/v1/console/tickets?queue=all&q=${pick()}`],
      ['queue counts (supervisor)', supervisor, () => '/api/v1/console/queues'],
      ['queue counts (first line)', operator, () => '/api/v1/console/queues'],
      ['workspace', supervisor, () => `/api/v1/console/tickets/${pick()}`],
    ];
    const chosen = cases.filter(([name]) => ONLY.length === 0 || ONLY.some((o) => name.includes(o)));
    const results: Array<[string, number, Measured]> = [];
    // Warm every endpoint up before measuring any: the code they share (HTTP, sessions, the pg
    // driver, serialisation) is compiled by V8 while the first ones run, and a production
    // server is warm. Without it the first endpoint measured paid for the JIT of all of them.
    for (const [, session, url] of chosen) await measure(port, appPid, CONCURRENCY, session, url);
    for (const c of LEVELS) {
      for (const [name, session, url] of chosen) {
        await measure(port, appPid, c, session, url); // warm-up round
        const from = process.hrtime.bigint() / 1000n;
        results.push([name, c, await measure(port, appPid, c, session, url)]);
        // Monotonic microseconds, the clock of V8's profiles: bench/cpuprofile.ts --window from-to.
        if (CPU_PROF) console.error(`${name} c=${c}: profile window ${from}-${process.hrtime.bigint() / 1000n}`);
      }
    }
    const loadAtEnd = loadavg();
    console.log(`\nConsole queues over HTTP, ${REQUESTS} requests each after a warm-up round`);
    console.log(
      `data: ${counts.rows[0].n.toLocaleString('en')} requests (${counts.rows[0].active.toLocaleString('en')} in working statuses), ${genSeconds === null ? `database ${DB} re-used` : `generated in ${genSeconds.toFixed(0)} s`}`,
    );
    console.log(
      `machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average ${loadAtStart.map((x) => x.toFixed(2)).join(' ')} at start, ${loadAtEnd.map((x) => x.toFixed(2)).join(' ')} at the end`,
    );
    console.log(
      'app, PostgreSQL and this load generator share the cores; CPU: cores used on average while measuring ("others" = the rest of the machine), and CPU ms per request\n',
    );
    console.log(
      '| endpoint | c | p50, ms | p95, ms | requests/s | rows | errors | CPU cores: app / PostgreSQL / bench / others | CPU ms per request: app / PostgreSQL / bench |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const [name, c, r] of results) {
      const s = r.cpu.seconds;
      const cores = [r.cpu.app, r.cpu.pg, r.cpu.bench, r.cpu.others].map((x) => (x / s).toFixed(2)).join(' / ');
      const perRequest = [r.cpu.app, r.cpu.pg, r.cpu.bench].map((x) => ((1000 * x) / r.n).toFixed(2)).join(' / ');
      console.log(
        `| ${name} | ${c} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${(r.n / s).toFixed(0)} | ${r.rows} | ${r.errors} | ${cores} | ${perRequest} |`,
      );
    }
  } finally {
    app?.kill('SIGTERM');
    if (app) await new Promise((r) => app?.once('exit', r));
    agent.destroy();
    if (!KEEP_DB) await sql(adminUrl, `DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  }
}

await main();
