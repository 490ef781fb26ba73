import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { z } from 'zod';

export const ROLES = ['web', 'worker', 'mail'] as const;
export type ProcessRole = (typeof ROLES)[number];
export const LOCALES = ['ru', 'uk', 'en'] as const;

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const intFrom = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .url()
    .refine((v) => protocols.some((p) => v.startsWith(p)), {
      message: `must start with ${protocols.join(' or ')}`,
    })
    .optional();

/** Every setting paydesk reads from the environment, with its default. README.md's table mirrors it. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: intFrom(0, 65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.string().url().optional(),
  /** Further origins allowed to sign in, file and open /ws (comma-separated, e.g. a second domain). */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().url('must be origins like https://support.example.com, comma-separated'))),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: optionalUrl(['postgres://', 'postgresql://']),
  DATABASE_POOL_SIZE: intFrom(1, 200).default(10),
  DATABASE_CONNECT_TIMEOUT_MS: intFrom(100, 120_000).default(5_000),
  SECRET_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes)')
    .optional(),
  /** Keys that only open (comma-separated), while `rotate-key` re-seals under SECRET_KEY. */
  SECRET_KEY_PREVIOUS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 hex characters (32 bytes) each, comma-separated')))
    .default([]),
  SMTP_URL: optionalUrl(['smtp://', 'smtps://']),
  MAIL_FROM: z.string().min(3).default('paydesk <support@paydesk.local>'),
  PAYDESK_ROLES: z
    .string()
    .default('web,worker,mail')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(ROLES)).min(1, 'name at least one of web, worker, mail')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEFAULT_LOCALE: z.enum(LOCALES).default('ru'),
  SEED_DEMO: bool.default(true),
  SESSION_TTL_HOURS: intFrom(1, 24 * 90).default(12),
  /** Wrong passwords for one login from one address per LOGIN_LOCK_MINUTES before that pair must wait. */
  LOGIN_MAX_FAILURES: intFrom(1, 100).default(5),
  LOGIN_LOCK_MINUTES: intFrom(1, 24 * 60).default(15),
  /** Wrong passwords for one login from all addresses together per hour (a distributed guess). */
  LOGIN_ACCOUNT_MAX_FAILURES: intFrom(1, 10_000).default(30),
  LOGIN_IP_MAX_FAILURES: intFrom(1, 10_000).default(50),
  /** `true` (any proxy), `false`, or the proxies' addresses / CIDR ranges, comma-separated (Fastify's trustProxy). */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v) => {
      const flag = v.trim().toLowerCase();
      if (['true', '1', 'yes'].includes(flag)) return true;
      if (['false', '0', 'no'].includes(flag)) return false;
      return v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    })
    .pipe(
      z.union([
        z.boolean(),
        z
          .array(
            z
              .string()
              .regex(/^[0-9a-fA-F:.]+(\/\d{1,3})?$/, 'must be true, false or IP addresses / CIDR ranges, comma-separated'),
          )
          .min(1),
      ]),
    ),
  UPLOAD_MAX_MB: intFrom(1, 100).default(10),
  TICKETS_PER_IP_HOUR: intFrom(1, 100_000).default(30),
  TICKETS_PER_EMAIL_HOUR: intFrom(1, 100_000).default(10),
  /** Questions to the virtual consultant per IP address per minute. */
  BOT_ASKS_PER_IP_MINUTE: intFrom(1, 1_000_000).default(30),
  /** Payment checks (issue 18) per IP address per 15 minutes: enough for a person, too few to enumerate receipts. */
  PAYMENT_CHECKS_PER_IP: intFrom(1, 1_000_000).default(20),
  /** How long a payment check waits for the payment core before answering «временно недоступен». */
  PAYCORE_TIMEOUT_MS: intFrom(50, 60_000).default(3000),
  /** Incoming mail (docs/MAIL.md): the built-in SMTP listener of the mail role; unset = off. */
  MAIL_INBOUND_PORT: intFrom(0, 65535).optional(),
  MAIL_INBOUND_HOST: z.string().min(1).default('127.0.0.1'),
  MAIL_INBOUND_MAX_MB: intFrom(1, 100).default(25),
  MAIL_INBOUND_PER_SENDER_HOUR: intFrom(1, 100_000).default(60),
  /** `/metrics` for a scraper sending `Authorization: Bearer <token>`; unset = only from this machine, not through a proxy. */
  METRICS_TOKEN: z.string().min(16, 'use at least 16 characters').max(200).optional(),
  /** This node's stable name (default: host name and DATA_DIR): a restart under it frees what its predecessor held. */
  NODE_NAME: z.string().min(1).max(200).optional(),
  /** How often the worker polls mailboxes that have IMAP settings; 0 = never. */
  MAIL_IMAP_POLL_SECONDS: intFrom(0, 86_400).default(60),
  /** Where uploads live (platform/files): unset = `database` with DATABASE_URL, else `local`. */
  FILE_STORAGE: z.enum(['local', 'database', 's3']).optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_ENDPOINT: optionalUrl(['http://', 'https://']),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_FORCE_PATH_STYLE: bool.default(false),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*\/$/, 'must be path segments ending in /, e.g. paydesk/')
    .optional(),
});

