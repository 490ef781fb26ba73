import type { FastifyReply, FastifyRequest } from 'fastify';
import { FILE_TYPES, type FileType } from '../../../common/forms/types';
import { AppError } from '../../errors';
import { cleanFileName, storedFileName } from './names';
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

const MIB = 1024 * 1024;
const typeName = (type: FileType): string => (type === 'application/pdf' ? 'PDF' : type.replace('image/', '').toUpperCase());

/**
 * The refusal of one file, in the shape the portal's form shows beside the field: the field, the file's
 * name and the limit, both in `details` and as the form validator's code and params in `fields`.
 */
function refusal(err: AppError, field: string, fileName: string, options: MultipartOptions): AppError {
  const name = cleanFileName(fileName);
  if (err.code === 'PAYLOAD_TOO_LARGE') {
    const maxMb = Math.floor(options.maxFileBytes / MIB);
    return new AppError('PAYLOAD_TOO_LARGE', {
      field,
      name,
      maxBytes: options.maxFileBytes,
      fields: { [field]: { code: 'file_too_large', params: { name, maxMb } } },
    });
  }
  return new AppError('UNSUPPORTED_MEDIA_TYPE', {
    field,
    name,
    fields: { [field]: { code: 'file_type_not_allowed', params: { name, allowed: FILE_TYPES.map(typeName).join(', ') } } },
  });
}

/** @fastify/multipart's own limits, as our errors (413 naming the field and the limit). */
function multipartLimit(err: unknown, lastField: string | null, options: MultipartOptions): AppError | null {
  const code = (err as { code?: string })?.code;
  if (code === 'FST_FILES_LIMIT') {
    const field = lastField ?? 'files';
    return new AppError('PAYLOAD_TOO_LARGE', {
      field,
      maxFiles: options.maxFiles,
      fields: { [field]: { code: 'too_many_files', params: { max: options.maxFiles } } },
    });
  }
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return new AppError('PAYLOAD_TOO_LARGE', { limit: 'parts' });
  return null;
}

/**
 * preValidation hook for routes taking JSON or multipart: streams each file part into storage
 * (type by content, size capped while it streams), and makes the JSON of the `data` part the body,
 * so the route's zod schema validates both forms alike. A refused file answers 415 or 413 naming its
 * field, its name and the limit; too many files answer 413 naming the field and the count allowed.
 */
export function multipartBody(options: MultipartOptions) {
  return async (request: FastifyRequest) => {
    request.uploads = [];
    request.keepUploads = false;
    if (!request.isMultipart()) return;
    let data: unknown = {};
    let lastField: string | null = null;
    // One byte over the limit reaches our own check, which names the field; the parser's limit is the backstop.
    const parts = request.parts({
      limits: { fileSize: options.maxFileBytes + 1, files: options.maxFiles, fields: 20, fieldSize: 256 * 1024 },
    });
    try {
      for await (const part of parts) {
        if (part.type === 'field') {
          if (part.fieldname !== 'data') continue;
          try {
            // @fastify/multipart parses a part sent as application/json itself.
            data = typeof part.value === 'string' ? JSON.parse(part.value) : part.value;
          } catch {
            throw new AppError('VALIDATION_FAILED', {
              issues: [{ path: ['body', 'data'], code: 'invalid_json', message: 'not JSON' }],
            });
          }
          continue;
        }
        lastField = part.fieldname;
        let stored: StoredFile;
        try {
          stored = await options.storage.put(part.file, {
            maxBytes: options.maxFileBytes,
            accept: FILE_TYPES,
            field: part.fieldname,
          });
        } catch (err) {
          if (err instanceof AppError && (err.code === 'PAYLOAD_TOO_LARGE' || err.code === 'UNSUPPORTED_MEDIA_TYPE'))
            throw refusal(err, part.fieldname, part.filename, options);
          throw err;
        }
        request.uploads.push({ fieldKey: part.fieldname, name: storedFileName(part.filename, stored.contentType), stored });
      }
    } catch (err) {
      throw multipartLimit(err, lastField, options) ?? err;
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
