/**
 * `npm run paydesk -- files migrate --to database|s3 [--from local] [--delete-source]`: copies every
 * file an attachment names from one storage to another under the same key, so no row changes and
 * nodes may switch FILE_STORAGE once it is done. Resumable: a file already in the target with the
 * recorded SHA-256 is skipped, so a second run (after a crash, or to pick up files uploaded during
 * the first) copies only what is missing. Each copy is read back from the target and its SHA-256
 * compared with the one recorded at upload.
 */
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { FILE_TYPES } from '../../../common/forms/types';
import type { Config } from '../../config';
import type { DbHandle } from '../../db/connection';
import { AppError } from '../../errors';
import { createStorageOf } from './configured';
import type { FileStorage, FileStorageKind } from './storage';

export type MigrateOptions = {
  from: FileStorage;
  to: FileStorage;
  /** Remove each file from the source once its copy is verified. */
  deleteSource?: boolean;
  /** Called after each file (progress output). */
  onFile?: (outcome: FileOutcome) => void;
};

export type FileOutcome = { key: string; result: 'copied' | 'skipped' | 'missing' | 'mismatch' };
export type MigrateReport = { total: number; copied: number; skipped: number; missing: number; mismatch: number };

const PAGE = 200;

/** SHA-256 of what a storage holds under `key`, or null when it holds nothing there. */
async function hashOf(storage: FileStorage, key: string): Promise<string | null> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of storage.read(key)) hash.update(chunk as Buffer);
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
    throw err;
  }
  return hash.digest('hex');
}

async function moveOne(options: MigrateOptions, file: { key: string; sha256: string; size: number }): Promise<FileOutcome> {
  const { from, to, deleteSource } = options;
  const done = async (result: FileOutcome['result']): Promise<FileOutcome> => {
    if (deleteSource && (result === 'copied' || result === 'skipped')) await from.remove(file.key);
    return { key: file.key, result };
  };
  if ((await hashOf(to, file.key)) === file.sha256) return done('skipped');
  try {
    // Every file was checked at upload; the same checks again, with room for exactly its size.
    await to.put(from.read(file.key), { key: file.key, maxBytes: Math.max(file.size, 1), accept: FILE_TYPES });
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return { key: file.key, result: 'missing' };
    if (err instanceof AppError) return { key: file.key, result: 'mismatch' };
    throw err;
  }
  if ((await hashOf(to, file.key)) !== file.sha256) {
    await to.remove(file.key);
    return { key: file.key, result: 'mismatch' };
  }
  return done('copied');
}

/** Copies every attachment's file from `from` to `to`, one at a time, in key order. */
export async function migrateFiles(handle: DbHandle, options: MigrateOptions): Promise<MigrateReport> {
  const report: MigrateReport = { total: 0, copied: 0, skipped: 0, missing: 0, mismatch: 0 };
  let after = '';
  for (;;) {
    const { rows } = await handle.query<{ key: string; sha256: string; size: string | number }>(
      `SELECT DISTINCT ON (storage_key) storage_key AS key, sha256, size FROM attachments
        WHERE storage_key > $1 ORDER BY storage_key, created_at LIMIT $2`,
      [after, PAGE],
    );
    for (const row of rows) {
      const outcome = await moveOne(options, { key: row.key, sha256: row.sha256, size: Number(row.size) });
      report.total += 1;
      report[outcome.result] += 1;
      options.onFile?.(outcome);
    }
    if (rows.length < PAGE) return report;
    after = rows[rows.length - 1]!.key;
  }
}

const KINDS: readonly FileStorageKind[] = ['local', 'database', 's3'];

/** The `files` command of the CLI; returns the exit code. */
export async function filesCommand(
  args: string[],
  env: { config: Config; handle: DbHandle; out: (line: string) => void },
): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: { to: { type: 'string' }, from: { type: 'string', default: 'local' }, 'delete-source': { type: 'boolean' } },
    strict: true,
  });
  const from = values.from as FileStorageKind;
  const to = values.to as FileStorageKind | undefined;
  if (sub !== 'migrate' || !to || !KINDS.includes(to) || !KINDS.includes(from) || from === to) {
    env.out('Usage: files migrate --to database|s3|local [--from local|database|s3] [--delete-source]');
    return 2;
  }
  // Each side exactly as named: the database storage's read-through to DATA_DIR/files would make
  // every file look copied already.
  const source = createStorageOf(from, env.config, env.handle, { fallback: false });
  const target = createStorageOf(to, env.config, env.handle, { fallback: false });
  env.out(`Copying the files of every attachment from ${from} to ${to} storage…`);
  const report = await migrateFiles(env.handle, {
    from: source,
    to: target,
    deleteSource: values['delete-source'] ?? false,
    onFile: (o) => {
      if (o.result === 'missing') env.out(`  missing in ${from}: ${o.key}`);
      if (o.result === 'mismatch') env.out(`  SHA-256 differs from the one recorded at upload, not copied: ${o.key}`);
    },
  });
  env.out(
    `Files: ${report.total} in total, ${report.copied} copied, ${report.skipped} already there, ` +
      `${report.missing} missing, ${report.mismatch} damaged.`,
  );
  if (report.missing + report.mismatch > 0) return 1;
  env.out(`Done. Set FILE_STORAGE=${to} on every node and restart them; run this again to copy what came in meanwhile.`);
  return 0;
}
