// bench/intake's report: the table of levels (rate, percentiles, answers, CPU, outbox) and the table
// of SQL per filing, in Markdown on stdout (progress lines go to stderr as the run goes).
import { cpus, totalmem } from 'node:os';
import {
  COUNT_FILINGS,
  DRAIN_LIMIT_MS,
  ENTRY_ARGS,
  LOG_LEVEL,
  POOL_SIZE,
  ROLES,
  root,
  SECONDS,
  SPREAD_IPS,
  WARMUP_SECONDS,
} from './config';
import type { Measured } from './load';
import { isAfterCommit, type Counted } from './sql-counter';

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export type Row = {
  scenario: string;
  concurrency: number;
  m: Measured;
  backlog?: { outbox: number; jobs: number };
  drained?: { seconds: number; left: number };
};

/** Prints the run's report; `load` is the load average when the run started. */
export function printReport(rows: Row[], counted: Counted[], load: number[]): void {
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
}
