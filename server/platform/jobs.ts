import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import PgBoss from 'pg-boss';
import type { z } from 'zod';
import type { DbHandle } from '../db/connection';

/** pino-compatible: a pino Logger fits, so does anything with these three methods. */
export type JobLogger = {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
};

export type JobContext = {
  jobId: string;
  /** 1 on the first run, 2 on the first retry, ... */
  attempt: number;
  /** Logs with the job's name and id attached. Never log the payload: it may carry personal data. */
  log: JobLogger;
};

export type QueuePolicy = 'standard' | 'short' | 'singleton' | 'stately';

/**
 * One kind of job. Delivery is at least once: a handler may run again after a crash, a timeout
 * or a lost completion, so it must be safe to run twice (check state first, use upserts).
 */
export type JobDefinition<P> = {
  /** Queue name: letters, digits, `_`, `-`, `.`; stable, jobs in the database refer to it. */
  name: string;
  /** Validates at send (throws) and again at work (an invalid payload fails without retry). */
  schema: z.ZodType<P>;
  /** Retries after the first attempt (pg-boss default 2). */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** Exponential backoff: the n-th retry waits delay * 2^(n-1) .. delay * 2^n seconds. */
  retryBackoff?: boolean;
  /** A run longer than this fails (and is retried); pg-boss default 15 minutes. */
  expireInSeconds?: number;
  /** pg-boss queue policy; `singletonKey` only dedupes under short, singleton or stately. */
  policy?: QueuePolicy;
  /** Must be safe to run twice. Throwing fails this attempt (retried while attempts remain). */
  handler: (payload: P, ctx: JobContext) => Promise<void>;
  /**
   * Optional: works up to `batchSize` due jobs at once (one fetch, one completion, and whatever
   * the handler can do in one statement for all). Answers, per job in order, `null` (done) or the
   * error that fails that job alone (retried like a thrown one). Throwing fails them all.
   */
  batch?: {
    size: number;
    handler: (jobs: Array<{ payload: P; ctx: JobContext }>) => Promise<Array<Error | null>>;
  };
};

export type SendOptions = {
  /** A moment, or a number of seconds from now. */
  startAfter?: Date | number;
  singletonKey?: string;
};

export type JobsOptions = {
  logger?: JobLogger;
  /** How often each queue is polled; pg-boss allows 0.5 at least. Default 2. */
  pollingIntervalSeconds?: number;
  /** Whether this process works jobs (and runs pg-boss maintenance and cron). Default true. */
  worker?: boolean;
  /** How long stop() waits for running handlers before failing them. Default 15 s. */
  stopTimeoutMs?: number;
  /**
   * Every job found active at start belongs to a process that is gone (the embedded database:
   * one process per DATA_DIR): fail them at once so they are retried now, not after their expiry
   * (15 minutes by default). Never on a shared PostgreSQL: other nodes' jobs are active there.
   */
  recoverActive?: boolean;
};

export type Jobs = {
  start(): Promise<void>;
  register<P>(def: JobDefinition<P>): Promise<void>;
  send<P>(def: JobDefinition<P>, payload: P, opts?: SendOptions): Promise<string | null>;
  /** Several jobs of one kind in one statement (pg-boss `insert`); same validation and settings as send. */
  sendMany<P>(def: JobDefinition<P>, jobs: Array<{ payload: P; opts?: SendOptions }>): Promise<void>;
  stop(): Promise<void>;
  boss: PgBoss;
};

/** Thrown by `send` when the payload does not match the job's schema. */
export class JobPayloadError extends Error {
  constructor(
    readonly jobName: string,
    readonly issues: Array<{ path: string; code: string }>,
  ) {
    super(`invalid payload for job ${jobName}: ${issues.map((i) => `${i.path || '(root)'} ${i.code}`).join(', ')}`);
    this.name = 'JobPayloadError';
  }
}

/** The identity function, typed: lets TypeScript infer the payload type from the schema. */
export function defineJob<P>(def: JobDefinition<P>): JobDefinition<P> {
  return def;
}

const SCHEMA = 'pgboss';
const silentLogger: JobLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

