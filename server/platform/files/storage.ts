import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { FileType } from '../../../common/forms/types';
import { AppError } from '../../errors';
import { detectFileType, SNIFF_BYTES } from './sniff';

const refused = (field?: string) => (field ? { fields: { [field]: { code: 'file_type_not_allowed' } } } : {});

export type StoredFile = { key: string; size: number; sha256: string; contentType: FileType };

/** Where uploads live. Keys are random and never part of a public URL. */
export type FileStorage = {
  /** Streams `source` in, checking its type by content and its size; throws and keeps nothing on refusal. */
  put(source: Readable, options: { maxBytes: number; accept: readonly FileType[]; field?: string }): Promise<StoredFile>;
  read(key: string): Readable;
  remove(key: string): Promise<void>;
};

/** Local disk under DATA_DIR/files (the default; an S3-compatible bucket can implement the same type). */
export function createLocalStorage(root: string): FileStorage {
  const resolve = (key: string) => {
    if (!/^[0-9]{4}\/[0-9]{2}\/[0-9a-f-]{36}$/.test(key)) throw new AppError('NOT_FOUND');
    return path.join(root, key);
  };
  return {
    async put(source, { maxBytes, accept, field }) {
      const now = new Date();
      const key = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
      const file = resolve(key);
      await mkdir(path.dirname(file), { recursive: true });
      const hash = createHash('sha256');
      let size = 0;
      let head = Buffer.alloc(0);
      let detected: FileType | null = null;
      const check = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > maxBytes)
            return done(
              new AppError('PAYLOAD_TOO_LARGE', {
                maxBytes,
                ...(field ? { fields: { [field]: { code: 'file_too_large' } } } : {}),
              }),
            );
          if (head.length < SNIFF_BYTES) {
            head = Buffer.concat([head, chunk]).subarray(0, SNIFF_BYTES);
            // Decide as soon as enough bytes are in (or at the end for tiny files).
            if (head.length >= SNIFF_BYTES) {
              detected = detectFileType(head);
              if (!detected || !accept.includes(detected)) return done(new AppError('UNSUPPORTED_MEDIA_TYPE', refused(field)));
            }
          }
          hash.update(chunk);
          done(null, chunk);
        },
        flush(done) {
          if (!detected) {
            detected = detectFileType(head);
            if (!detected || !accept.includes(detected)) return done(new AppError('UNSUPPORTED_MEDIA_TYPE', refused(field)));
          }
          done();
        },
      });
      try {
        await pipeline(source, check, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
      } catch (err) {
        await rm(file, { force: true });
        throw err;
      }
      if (!detected) throw new AppError('UNSUPPORTED_MEDIA_TYPE', refused(field));
      return { key, size, sha256: hash.digest('hex'), contentType: detected };
    },
    read(key) {
      return createReadStream(resolve(key));
    },
    async remove(key) {
      await rm(resolve(key), { force: true });
    },
  };
}

/** Whether a stored file is still there (for cleanup and checks). */
export async function exists(root: string, key: string): Promise<boolean> {
  return stat(path.join(root, key)).then(
    () => true,
    () => false,
  );
}
