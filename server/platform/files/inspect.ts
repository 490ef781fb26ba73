import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import type { FileType } from '../../../common/forms/types';
import { AppError } from '../../errors';
import { detectFileType, SNIFF_BYTES } from './sniff';

export type InspectOptions = {
  maxBytes: number;
  accept: readonly FileType[];
  /** The form field the file came in, named in the error. */
  field?: string;
};

export type Inspection = { size: number; sha256: string; contentType: FileType };

/** A refusal by content: the file is not one of the accepted types. */
export const typeRefused = (field?: string) =>
  new AppError('UNSUPPORTED_MEDIA_TYPE', field ? { field, fields: { [field]: { code: 'file_type_not_allowed' } } } : {});

/** A refusal by size. */
export const sizeRefused = (maxBytes: number, field?: string) =>
  new AppError('PAYLOAD_TOO_LARGE', {
    maxBytes,
    ...(field ? { field, fields: { [field]: { code: 'file_too_large' } } } : {}),
  });

/**
 * A pass-through stream that checks an upload while it streams in, whatever stores it: the type by
 * its first SNIFF_BYTES bytes (decided as soon as they are in, or at the end of a shorter file), the
 * size against `maxBytes`, and the SHA-256 of everything that passed. It errors (and so fails the
 * pipeline, before the storage keeps anything) on the first violation; `result()` is valid after
 * the stream has ended.
 */
export function inspectUpload(options: InspectOptions): Transform & { result(): Inspection } {
  const { maxBytes, accept, field } = options;
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  let detected: FileType | null = null;
  const decide = (): Error | null => {
    detected = detectFileType(head);
    return detected && accept.includes(detected) ? null : typeRefused(field);
  };
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) return done(sizeRefused(maxBytes, field));
      if (!detected) {
        head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
        if (head.length >= SNIFF_BYTES) {
          const refusal = decide();
          if (refusal) return done(refusal);
        }
      }
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      done(detected ? null : decide());
    },
  });
  let digest: string | null = null;
  return Object.assign(stream, {
    result(): Inspection {
      if (!detected) throw typeRefused(field);
      digest ??= hash.digest('hex');
      return { size, sha256: digest, contentType: detected };
    },
  });
}