type SqlResult = { rows: unknown[] };
type RunSql = (text: string, values?: unknown[]) => Promise<SqlResult>;

/** PGlite: one session, one query at a time, `query()` takes exactly one statement. */
function pgliteRunner(pglite: PGlite): RunSql {
  return async (text, values) => {
    if (values && values.length > 0) {
      const result = await pglite.query(text, values);
      return { rows: result.rows };
    }
    // Without values pg-boss may send a script (`BEGIN; SET LOCAL ...; advisory lock; ...; COMMIT`).
    // Run it inside PGlite's own transaction: its BEGIN/COMMIT only draw warnings, and when a
    // statement fails PGlite rolls back while still holding its lock. A bare exec() would leave
    // the only session in an aborted transaction and the next query queued on it would fail.
    return pglite.transaction(async (tx) => {
      const results = await tx.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    });
  };
}

/**
 * PostgreSQL: the application's pool; a script without values returns one result per statement.
 * A statement with values runs as a named prepared statement (named by its text's hash): pg-boss
 * sends a handful of fixed texts — fetch, insert, complete — and parsing and planning them anew
 * each time was most of their cost (the server log of 200 filings: ~4 ms of PostgreSQL time per
 * filing in pg-boss statements, two thirds of it parse + plan).
 */
function poolRunner(pool: pg.Pool): RunSql {
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (!name) names.set(text, (name = `pgboss_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`));
    return name;
  };
  return async (text, values) => {
    const result: unknown =
      values && values.length > 0 ? await pool.query({ name: nameOf(text), text, values }) : await pool.query(text);
    const last: unknown = Array.isArray(result) ? result.at(-1) : result;
    const rows = typeof last === 'object' && last !== null && 'rows' in last ? last.rows : undefined;
    return { rows: Array.isArray(rows) ? rows : [] };
  };
}

type Plans = { completeJobs(schema: string): string; failJobsById(schema: string): string };
/**
 * The texts of the two statements pg-boss's worker loop fires without awaiting (`complete()` after
 * a handler returns, `fail()` after it throws). pg-boss has no exports map, so its plans module is
 * reachable; its texts are what its manager sends, character for character.
 */
const UNAWAITED: ReadonlySet<string> = (() => {
  const plans = createRequire(import.meta.url)('pg-boss/src/plans.js') as Plans;
  return new Set([plans.completeJobs(SCHEMA), plans.failJobsById(SCHEMA)]);
})();

/** pg-boss's `db` adapter, tracking what is in flight so stop() can wait for it. */
export function createExecutor(handle: DbHandle, logger: JobLogger = silentLogger) {
  const run = handle.pglite ? pgliteRunner(handle.pglite) : handle.pool ? poolRunner(handle.pool) : null;
  if (!run) throw new Error('jobs: the database handle has neither a PGlite instance nor a pool');
  const inFlight = new Set<Promise<unknown>>();
  let closed = false;
  return {
    inFlight,
    close() {
      closed = true;
    },
    executeSql(text: string, values?: unknown[]): Promise<SqlResult | undefined> {
      // Like pg-boss's own Db once closed: resolve nothing. pg-boss fires complete()/fail()
      // without awaiting them, so rejecting here would become an unhandled rejection.
      if (closed) return Promise.resolve(undefined);
      let promise: Promise<SqlResult | undefined> = run(text, values);
      if (UNAWAITED.has(text)) {
        // The same holds while open: a completion lost to a database restart (57P01, a reset
        // socket) rejected into nobody's hands and Node ended the process. Resolving nothing is
        // what pg-boss's callers allow; the job stays active, expires and runs again, which
        // delivery at least once already asks handlers to bear.
        promise = promise.catch((err: unknown) => {
          logger.warn({ err: errorMessage(err) }, 'jobs: a completion was not recorded; the job will expire and run again');
          return undefined;
        });
      }
      inFlight.add(promise);
      promise.then(
        () => inFlight.delete(promise),
        () => inFlight.delete(promise),
      );
      return promise;
    },
  };
}

