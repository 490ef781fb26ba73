// bench/intake's counting: a TCP proxy in front of PostgreSQL that reads the frontend side of the
// protocol and counts statements by shape, and the per-filing arithmetic (idle background subtracted).
import http from 'node:http';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { COUNT_FILINGS, DRAIN_LIMIT_MS } from './config';
import { send } from './http';
import { backlog } from './load';
import type { App } from './processes';
import type { Scenario } from './scenarios';

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

export class SqlCounter {
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
export const isAfterCommit = (shape: string) => AFTER_COMMIT.some((re) => re.test(shape));

export type Counted = {
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

export async function countScenario(
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
