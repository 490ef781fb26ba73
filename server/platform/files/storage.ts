import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileType } from '../../../common/forms/types';
import { AppError } from '../../errors';
import { inspectUpload, type InspectOptions } from './inspect';

export type StoredFile = { key: string; size: number; sha256: string; contentType: FileType };

export type PutOptions = InspectOptions & {
  /** Store under this key instead of a new one (`files migrate` keeps every file's key). */
  key?: string;
};

export type FileStorageKind = 'local' | 'database' | 's3';

/**
 * Where uploads live: the one seam between the app and its file store (local disk, PostgreSQL, an
 * S3-compatible bucket). Keys are random and never part of a public URL; the same key names the same
 * file in every kind of storage, so files move between them without touching the rows that refer to them.
 */
export type FileStorage = {
  readonly kind: FileStorageKind;
  /** Streams `source` in, checking its type by content and its size; throws and keeps nothing on refusal. */
  put(source: Readable, options: PutOptions): Promise<StoredFile>;
  /** The file's bytes; the stream fails with NOT_FOUND (before any byte) when there is no such file. */
  read(key: string): Readable;
  /** Forgets the file under `key` (nothing happens when there is none). */
  remove(key: string): Promise<void>;
};

/** `YYYY/MM/<uuid>`: what `newKey` makes and every storage accepts. */
const KEY_PATTERN = /^[0-9]{4}\/[0-9]{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A new random key, grouped by month (a directory per month on disk). */
export function newKey(now = new Date()): string {
  return `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
}

/** Throws NOT_FOUND for anything but a key of ours (no path tricks reach a store). */
export function checkKey(key: string): string {
  if (!KEY_PATTERN.test(key)) throw new AppError('NOT_FOUND');
  return key;
}

/** A stream that fails at once with `err` (a read of a key that cannot exist). */
export function failedStream(err: Error): Readable {
  const stream = new PassThrough();
  queueMicrotask(() => stream.destroy(err));
  return stream;
}

/** Local disk under DATA_DIR/files: the default on the embedded database (one node). */
export function createLocalStorage(root: string): FileStorage {
  const resolve = (key: string) => path.join(root, checkKey(key));
  return {
    kind: 'local',
    async put(source, options) {
      const key = options.key ?? newKey();
      const file = resolve(key);
      await mkdir(path.dirname(file), { recursive: true });
      const inspect = inspectUpload(options);
      // A migration may write the same key again (resumed after a crash): replace, never append.
      const flags = options.key ? 'w' : 'wx';
      try {
        await pipeline(source, inspect, createWriteStream(file, { flags, mode: 0o600 }));
      } catch (err) {
        await rm(file, { force: true });
        throw err;
      }
      return { key, ...inspect.result() };
    },
    read(key) {
      let file: string;
      try {
        file = resolve(key);
      } catch (err) {
        return failedStream(err as Error);
      }
      const stream = createReadStream(file);
      // A missing file is a 404 to whoever asked, not an internal error.
      const out = new PassThrough();
      stream.on('error', (err: NodeJS.ErrnoException) => out.destroy(err.code === 'ENOENT' ? new AppError('NOT_FOUND') : err));
      return stream.pipe(out);
    },
    async remove(key) {
      await rm(resolve(key), { force: true });
    },
  };
}