function bindLogger(logger: JobLogger, fields: Record<string, unknown>): JobLogger {
  return {
    info: (obj, msg) => logger.info({ ...fields, ...obj }, msg),
    warn: (obj, msg) => logger.warn({ ...fields, ...obj }, msg),
    error: (obj, msg) => logger.error({ ...fields, ...obj }, msg),
  };
}

function issuesOf(error: z.ZodError): Array<{ path: string; code: string }> {
  // Paths and codes only: zod's messages may quote the (personal) input.
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), code: issue.code }));
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

type RetryOptions = Pick<PgBoss.SendOptions, 'retryLimit' | 'retryDelay' | 'retryBackoff' | 'expireInSeconds'>;

type Registered = {
  name: string;
  policy: QueuePolicy;
  /** Defined keys only: pg-boss rejects a present-but-undefined retryLimit. */
  retry: RetryOptions;
  run: (job: PgBoss.JobWithMetadata<unknown>) => Promise<void>;
  /** Present when the definition works jobs in batches. */
  runBatch?: { size: number; run: (jobs: PgBoss.JobWithMetadata<unknown>[]) => Promise<void> };
  workerId?: string;
};

/**
 * Durable jobs on pg-boss 10, on either engine: on PostgreSQL through the application's pool,
 * on PGlite in-process through an adapter (one query at a time, so keep polling modest).
 * Call `register` for every job this process sends or works, then `start`; `stop` on shutdown.
 * On PGlite do not `send` inside an open transaction: PGlite queues the send behind it (deadlock).
 */
