import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { buildApp } from '../app';
import { loadConfig, type Config } from '../config';
import type { AppContext } from '../context';
import { createPiiCipher } from '../platform/crypto';
import { createFileStorage } from '../platform/files/configured';
import { createDemoPaymentCore } from '../modules/customers/paycore.demo';
import { createJobs } from '../platform/jobs';
import { registerBackground } from '../modules/register';
import { createMetrics } from '../platform/metrics';
import { Outbox } from '../platform/outbox';
import { createInProcessBus, createPgNotifyBus, forwardEventsToRooms } from '../platform/realtime';
import { seedDemoContent, seedReference } from '../seed/reference';
import { createTestDb, type TestDb } from './db';

export const TEST_SECRET_KEY = 'a'.repeat(64);

/** A config for tests: temp DATA_DIR, fixed key, silent logs; `env` overrides. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    env: {
      NODE_ENV: 'test',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'paydesk-test-')),
      SECRET_KEY: TEST_SECRET_KEY,
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      ...env,
    },
  });
}

export type TestContext = { ctx: AppContext; db: TestDb; dispose(): Promise<void> };

export type TestContextOptions = {
  env?: Record<string, string>;
  /** Run pg-boss (jobs and their outbox handlers) in the test, as a worker. Default off. */
  jobs?: boolean;
  /** Add the demo catalogue, SLA policies and articles. Default off. */
  seed?: boolean;
  /** A logger to capture what the app logs (default: silent). */
  logger?: Logger;
  /**
   * Run on this database instead of a fresh one: a second "node" on the database of another test
   * context (PostgreSQL: `joinTestDb(first.db)`). Migrations are not applied again.
   */
  database?: TestDb;
};

/** A full AppContext on a fresh migrated database (PGlite, or PostgreSQL with TEST_DATABASE_URL). */
export async function createTestContext(options: TestContextOptions = {}): Promise<TestContext> {
  const db = options.database ?? (await createTestDb());
  const config = testConfig(options.env);
  const logger = options.logger ?? pino({ level: 'silent' });
  const bus = db.databaseUrl && db.pool ? await createPgNotifyBus({ url: db.databaseUrl, pool: db.pool }) : createInProcessBus();
  const outbox = new Outbox({ handle: db, logger });
  forwardEventsToRooms(outbox, bus);
  const ctx: AppContext = {
    config,
    handle: db,
    db: db.db,
    outbox,
    bus,
    jobs: null,
    cipher: createPiiCipher(config.SECRET_KEY),
    storage: createFileStorage(config, db),
    paycore: createDemoPaymentCore({ db: db.db, handle: db, cipher: createPiiCipher(config.SECRET_KEY) }),
    metrics: createMetrics({ pendingOutbox: () => outbox.pendingCount() }),
    logger,
  };
  if (options.seed) {
    await seedReference(db.db);
    await seedDemoContent(db.db);
  }
  if (options.jobs) {
    ctx.jobs = await createJobs(db, { logger, pollingIntervalSeconds: 0.5, stopTimeoutMs: 2_000 });
  }
  await registerBackground(ctx, { worker: Boolean(options.jobs) });
  return {
    ctx,
    db,
    async dispose() {
      await ctx.jobs?.stop();
      await outbox.stop();
      await bus.close();
      await db.dispose();
    },
  };
}

export type Session = { cookie: string; csrfToken: string };

export type TestApp = TestContext & {
  app: FastifyInstance;
  /** Signs in through the API and returns the cookie header and CSRF token. */
  signIn(kind: 'staff' | 'customer', login: string, password: string): Promise<Session>;
};

export async function createTestApp(options: TestContextOptions = {}): Promise<TestApp> {
  const base = await createTestContext(options);
  const app = await buildApp(base.ctx, { serveWeb: false });
  await app.ready();
  return {
    ...base,
    app,
    async signIn(kind, login, password) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { kind, login, password } });
      if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'pd_session');
      if (!cookie) throw new Error('no session cookie');
      return { cookie: `pd_session=${cookie.value}`, csrfToken: (res.json() as { csrfToken: string }).csrfToken };
    },
    async dispose() {
      await app.close();
      await base.dispose();
    },
  };
}
