// The chaos suite (`npm run test:chaos`): the real app as child processes, killed with SIGKILL or
// cut from its database while it works, then checked for loss and duplicates. Prints the counts of
// every scenario and fails on any loss or duplicate. Traffic to 127.0.0.1 only, every wait bounded.
// Scenarios: a (kill -9 while filing, embedded), b (kill -9 while receiving mail, embedded),
// c (PostgreSQL restarted under load), d (two nodes on one PostgreSQL, one killed).
// Pick some with CHAOS_SCENARIOS=a,b.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/connection';
import { createRuntime } from '../server/runtime';
import { seedDemoMailboxes } from '../server/seed/mailboxes';
import { seedDemoContent } from '../server/seed/reference';
import {
  file,
  fileLoad,
  killHard,
  PORT_BASE,
  sendLetter,
  sleep,
  startApp,
  startPostgres,
  stopApp,
  suggestionLeaf,
  tally,
  until,
  type App,
  type Counts,
} from './lib';

const KEY = 'c'.repeat(64);
const LOAD_ENV = { TICKETS_PER_IP_HOUR: '100000', TICKETS_PER_EMAIL_HOUR: '100000', MAIL_INBOUND_PER_SENDER_HOUR: '100000' };
type Outcome = { outcome: 'acknowledged' | 'refused' | 'unknown' | 'replayed'; key: string };

/**
 * Replays every filing whose answer was lost, with its own Idempotency-Key, until it is answered.
 * Bounded as a whole (90 s): an app that accepts connections but no longer answers would otherwise
 * cost 30 s per try, five tries per filing — a run that looks hung; it fails with the app's log.
 */
async function replayUnknown(app: App, categoryId: string, results: Map<string, Outcome>) {
  const { port } = app;
  const deadline = Date.now() + 90_000;
  for (const [marker, r] of results) {
    if (r.outcome !== 'unknown') continue;
    for (let i = 0; i < 5 && r.outcome === 'unknown'; i++) {
      if (Date.now() > deadline)
        throw new Error(`replays of unanswered filings not answered within 90 s: ${app.log().slice(-3_000)}`);
      const got = await file(port, categoryId, marker, r.key);
      if (got === 'acknowledged') r.outcome = 'replayed';
      else if (got === 'unknown') await sleep(1_000);
      else break;
    }
  }
}

/**
 * What the scenarios need of the demo data — the reference data, the demo catalogue (its
 * suggestion leaf) and the mailboxes — put into the database in one start of this process, so
 * the apps start with SEED_DEMO=false: the full demo seed (a workday of requests, people, the
 * wiki) cost every start of every scenario a minute or more and proves nothing here.
 */
async function prepare(env: Record<string, string>): Promise<Record<string, string>> {
  const demoFree = { ...env, SEED_DEMO: 'false' };
  const runtime = await createRuntime(loadConfig({ env: { ...demoFree, PAYDESK_ROLES: 'mail', MAIL_INBOUND_PORT: '' } }), {
    logger: pino({ level: 'warn' }),
    background: false,
  });
  try {
    await seedDemoContent(runtime.ctx.db);
    await seedDemoMailboxes(runtime.ctx.db);
  } finally {
    await runtime.close();
  }
  return demoFree;
}

/** Per marker: the requests holding it, and whether each has its mail. */
async function requestsByMarker(query: (text: string) => Promise<{ rows: Array<Record<string, unknown>> }>) {
  const { rows } = await query(
    `SELECT substring(t.fields->>'description' from 'chaos[0-9a-f]{16}') AS marker,
            count(*)::int AS n, bool_and(EXISTS (SELECT 1 FROM outgoing_mail m WHERE m.ticket_id = t.id)) AS mailed
       FROM tickets t WHERE t.fields->>'description' LIKE '%chaos%' GROUP BY 1`,
  );
  return new Map(rows.map((r) => [String(r.marker), { n: Number(r.n), mailed: Boolean(r.mailed) }]));
}

function report(name: string, counts: Counts & Record<string, number>, problems: string[]): boolean {
  const line = Object.entries(counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  console.log(`chaos ${name}: ${line}${problems.length ? ` — ${problems.join('; ')}` : ''}`);
  return counts.lost === 0 && counts.duplicated === 0 && problems.length === 0;
}

/** (a) kill -9 of the embedded app while 8 clients file; restart, replay the unanswered, count. */
async function scenarioA(): Promise<boolean> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'paydesk-chaos-a-'));
  const env = await prepare({ ...LOAD_ENV, DATA_DIR: dataDir, DATABASE_URL: '', SECRET_KEY: KEY });
  let app = await startApp(PORT_BASE, env);
  const leaf = await suggestionLeaf(app.port);
  let killed = false;
  const load = fileLoad(
    () => PORT_BASE,
    leaf,
    8,
    () => killed,
  );
  await until(async () => [...load.results.values()].filter((r) => r.outcome === 'acknowledged').length >= 40, 120_000);
  await killHard(app);
  killed = true;
  await load.done;
  app = await startApp(PORT_BASE, env);
  const results = load.results as Map<string, Outcome>;
  await replayUnknown(app, leaf, results);
  await stopApp(app);
  const db = await openDatabase({ dataDir: path.join(dataDir, 'pgdata') });
  const found = await requestsByMarker((t) => db.query(t));
  await db.close();
  const unmailed = [...found.values()].filter((f) => !f.mailed).length;
  const counts = tally(results, (m) => found.get(m)?.n ?? 0);
  return report(
    'a (kill -9 while filing, embedded, 8 clients)',
    { ...counts, unmailed },
    unmailed ? ['requests without their mail'] : [],
  );
}

