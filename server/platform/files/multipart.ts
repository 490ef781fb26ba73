import type { FastifyReply, FastifyRequest } from 'fastify';
import { FILE_TYPES } from '../../../common/forms/types';
import { AppError } from '../../errors';
import type { FileStorage, StoredFile } from './storage';

export type Upload = { fieldKey: string; name: string; stored: StoredFile };

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyRequest {
    uploads: Upload[];
    /** Set by a route once the uploads belong to a record; otherwise they are removed after the answer. */
    keepUploads: boolean;
  }
}

export type MultipartOptions = { storage: FileStorage; maxFileBytes: number; maxFiles: number };

const safeName = (name: string) =>
  name
    .normalize('NFC')
    // Control characters and path separators never reach a stored name.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f/\\]/g, '_')
    .slice(-150) || 'file';

/**
 * preValidation hook for routes taking JSON or multipart: streams each file part into storage
 * (type by content, size capped), and makes the JSON of the `data` part the body, so the route's
 * zod schema validates both forms alike.
 */
export function multipartBody(options: MultipartOptions) {
  return async (request: FastifyRequest) => {
    request.uploads = [];
    request.keepUploads = false;
    if (!request.isMultipart()) return;
    let data: unknown = {};
    for await (const part of request.parts({
      limits: { fileSize: options.maxFileBytes, files: options.maxFiles, fields: 20, fieldSize: 256 * 1024 },
    })) {
      if (part.type === 'field') {
        if (part.fieldname !== 'data') continue;
        try {
          // @fastify/multipart parses a part sent as application/json itself.
          data = typeof part.value === 'string' ? JSON.parse(part.value) : part.value;
        } catch {
          throw new AppError('VALIDATION_FAILED', { issues: [{ path: ['body', 'data'], message: 'not JSON' }] });
        }
        continue;
      }
      const stored = await options.storage.put(part.file, {
        maxBytes: options.maxFileBytes,
        accept: FILE_TYPES,
        field: part.fieldname,
      });
      request.uploads.push({ fieldKey: part.fieldname, name: safeName(part.filename), stored });
    }
    request.body = data;
  };
}

/** Removes files of a request that did not keep them (refused, failed, or a replay). */
export function cleanupUploads(storage: FileStorage) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    if (request.keepUploads || !request.uploads?.length) return;
    await Promise.all(request.uploads.map((u) => storage.remove(u.stored.key).catch(() => undefined)));
  };
}
