import path from 'node:path';
import pino, { type Logger } from 'pino';
import type { Config } from './config';
import type { AppContext } from './context';
import { openDatabase, type DbHandle } from './db/connection';
import { runMigrations } from './db/migrate';
import { seedReference } from './seed/reference';
import { acquireDataDirLock } from './platform/lockfile';
import { createPiiCipher } from './platform/crypto';
import { checkSecretKey } from './platform/keycheck';
import { startLiveness, type Liveness } from './platform/liveness';
import { createFileStorage } from './platform/files/configured';
import { createDemoPaymentCore } from './modules/customers';
import { MODULES } from './modules';
import { registerBackground } from './modules/register';
import { createJobs } from './platform/jobs';
import { loggerOptions } from './platform/logger';
import { createMetrics } from './platform/metrics';
import { Outbox } from './platform/outbox';
import { createInProcessBus, createPgNotifyBus, forwardEventsToRooms, type RealtimeBus } from './platform/realtime';

export type Runtime = {
  ctx: AppContext;
  /** Stops jobs, delivery, the bus and the database, in that order, and releases DATA_DIR. */
  close(): Promise<void>;
};

export type RuntimeOptions = {
  logger?: Logger;
  /** Apply migrations (default true). */
  migrate?: boolean;
  /** Insert demo data when SEED_DEMO is on (default true). */
  seed?: boolean;
  /** Start pg-boss and the outbox sweep (default: the process has the worker or web role). */
  background?: boolean;
};

/** Opens the embedded database (taking the DATA_DIR lock) or the pg pool. */
export async function openConfiguredDatabase(config: Config): Promise<{ handle: DbHandle; release: () => void }> {
  if (!config.embedded) {
    const handle = await openDatabase({
      url: config.DATABASE_URL,
      poolSize: config.DATABASE_POOL_SIZE,
      connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
    });
    return { handle, release: () => undefined };
  }
  const release = acquireDataDirLock(config.DATA_DIR);
  try {
    const handle = await openDatabase({ dataDir: path.join(config.DATA_DIR, 'pgdata') });
    return { handle, release };
  } catch (err) {
    release();
    throw err;
  }
}

/** Everything a paydesk process runs on, per its roles; shared by main.ts and the CLI. */
export async function createRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const logger = options.logger ?? pino(loggerOptions(config.LOG_LEVEL));
  const { handle, release } = await openConfiguredDatabase(config);
  let bus: RealtimeBus | null = null;
  let liveness: Liveness | null = null;
  const started: Array<{ close(): Promise<void> }> = [];
  try {
    if (options.migrate ?? true) {
      const { applied, total } = await runMigrations(handle);
      if (applied > 0) logger.info({ applied, total }, 'database migrated');
    }
    const cipher = createPiiCipher(config.SECRET_KEY, config.SECRET_KEY_PREVIOUS);
    await checkSecretKey(handle, cipher, { logger, ...(config.keyFile ? { keyFile: config.keyFile } : {}) });
    if (options.seed ?? true) {
      const reference = await seedReference(handle.db);
      let demo = 0;
      if (config.SEED_DEMO) for (const m of MODULES) if (m.demoSeed) demo += (await m.demoSeed(handle.db, config)).added;
      if (reference.added + demo > 0) logger.info({ reference: reference.added, demo }, 'reference and demo data added');
    }
    bus =
      handle.engine === 'postgres' && handle.url && handle.pool
        ? await createPgNotifyBus({ url: handle.url, pool: handle.pool, logger })
        : createInProcessBus();
    const background = options.background ?? config.PAYDESK_ROLES.some((r) => r === 'worker' || r === 'web');
    // Frees at once what a dead process held (its outbox leases); must come before delivery starts.
    liveness = background
      ? await startLiveness(handle, {
          node: config.NODE_NAME,
          embedded: config.embedded,
          logger,
          onReleased: () => outbox.kick(),
        })
      : null;
    const outbox: Outbox = new Outbox({ handle, logger, ...(liveness ? { owner: liveness.instance } : {}) });
    const jobs = background
      ? await createJobs(handle, {
          logger,
          worker: config.PAYDESK_ROLES.includes('worker'),
          // One process per embedded DATA_DIR: a job left active belongs to the previous process, which is gone.
          recoverActive: config.embedded,
        })
      : null;
    const realtime = bus;
    forwardEventsToRooms(outbox, realtime);
    const ctx: AppContext = {
      config,
      handle,
      db: handle.db,
      outbox,
      bus,
      jobs,
      cipher,
      storage: createFileStorage(config, handle),
      paycore: createDemoPaymentCore({ db: handle.db, handle, cipher }),
      metrics: createMetrics({ pendingOutbox: () => outbox.pendingCount() }),
      logger,
    };
    await registerBackground(ctx, { worker: config.PAYDESK_ROLES.includes('worker') });
    // Delivery starts once the jobs its handlers send to have started: events left by a crash
    // (mail, SLA timers) otherwise failed their first round and waited out a retry delay.
    if (background) outbox.start();
    for (const m of MODULES) if (m.start) started.push(await m.start(ctx, config.PAYDESK_ROLES));
    return {
      ctx,
      async close() {
        for (const s of started.reverse()) await s.close();
        // Outbox first: its handlers send jobs (mail, SLA timers), which fail once jobs have stopped.
        // What jobs then write to the outbox stays stored and goes out on the next start.
        await outbox.stop();
        await jobs?.stop();
        await liveness?.stop();
        await realtime.close();
        await handle.close();
        release();
      },
    };
  } catch (err) {
    for (const s of started.reverse()) await s.close().catch(() => undefined);
    await liveness?.stop().catch(() => undefined);
    await bus?.close().catch(() => undefined);
    await handle.close().catch(() => undefined);
    release();
    throw err;
  }
}