/** (b) kill -9 of the embedded app while letters arrive over SMTP; resend the unanswered, count. */
async function scenarioB(): Promise<boolean> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'paydesk-chaos-b-'));
  const env = await prepare({
    ...LOAD_ENV,
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    SECRET_KEY: KEY,
    MAIL_INBOUND_PORT: String(PORT_BASE + 1),
  });
  const app = await startApp(PORT_BASE, env);
  const letters = new Map<string, { id: string; outcome: 'acknowledged' | 'unknown' | 'replayed' }>();
  let killed = false;
  const loops = Array.from({ length: 8 }, async () => {
    while (!killed && letters.size < 300) {
      const marker = `chaos${randomUUID().replace(/-/g, '').slice(0, 16)}`;
      const id = `<${marker}@chaos.test>`;
      letters.set(marker, { id, outcome: 'unknown' });
      if (await sendLetter(PORT_BASE + 1, marker, id)) letters.get(marker)!.outcome = 'acknowledged';
    }
  });
  // 20 letters acknowledged by 8 concurrent senders, then the kill lands among the ones in flight.
  await until(async () => [...letters.values()].filter((l) => l.outcome === 'acknowledged').length >= 20, 120_000, 100);
  await killHard(app);
  killed = true;
  await Promise.all(loops);
  const again = await startApp(PORT_BASE, env);
  // A sender whose letter got no 250 sends it again (same Message-ID).
  for (const [marker, l] of letters) {
    if (l.outcome === 'unknown' && (await sendLetter(PORT_BASE + 1, marker, l.id))) l.outcome = 'replayed';
  }
  await stopApp(again);
  // The worker of the same DATA_DIR finishes what is left, in this process, until nothing is received-only.
  const runtime = await createRuntime(loadConfig({ env: { ...env, PAYDESK_ROLES: 'worker', MAIL_INBOUND_PORT: '' } }), {
    logger: pino({ level: 'warn' }),
  });
  const pending = async () =>
    Number(
      (await runtime.ctx.handle.query<{ n: number }>(`SELECT count(*)::int AS n FROM incoming_mail WHERE state = 'received'`))
        .rows[0]?.n,
    );
  await until(async () => (await pending()) === 0, 180_000, 250);
  const { rows } = await runtime.ctx.handle.query<{ marker: string; letters: number; requests: number }>(
    // Group first, then count each marker's requests (a correlated subquery may not use the ungrouped column).
    `SELECT m.marker, m.letters,
            (SELECT count(*)::int FROM tickets t WHERE t.subject LIKE '%' || m.marker || '%') AS requests
       FROM (SELECT substring(i.message_id from 'chaos[0-9a-f]{16}') AS marker, count(DISTINCT i.id)::int AS letters
               FROM incoming_mail i WHERE i.message_id LIKE '<chaos%' GROUP BY 1) m`,
  );
  const left = await pending();
  await runtime.close();
  const byMarker = new Map(rows.map((r) => [r.marker, r]));
  const counts = tally(letters, (m) => {
    const r = byMarker.get(m);
    if (!r) return 0;
    return r.letters > 1 || r.requests > 1 ? 2 : r.requests;
  });
  return report(
    'b (kill -9 while receiving mail over SMTP, embedded)',
    { ...counts, unprocessed: left },
    left ? ['letters left unprocessed'] : [],
  );
}