export async function createJobs(handle: DbHandle, options: JobsOptions = {}): Promise<Jobs> {
  const logger = options.logger ?? silentLogger;
  const worker = options.worker ?? true;
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  const stopTimeoutMs = options.stopTimeoutMs ?? 15_000;
  const executor = createExecutor(handle, logger);
  // pg-boss's own Db resolves undefined once closed and its callers allow it; its types do not.
  const db = { executeSql: executor.executeSql } as unknown as PgBoss.Db;
  const boss = new PgBoss({
    db,
    schema: SCHEMA,
    pollingIntervalSeconds,
    // Maintenance (expiring stuck jobs, archiving) and cron belong to the worker role.
    supervise: worker,
    schedule: worker,
  });
  // Without a listener an 'error' event (a failed poll, say) would throw and crash the process.
  boss.on('error', (err: unknown) => logger.error({ err: errorMessage(err) }, 'pg-boss error'));

  const registered = new Map<string, Registered>();
  const running = new Set<Promise<void>>();
  let state: 'new' | 'started' | 'stopped' = 'new';

  async function activate(entry: Registered): Promise<void> {
    // Settings also travel with every job (see send), so an older queue row does no harm.
    await boss.createQueue(entry.name, { name: entry.name, policy: entry.policy, ...entry.retry });
    if (!worker) return;
    const batch = entry.runBatch;
    entry.workerId = await boss.work<unknown>(
      entry.name,
      { batchSize: batch?.size ?? 1, includeMetadata: true, pollingIntervalSeconds },
      async (jobs) => {
        const [job] = jobs;
        if (!job) return;
        const promise = batch ? batch.run(jobs) : entry.run(job);
        running.add(promise);
        try {
          await promise;
        } finally {
          running.delete(promise);
        }
      },
    );
  }

  /** The job's payload, parsed; an invalid one is made final (no retry) and throws. */
  async function parsePayload<P>(def: JobDefinition<P>, job: PgBoss.JobWithMetadata<unknown>, log: JobLogger): Promise<P> {
    const parsed = def.schema.safeParse(job.data);
    if (parsed.success) return parsed.data;
    log.error({ attempt: job.retryCount + 1, issues: issuesOf(parsed.error) }, 'job payload invalid; failing without retry');
    // pg-boss fails a job for good once retry_count reaches retry_limit.
    await executor.executeSql(`UPDATE ${SCHEMA}.job SET retry_limit = retry_count WHERE name = $1 AND id = $2`, [
      def.name,
      job.id,
    ]);
    throw new JobPayloadError(def.name, issuesOf(parsed.error));
  }

  function logFailure(log: JobLogger, job: PgBoss.JobWithMetadata<unknown>, err: unknown): void {
    const attempt = job.retryCount + 1;
    const final = attempt > job.retryLimit;
    log.warn({ attempt, retryLimit: job.retryLimit, err: errorMessage(err) }, final ? 'job failed' : 'job failed; will retry');
  }

  function wrap<P>(def: JobDefinition<P>): Registered['run'] {
    return async (job) => {
      const log = bindLogger(logger, { job: def.name, jobId: job.id });
      const payload = await parsePayload(def, job, log);
      try {
        await def.handler(payload, { jobId: job.id, attempt: job.retryCount + 1, log });
      } catch (err) {
        logFailure(log, job, err);
        throw err;
      }
    };
  }

  /**
   * Fails one job of a batch. When the failure is not recorded (the database went away: the
   * executor resolves nothing) the batch throws, so pg-boss fails it whole instead of completing
   * the rest — which would complete this job too. The others run again: at least once.
   */
  async function failOne(name: string, id: string, err: unknown): Promise<void> {
    // pg-boss 10 returns {jobs, requested, affected}; its types say void.
    const result = (await boss.fail(name, id, { message: errorMessage(err) })) as unknown as { affected?: number } | undefined;
    if (result?.affected === 0) throw new Error(`jobs: the failure of ${name} ${id} was not recorded`);
  }

  /**
   * A batch: the jobs that fail (invalid payload, or an error the handler answers for them) are
   * failed one by one; when this resolves pg-boss completes the rest (its completion only touches
   * jobs still active). A thrown error fails every job of the batch.
   */
  function wrapBatch<P>(def: JobDefinition<P>, batch: NonNullable<JobDefinition<P>['batch']>): Registered['runBatch'] {
    return {
      size: batch.size,
      run: async (jobs) => {
        const items: Array<{ job: PgBoss.JobWithMetadata<unknown>; payload: P; ctx: JobContext }> = [];
        for (const job of jobs) {
          const log = bindLogger(logger, { job: def.name, jobId: job.id });
          try {
            items.push({
              job,
              payload: await parsePayload(def, job, log),
              ctx: { jobId: job.id, attempt: job.retryCount + 1, log },
            });
          } catch (err) {
            await failOne(def.name, job.id, err);
          }
        }
        if (items.length === 0) return;
        const outcomes = await batch.handler(items.map(({ payload, ctx }) => ({ payload, ctx })));
        for (const [i, { job, ctx }] of items.entries()) {
          const err = outcomes[i];
          if (!err) continue;
          logFailure(ctx.log, job, err);
          await failOne(def.name, job.id, err);
        }
      },
    };
  }

  /** Fails (to be retried by pg-boss's own rules) the jobs a dead process left active. */
  async function recoverActive(): Promise<void> {
    const result = await executor.executeSql(
      `SELECT name, array_agg(id::text) AS ids FROM ${SCHEMA}.job WHERE state = 'active' GROUP BY name`,
    );
    for (const row of (result?.rows ?? []) as Array<{ name: string; ids: string[] }>) {
      for (const id of row.ids) await boss.fail(row.name, id, { message: 'the process working it ended' });
      logger.warn({ job: row.name, count: row.ids.length }, 'jobs left active by a process that is gone were failed for retry');
    }
  }

  async function drain(deadline: number): Promise<void> {
    // Handlers that outlived pg-boss's wait, and complete()/fail() calls it did not await.
    while (Date.now() < deadline) {
      if (running.size === 0 && executor.inFlight.size === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        if (running.size === 0 && executor.inFlight.size === 0) return;
        continue;
      }
      const pending = [...running, ...executor.inFlight];
      const timeout = new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now())).unref());
      await Promise.race([Promise.allSettled(pending), timeout]);
    }
  }

  return {
    boss,
    async start() {
      if (state !== 'new') return;
      await boss.start();
      state = 'started';
      if (options.recoverActive && worker) await recoverActive();
      for (const entry of registered.values()) await activate(entry);
    },

    async register<P>(def: JobDefinition<P>) {
      if (registered.has(def.name)) throw new Error(`jobs: ${def.name} is registered twice`);
      const retry: RetryOptions = {};
      if (def.retryLimit !== undefined) retry.retryLimit = def.retryLimit;
      if (def.retryDelaySeconds !== undefined) retry.retryDelay = def.retryDelaySeconds;
      if (def.retryBackoff !== undefined) retry.retryBackoff = def.retryBackoff;
      if (def.expireInSeconds !== undefined) retry.expireInSeconds = def.expireInSeconds;
      const entry: Registered = {
        name: def.name,
        policy: def.policy ?? 'standard',
        retry,
        run: wrap(def),
        ...(def.batch ? { runBatch: wrapBatch(def, def.batch) } : {}),
      };
      registered.set(def.name, entry);
      if (state === 'started') await activate(entry);
    },

    async send<P>(def: JobDefinition<P>, payload: P, opts: SendOptions = {}) {
      if (state !== 'started') throw new Error(`jobs: send(${def.name}) before start() or after stop()`);
      const entry = registered.get(def.name);
      if (!entry) throw new Error(`jobs: ${def.name} is not registered`);
      const parsed = def.schema.safeParse(payload);
      if (!parsed.success) throw new JobPayloadError(def.name, issuesOf(parsed.error));
      const sendOptions: PgBoss.SendOptions = { ...entry.retry };
      if (opts.startAfter !== undefined) sendOptions.startAfter = opts.startAfter;
      if (opts.singletonKey !== undefined) sendOptions.singletonKey = opts.singletonKey;
      // JSON text, not the value: node-pg would turn a top-level array into a PostgreSQL array
      // literal, and both engines pass a string to `$3::jsonb` untouched.
      const data = JSON.stringify(parsed.data ?? null);
      const id = await boss.send(def.name, data as unknown as object, sendOptions);
      // This process works the queue: wake its worker instead of waiting for the next poll.
      if (id && entry.workerId && opts.startAfter === undefined) boss.notifyWorker(entry.workerId);
      return id;
    },

    async sendMany<P>(def: JobDefinition<P>, jobs: Array<{ payload: P; opts?: SendOptions }>) {
      if (state !== 'started') throw new Error(`jobs: sendMany(${def.name}) before start() or after stop()`);
      const entry = registered.get(def.name);
      if (!entry) throw new Error(`jobs: ${def.name} is not registered`);
      if (jobs.length === 0) return;
      const rows = jobs.map(({ payload, opts = {} }) => {
        const parsed = def.schema.safeParse(payload);
        if (!parsed.success) throw new JobPayloadError(def.name, issuesOf(parsed.error));
        const startAfter =
          opts.startAfter === undefined
            ? undefined
            : opts.startAfter instanceof Date
              ? opts.startAfter.toISOString()
              : `${opts.startAfter} seconds`;
        return {
          name: def.name,
          // Inside pg-boss's JSON array the payload travels as a value (no array-literal issue here).
          data: parsed.data ?? null,
          ...(startAfter !== undefined ? { startAfter } : {}),
          ...(opts.singletonKey !== undefined ? { singletonKey: opts.singletonKey } : {}),
          ...(entry.retry.retryLimit !== undefined ? { retryLimit: entry.retry.retryLimit } : {}),
          ...(entry.retry.retryDelay !== undefined ? { retryDelay: entry.retry.retryDelay } : {}),
          ...(entry.retry.retryBackoff !== undefined ? { retryBackoff: entry.retry.retryBackoff } : {}),
          ...(entry.retry.expireInSeconds !== undefined ? { expireInSeconds: entry.retry.expireInSeconds } : {}),
        };
      });
      await boss.insert(rows as PgBoss.JobInsert[]);
      if (entry.workerId && jobs.some((j) => j.opts?.startAfter === undefined)) boss.notifyWorker(entry.workerId);
    },

    async stop() {
      if (state !== 'started') {
        state = 'stopped';
        return;
      }
      state = 'stopped';
      // pg-boss itself waits up to stopTimeoutMs; a second more lets its last queries land.
      const deadline = Date.now() + stopTimeoutMs + 1_000;
      // Stops polling, waits for running handlers (failing those past the timeout).
      await boss.stop({ graceful: true, wait: true, close: false, timeout: stopTimeoutMs });
      await drain(deadline);
      executor.close();
    },
  };
}
