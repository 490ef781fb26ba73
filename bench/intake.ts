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
//
// The parts: bench/intake/config.ts (the knobs above), processes.ts (the app, the floor, the
// database, CPU), http.ts, scenarios.ts (what one filing sends), load.ts (the closed loop, the
// baseline), sql-counter.ts (the counting proxy) and report.ts (the tables printed at the end).
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { adminUrl, COUNT_DEADLINE, CPU_PROF, DB_NAME, DEADLINE, LEVELS, POOL_SIZE, SCENARIOS } from './intake/config';
import { json, leafIds, signIn } from './intake/http';
import { backlog, baselineLevel, drainOutbox, httpLevel } from './intake/load';
import { admin, databaseUrl, startApp, startFloor, type App } from './intake/processes';
import { printReport, type Row } from './intake/report';
import { scenarios, SUGGESTION_FIELDS, type Scenario } from './intake/scenarios';
import { countScenario, SqlCounter, type Counted } from './intake/sql-counter';

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

printReport(rows, counted, load);