/** (c) PostgreSQL restarted under load: /readyz says not ready meanwhile, the app reconnects, nothing acknowledged is lost. */
async function scenarioC(server: ReturnType<typeof startPostgres>): Promise<boolean> {
  await adminSql(server, 'CREATE DATABASE ops_chaos_c');
  const env = await prepare({
    ...LOAD_ENV,
    DATABASE_URL: server.url('ops_chaos_c'),
    SECRET_KEY: KEY,
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'paydesk-chaos-c-')),
  });
  const app = await startApp(PORT_BASE, env);
  const leaf = await suggestionLeaf(app.port);
  let stop = false;
  const load = fileLoad(
    () => PORT_BASE,
    leaf,
    8,
    () => stop,
    100_000,
  );
  await until(async () => [...load.results.values()].filter((r) => r.outcome === 'acknowledged').length >= 30, 120_000);
  let notReady = 0;
  let watching = true;
  const watch = (async () => {
    while (watching) {
      const res = await fetch(`http://127.0.0.1:${app.port}/readyz`, { signal: AbortSignal.timeout(5_000) }).catch(() => null);
      if (res && res.status === 503) notReady++;
      await sleep(100);
    }
  })();
  server.stop();
  await sleep(3_000);
  server.start();
  const back = await until(
    async () => (await fetch(`http://127.0.0.1:${app.port}/readyz`, { signal: AbortSignal.timeout(5_000) })).ok,
    60_000,
  );
  const before = [...load.results.values()].filter((r) => r.outcome === 'acknowledged').length;
  await until(async () => [...load.results.values()].filter((r) => r.outcome === 'acknowledged').length >= before + 20, 60_000);
  stop = true;
  watching = false;
  await Promise.all([load.done, watch]);
  const results = load.results as Map<string, Outcome>;
  await replayUnknown(app, leaf, results);
  await stopApp(app);
  const client = new pg.Client({ connectionString: server.url('ops_chaos_c') });
  await client.connect();
  const found = await requestsByMarker((t) => client.query(t));
  await client.end();
  const counts = tally(results, (m) => found.get(m)?.n ?? 0);
  const problems = [...(notReady === 0 ? ['/readyz never said not ready'] : []), ...(back ? [] : ['the app did not come back'])];
  return report('c (PostgreSQL restarted under load)', { ...counts, notReadyAnswers: notReady }, problems);
}

/** (d) two nodes on one PostgreSQL, one killed: the other keeps serving and delivers the outbox. */
async function scenarioD(server: ReturnType<typeof startPostgres>): Promise<boolean> {
  await adminSql(server, 'CREATE DATABASE ops_chaos_d');
  const base = await prepare({
    ...LOAD_ENV,
    DATABASE_URL: server.url('ops_chaos_d'),
    SECRET_KEY: KEY,
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'paydesk-chaos-d0-')),
  });
  const one = await startApp(PORT_BASE, {
    ...base,
    NODE_NAME: 'chaos-one',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'paydesk-chaos-d1-')),
  });
  const two = await startApp(PORT_BASE + 2, {
    ...base,
    NODE_NAME: 'chaos-two',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'paydesk-chaos-d2-')),
  });
  const leaf = await suggestionLeaf(one.port);
  let killed = false;
  let served = 0;
  // Half the clients on each node; after the kill, everyone goes to the survivor.
  let n = 0;
  const load = fileLoad(
    () => (killed || n++ % 2 === 0 ? two.port : one.port),
    leaf,
    8,
    () => killed && served >= 30,
    100_000,
  );
  await until(async () => [...load.results.values()].filter((r) => r.outcome === 'acknowledged').length >= 40, 120_000);
  await killHard(one);
  killed = true;
  const before = [...load.results.values()].filter((r) => r.outcome === 'acknowledged').length;
  await until(
    async () => (served = [...load.results.values()].filter((r) => r.outcome === 'acknowledged').length - before) >= 30,
    60_000,
  );
  await load.done;
  const results = load.results as Map<string, Outcome>;
  await replayUnknown(two, leaf, results);
  const client = new pg.Client({ connectionString: server.url('ops_chaos_d') });
  await client.connect();
  // The survivor delivers everything, the events the dead node had claimed too (released once it is known dead).
  const undelivered = async () =>
    Number((await client.query('SELECT count(*)::int AS n FROM outbox_events WHERE delivered_at IS NULL')).rows[0].n);
  await until(async () => (await undelivered()) === 0, 120_000, 1_000);
  const left = await undelivered();
  const found = await requestsByMarker((t) => client.query(t));
  await client.end();
  await stopApp(two);
  const counts = tally(results, (m) => found.get(m)?.n ?? 0);
  const problems = [
    ...(served < 30 ? ['the survivor did not keep serving'] : []),
    ...(left ? [`${left} events never delivered`] : []),
  ];
  return report(
    'd (two nodes on one PostgreSQL, one killed)',
    { ...counts, servedAfterKill: served, undelivered: left },
    problems,
  );
}

async function adminSql(server: ReturnType<typeof startPostgres>, text: string) {
  const client = new pg.Client({ connectionString: server.url('postgres') });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const wanted = new Set((process.env.CHAOS_SCENARIOS ?? 'a,b,c,d').split(',').map((s) => s.trim()));
let passed = 0;
let failed = 0;
const tallyRun = async (name: string, fn: () => Promise<boolean>) => {
  if (!wanted.has(name)) return;
  let ok = false;
  const began = Date.now();
  try {
    ok = await fn();
  } catch (err) {
    console.log(`chaos ${name}: failed to run — ${err instanceof Error ? err.message : String(err)}`);
  }
  console.log(`chaos ${name}: ${Math.round((Date.now() - began) / 1000)} s`);
  if (ok) passed++;
  else failed++;
};

const started = Date.now();
await tallyRun('a', scenarioA);
await tallyRun('b', scenarioB);
if (wanted.has('c') || wanted.has('d')) {
  const server = startPostgres(PORT_BASE + 5);
  await tallyRun('c', () => scenarioC(server));
  await tallyRun('d', () => scenarioD(server));
  server.stop();
}
console.log(`chaos suite: ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
