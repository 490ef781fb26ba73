import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'paydesk-config-'));
const base = () => ({ DATA_DIR: dataDir(), SECRET_KEY: 'b'.repeat(64) });
const silent = () => undefined;

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ env: { ...base(), ...env }, warn: silent });
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({ env: base(), warn: silent });
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      PAYDESK_ROLES: ['web', 'worker', 'mail'],
      LOG_LEVEL: 'info',
      DEFAULT_LOCALE: 'ru',
      embedded: true,
      publicUrl: 'http://localhost:3000',
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.SMTP_URL).toBeUndefined();
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['PUBLIC_URL', 'not a url'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['SECRET_KEY', 'too-short'],
    ['SMTP_URL', 'http://mail.example'],
    ['PAYDESK_ROLES', 'web,cron'],
    ['LOG_LEVEL', 'loud'],
    ['DEFAULT_LOCALE', 'de'],
    ['SEED_DEMO', 'maybe'],
    ['SESSION_TTL_HOURS', '0'],
  ])('names %s when its value %j is bad', (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name}: `));
  });

  it('reports every bad variable at once', () => {
    const problems = problemsOf({ PORT: 'x', LOG_LEVEL: 'y' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['LOG_LEVEL', 'PORT']);
    expect(() => loadConfig({ env: { ...base(), PORT: 'x' } })).toThrow(/PORT/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ env: { ...base(), DATABASE_URL: '' }, warn: silent }).embedded).toBe(true);
  });

  it('uses a PostgreSQL server when DATABASE_URL is set', () => {
    const config = loadConfig({ env: { ...base(), DATABASE_URL: 'postgres://u@127.0.0.1:5432/paydesk' }, warn: silent });
    expect(config.embedded).toBe(false);
  });

  it('requires SECRET_KEY with DATABASE_URL: no node may seal with a key of its own', () => {
    expect(() =>
      loadConfig({ env: { DATA_DIR: dataDir(), DATABASE_URL: 'postgres://u@127.0.0.1:5432/paydesk' }, warn: silent }),
    ).toThrow(/SECRET_KEY: required with DATABASE_URL/);
  });

  it('reads the previous keys of a rotation, and names a bad one', () => {
    const config = loadConfig({ env: { ...base(), SECRET_KEY_PREVIOUS: ` ${'C'.repeat(64)}, ${'d'.repeat(64)}` }, warn: silent });
    expect(config.SECRET_KEY_PREVIOUS).toEqual(['c'.repeat(64), 'd'.repeat(64)]);
    expect(loadConfig({ env: base(), warn: silent }).SECRET_KEY_PREVIOUS).toEqual([]);
    expect(problemsOf({ SECRET_KEY_PREVIOUS: `${'c'.repeat(64)},short` })[0]).toMatch(/^SECRET_KEY_PREVIOUS: /);
  });

  it('generates SECRET_KEY once into DATA_DIR with a warning, then reuses it', () => {
    const dir = dataDir();
    const warnings: string[] = [];
    const first = loadConfig({ env: { DATA_DIR: dir }, warn: (m) => warnings.push(m) });
    expect(first.SECRET_KEY).toMatch(/^[0-9a-f]{64}$/);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/SECRET_KEY/);
    const file = path.join(dir, 'secret.key');
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.SECRET_KEY);
    expect(first.keyFile).toBe(file);
    const second = loadConfig({ env: { DATA_DIR: dir }, warn: (m) => warnings.push(m) });
    expect(second.SECRET_KEY).toBe(first.SECRET_KEY);
    expect(warnings).toHaveLength(1);
  });

  it('accepts a comma-separated role list', () => {
    expect(loadConfig({ env: { ...base(), PAYDESK_ROLES: 'web, worker' }, warn: silent }).PAYDESK_ROLES).toEqual([
      'web',
      'worker',
    ]);
  });
});

describe('several nodes: file storage and the proxy', () => {
  const load = (env: Record<string, string>) => loadConfig({ env: { ...base(), ...env }, warn: silent });

  it('keeps files on disk on the embedded database and in the database with DATABASE_URL, unless told', () => {
    expect(load({}).FILE_STORAGE).toBe('local');
    expect(load({ DATABASE_URL: 'postgres://u@db/paydesk' }).FILE_STORAGE).toBe('database');
    expect(load({ DATABASE_URL: 'postgres://u@db/paydesk', FILE_STORAGE: 'local' }).FILE_STORAGE).toBe('local');
    expect(load({ FILE_STORAGE: 'database' }).FILE_STORAGE).toBe('database');
  });

  it('needs a bucket for S3 and both keys or none', () => {
    expect(problemsOf({ FILE_STORAGE: 's3' })).toEqual(['S3_BUCKET: required with FILE_STORAGE=s3']);
    expect(problemsOf({ FILE_STORAGE: 's3', S3_BUCKET: 'files', S3_ACCESS_KEY_ID: 'k' })[0]).toMatch(
      /^S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY/,
    );
    expect(problemsOf({ FILE_STORAGE: 'ftp' })[0]).toMatch(/^FILE_STORAGE/);
    expect(problemsOf({ FILE_STORAGE: 's3', S3_BUCKET: 'files', S3_PREFIX: 'no-slash' })[0]).toMatch(/^S3_PREFIX/);
    expect(load({ FILE_STORAGE: 's3', S3_BUCKET: 'files', S3_FORCE_PATH_STYLE: 'true' })).toMatchObject({
      S3_REGION: 'us-east-1',
      S3_FORCE_PATH_STYLE: true,
    });
  });

  it('trusts no proxy, any proxy, or the listed addresses', () => {
    expect(load({}).TRUST_PROXY).toBe(false);
    expect(load({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(load({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16' }).TRUST_PROXY).toEqual(['10.0.0.5', '10.1.0.0/16']);
    expect(problemsOf({ TRUST_PROXY: 'the balancer' })[0]).toMatch(/^TRUST_PROXY/);
  });
});
