/**
 * `backup FILE` / `restore FILE` for the embedded database: one tar file holding the database
 * (PGlite's own dump of its data directory, taken on the open database so it is consistent), the
 * uploaded files of DATA_DIR/files, and a manifest. The secret key is never in it: it is kept
 * apart, and the backup says which key id it needs. On a PostgreSQL server use pg_dump
 * (docs/OPERATIONS.md).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import * as tar from 'tar';
import type { Config } from '../config';
import { acquireDataDirLock } from '../platform/lockfile';
import { CliError } from './commands';

const FORMAT = 'paydesk-backup';
const VERSION = 1;

export type BackupManifest = {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  /** Keys the data is sealed under (ids only): the restored database needs one of these as SECRET_KEY. */
  keyIds: string[];
  migrations: number;
  files: number;
};

function countFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    n += entry.isDirectory() ? countFiles(path.join(dir, entry.name)) : 1;
  }
  return n;
}

function embeddedOnly(config: Config, what: string): void {
  if (!config.embedded) {
    throw new CliError(
      `${what} is for the embedded database; on a PostgreSQL server use pg_dump / pg_restore (docs/OPERATIONS.md)`,
    );
  }
}

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<PGlite> {
  return PGlite.create({ dataDir, extensions: { pg_trgm, unaccent }, ...(loadDataDir ? { loadDataDir } : {}) });
}

/** Writes a backup of DATA_DIR's database and files to `file` (the server must be stopped: the CLI takes DATA_DIR). */
export async function backupCommand(config: Config, file: string, out: (line: string) => void): Promise<BackupManifest> {
  embeddedOnly(config, 'backup');
  const target = path.resolve(file);
  if (existsSync(target)) throw new CliError(`${target} already exists; name a new file`);
  const pgdata = path.join(config.DATA_DIR, 'pgdata');
  if (!existsSync(pgdata)) throw new CliError(`${config.DATA_DIR} holds no database to back up`);
  const release = acquireDataDirLock(config.DATA_DIR);
  const staging = path.join(config.DATA_DIR, `.backup-${process.pid}`);
  try {
    mkdirSync(staging, { recursive: true });
    const db = await openPglite(pgdata);
    let manifest: BackupManifest;
    try {
      const keys = await db
        .query<{ key_id: string }>(`SELECT key_id FROM secret_keys WHERE retired_at IS NULL ORDER BY added_at`)
        .catch(() => ({ rows: [] as Array<{ key_id: string }> }));
      const migrations = await db
        .query<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations')
        .catch(() => ({ rows: [{ n: 0 }] }));
      const dump = await db.dumpDataDir('gzip');
      writeFileSync(path.join(staging, 'pgdata.tar.gz'), Buffer.from(await dump.arrayBuffer()));
      manifest = {
        format: FORMAT,
        version: VERSION,
        createdAt: new Date().toISOString(),
        keyIds: keys.rows.map((r) => r.key_id),
        migrations: Number(migrations.rows[0]?.n ?? 0),
        files: countFiles(path.join(config.DATA_DIR, 'files')),
      };
    } finally {
      await db.close();
    }
    writeFileSync(path.join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    const partial = `${target}.partial`;
    await tar.c({ file: partial, cwd: staging, portable: true }, ['manifest.json', 'pgdata.tar.gz']);
    if (existsSync(path.join(config.DATA_DIR, 'files')))
      await tar.r({ file: partial, cwd: config.DATA_DIR, portable: true }, ['files']);
    renameSync(partial, target);
    const mb = (statSync(target).size / 2 ** 20).toFixed(1);
    out(`Backup written: ${target} (${mb} MB): the database and ${manifest.files} uploaded file(s).`);
    out(
      `The secret key is NOT in it. Keep ${config.keyFile ?? 'SECRET_KEY'} (key id ${manifest.keyIds.join(', ') || 'not recorded yet'}) ` +
        'apart from the backup: without it the personal data in it cannot be read.',
    );
    return manifest;
  } finally {
    rmSync(staging, { recursive: true, force: true });
    release();
  }
}

/** Restores a backup into DATA_DIR, which must not hold a database yet. */
export async function restoreCommand(
  config: Config,
  file: string,
  out: (line: string) => void,
  options: { keyGenerated: boolean },
): Promise<BackupManifest> {
  embeddedOnly(config, 'restore');
  const source = path.resolve(file);
  if (!existsSync(source)) throw new CliError(`${source} does not exist`);
  const pgdata = path.join(config.DATA_DIR, 'pgdata');
  if (existsSync(pgdata)) throw new CliError(`${config.DATA_DIR} already holds a database: restore into a new DATA_DIR`);
  const release = acquireDataDirLock(config.DATA_DIR);
  const staging = path.join(config.DATA_DIR, `.restore-${process.pid}`);
  try {
    mkdirSync(staging, { recursive: true });
    await tar.x({ file: source, cwd: staging, strict: true });
    const manifestFile = path.join(staging, 'manifest.json');
    const manifest = (existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : null) as BackupManifest | null;
    if (manifest?.format !== FORMAT || !existsSync(path.join(staging, 'pgdata.tar.gz'))) {
      throw new CliError(`${source} is not a paydesk backup`);
    }
    if (manifest.version > VERSION)
      throw new CliError(`${source} was written by a newer paydesk (backup format ${manifest.version})`);
    const db = await openPglite(pgdata, new Blob([readFileSync(path.join(staging, 'pgdata.tar.gz'))]));
    await db.query('SELECT 1');
    await db.close();
    if (existsSync(path.join(staging, 'files'))) {
      cpSync(path.join(staging, 'files'), path.join(config.DATA_DIR, 'files'), { recursive: true });
    }
    out(
      `Restored into ${config.DATA_DIR}: the database (${manifest.migrations} migrations) and ${manifest.files} uploaded file(s), backed up ${manifest.createdAt}.`,
    );
    if (options.keyGenerated && config.keyFile) {
      // The key generated by this very command would not open the data: leave the place to the backup's key.
      rmSync(config.keyFile, { force: true });
      out(
        `Now put the secret key of key id ${manifest.keyIds.join(' or ')} into ${config.keyFile} (or set SECRET_KEY) before starting.`,
      );
    } else {
      out(
        `Start with the secret key of key id ${manifest.keyIds.join(' or ') || '(not recorded)'}; another key is refused at start.`,
      );
    }
    return manifest;
  } catch (err) {
    rmSync(pgdata, { recursive: true, force: true });
    throw err;
  } finally {
    rmSync(staging, { recursive: true, force: true });
    release();
  }
}