export type Config = Omit<z.infer<typeof envSchema>, 'SECRET_KEY' | 'NODE_NAME' | 'FILE_STORAGE'> & {
  SECRET_KEY: string;
  NODE_NAME: string;
  FILE_STORAGE: 'local' | 'database' | 's3';
  /** True when no DATABASE_URL is set: PGlite inside DATA_DIR. */
  embedded: boolean;
  /** The file SECRET_KEY was read from (generated into DATA_DIR), or null when it came from the environment. */
  keyFile: string | null;
  publicUrl: string;
  /** Origins browser requests may come from: PUBLIC_URL's, ALLOWED_ORIGINS, loopback without PUBLIC_URL. */
  origins: string[];
};

/** Thrown when the environment is wrong; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type LoadOptions = {
  env?: Record<string, string | undefined>;
  /** Called when SECRET_KEY had to be generated. */
  warn?: (message: string) => void;
};

/**
 * Parses the environment into one typed object. Fails fast with a ConfigError naming
 * each bad variable. With no SECRET_KEY it generates one into DATA_DIR/secret.key once.
 */
export function loadConfig({ env = process.env, warn = console.warn }: LoadOptions = {}): Config {
  // Empty strings mean "unset" (e.g. `DATABASE_URL= npm start`).
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([key, v]) => key in envSchema.shape && v !== undefined && v !== ''),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${String(i.path[0] ?? '?')}: ${i.message}`));
  }
  const values = parsed.data;
  const problems = fileStorageProblems(values);
  if (problems.length > 0) throw new ConfigError(problems);
  const dataDir = path.resolve(values.DATA_DIR);
  if (values.DATABASE_URL && !values.SECRET_KEY) {
    // Every node of a shared database must seal with the same key: one generated per node's DATA_DIR would not be.
    throw new ConfigError([
      'SECRET_KEY: required with DATABASE_URL (every node must seal personal data with the same key); generate one with `openssl rand -hex 32`',
    ]);
  }
  const secret = values.SECRET_KEY ?? readOrCreateSecret(dataDir, warn);
  const host = values.HOST === '0.0.0.0' || values.HOST === '::' ? 'localhost' : values.HOST;
  const publicUrl = (values.PUBLIC_URL ?? `http://${host === '127.0.0.1' ? 'localhost' : host}:${values.PORT}`).replace(
    /\/$/,
    '',
  );
  return {
    ...values,
    DATA_DIR: dataDir,
    SECRET_KEY: secret.toLowerCase(),
    embedded: !values.DATABASE_URL,
    keyFile: values.SECRET_KEY ? null : path.join(dataDir, 'secret.key'),
    NODE_NAME: values.NODE_NAME ?? `${hostname()}:${dataDir}`,
    FILE_STORAGE: values.FILE_STORAGE ?? (values.DATABASE_URL ? 'database' : 'local'),
    publicUrl,
    origins: allowedOrigins(publicUrl, values),
  };
}

/**
 * The origins a browser request may come from (login, filing, /ws): PUBLIC_URL's and ALLOWED_ORIGINS',
 * never the Host header (a DNS-rebinding page names any host it likes). Without PUBLIC_URL the app is
 * for this machine only, so its loopback names are allowed too.
 */
function allowedOrigins(publicUrl: string, values: { PUBLIC_URL?: string | undefined; ALLOWED_ORIGINS: string[]; PORT: number }) {
  const origins = new Set([new URL(publicUrl).origin, ...values.ALLOWED_ORIGINS.map((o) => new URL(o).origin)]);
  if (!values.PUBLIC_URL) for (const name of ['localhost', '127.0.0.1', '[::1]']) origins.add(`http://${name}:${values.PORT}`);
  return [...origins];
}

function fileStorageProblems(values: z.infer<typeof envSchema>): string[] {
  if (values.FILE_STORAGE !== 's3') return [];
  const problems: string[] = [];
  if (!values.S3_BUCKET) problems.push('S3_BUCKET: required with FILE_STORAGE=s3');
  if (Boolean(values.S3_ACCESS_KEY_ID) !== Boolean(values.S3_SECRET_ACCESS_KEY))
    problems.push('S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: give both or neither (then the AWS SDK finds credentials itself)');
  return problems;
}

/**
 * Makes sure DATA_DIR is a directory this process can write, creating it one level at a time
 * (a recursive mkdir loops forever under /proc, where mkdir answers ENOENT), or throws a
 * ConfigError that says what is wrong with it.
 */
export function ensureDataDir(dataDir: string): void {
  const missing: string[] = [];
  for (let dir = dataDir; !existsSync(dir); dir = path.dirname(dir)) {
    if (path.dirname(dir) === dir) break;
    missing.unshift(dir);
  }
  const refuse = (what: string, err: unknown) =>
    new ConfigError([
      `DATA_DIR: ${what} ${dataDir} (${(err as NodeJS.ErrnoException).code ?? String(err)}); choose a writable directory`,
    ]);
  for (const dir of missing) {
    try {
      mkdirSync(dir);
    } catch (err) {
      throw refuse('cannot create', err);
    }
  }
  const probe = path.join(dataDir, `.write-test-${process.pid}`);
  try {
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (err) {
    throw refuse('cannot write into', err);
  }
}

function readOrCreateSecret(dataDir: string, warn: (m: string) => void): string {
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/i.test(stored)) {
      throw new ConfigError([`SECRET_KEY: ${file} is damaged (expected 64 hex characters)`]);
    }
    return stored;
  }
  ensureDataDir(dataDir);
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, key + '\n', { mode: 0o600, flag: 'wx' });
  warn(`SECRET_KEY is not set: generated one into ${file}. Keep this file (it decrypts personal data) or set SECRET_KEY.`);
  return key;
}
