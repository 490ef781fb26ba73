import type { Logger } from 'pino';
import type { Config } from './config';
import type { Database, DbHandle } from './db/connection';
import type { PiiCipher } from './platform/crypto';
import type { FileStorage } from './platform/files/storage';
import type { PaymentCore } from './modules/customers';
import type { Jobs } from './platform/jobs';
import type { Metrics } from './platform/metrics';
import type { Outbox } from './platform/outbox';
import type { RealtimeBus } from './platform/realtime';

/** What services need from the running process; built once by runtime.ts (or a test). */
export type AppContext = {
  config: Config;
  handle: DbHandle;
  db: Database;
  outbox: Outbox;
  bus: RealtimeBus;
  /** Null in a process that neither sends nor works jobs (tests of pure HTTP paths). */
  jobs: Jobs | null;
  cipher: PiiCipher;
  /** Uploads (receipt scans, attachments): DATA_DIR/files by default. */
  storage: FileStorage;
  /** The payment core's connector (demo adapter unless a real one is configured). */
  paycore: PaymentCore;
  metrics: Metrics;
  logger: Logger;
};

/** Who is acting and from where: passed from routes to services for audit rows. */
export type RequestMeta = { ip: string; requestId: string; userAgent?: string };
