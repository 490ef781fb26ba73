// bench/intake's knobs (the environment, listed at the top of bench/intake.ts) and its limits.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = fileURLToPath(new URL('../..', import.meta.url));
export const root = path.resolve(process.env.BENCH_APP_DIR ?? here);
export const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
export const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
export const LEVELS = (process.env.BENCH_LEVELS ?? '1,8,32').split(',').map(Number);
export const ROLES = process.env.BENCH_ROLES ?? 'web,worker';
export const CPU_PROF = process.env.BENCH_CPU_PROF ?? '';
export const ENTRY = process.env.BENCH_SERVER_ENTRY ?? 'server/main.ts';
export const ENTRY_ARGS = /\.m?js$/.test(ENTRY) ? [path.join(root, ENTRY)] : ['--import', 'tsx', path.join(root, ENTRY)];
export const SPREAD_IPS = process.env.BENCH_SPREAD_IPS === '1';
export const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'warn';
/** The app's default DATABASE_POOL_SIZE; the baseline's pool has the same size. */
export const POOL_SIZE = Number(process.env.BENCH_POOL_SIZE ?? 10);
/** The config accepts at most 100 000 per hour; the counters are also cleared before each level. */
export const FILING_LIMIT = '100000';
/** Sequential filings per scenario in the counting phase. */
export const COUNT_FILINGS = 100;
/** Per level: never more requests than this, whatever the duration. */
export const MAX_REQUESTS_PER_LEVEL = 200_000;
/** No level starts after this, and the counting phase not after COUNT_DEADLINE: the run ends well under 10 minutes. */
export const DEADLINE = Date.now() + 6.5 * 60_000;
export const COUNT_DEADLINE = Date.now() + 7.5 * 60_000;
/** Longest wait for the outbox to catch up after a level, or after the counted filings. */
export const DRAIN_LIMIT_MS = 20_000;

const ALL_SCENARIOS = [
  'customer-suggestion',
  'guest-suggestion',
  'customer-receipt',
  'guest-receipt',
  'floor',
  'baseline',
  'count',
];
export const SCENARIOS = new Set((process.env.BENCH_SCENARIOS ?? ALL_SCENARIOS.join(',')).split(',').map((s) => s.trim()));

/** The bench database's name (CPU of its backends is PostgreSQL's; other databases' is "others"). */
export const DB_NAME = `paydesk_bench_intake_${Date.now()}`;
