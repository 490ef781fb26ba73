import { ERROR_CODES } from '../../common/errors';
import type { ErrorCode } from '../../common/errors';

/** Codes the client raises itself, in addition to the server's `ERROR_CODES`. */
export type ClientErrorCode = ErrorCode | 'NETWORK_ERROR';

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One field's complaint, read from `error.details.issues` (the form validator's code and params, the server's text). */
export type ApiFieldError = { code: string; message?: string; params?: Record<string, string | number> };

/** Extra per-call settings: headers (e.g. a guest's `Authorization: Bearer`), cancellation. */
export type RequestOptions = { headers?: Record<string, string>; signal?: AbortSignal };

/** An API failure with the server's stable code; the UI shows `t('errors.' + code)`. */
export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown>;
  readonly requestId: string | undefined;
  /** Per-field complaints of an answer (`details.issues`), by field key (the path after `body`, dotted). */
  readonly fields: Record<string, ApiFieldError>;

  constructor(options: {
    code: ClientErrorCode;
    status: number;
    message?: string;
    details?: Record<string, unknown>;
    requestId?: string;
    fields?: Record<string, ApiFieldError>;
  }) {
    super(options.message ?? options.code);
    this.name = 'ApiError';
    this.code = options.code;
    this.status = options.status;
    this.details = options.details ?? {};
    this.requestId = options.requestId;
    this.fields = options.fields ?? {};
  }
}

const API_BASE = '/api/v1';
let csrfToken: string | null = null;

/** Remembers the CSRF token from the last `/auth/me` or `/auth/login` answer (null on sign-out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The CSRF token to send with a mutation (null when signed out). */
export function csrfHeader(): string | null {
  return csrfToken;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, value);
}

/** The parts of a request an issue's path starts with (server/errors.ts, common/errors `ApiIssue`). */
const REQUEST_PARTS = new Set(['body', 'query', 'querystring', 'params', 'headers']);

/**
 * `details.issues` (the one shape of field problems) by field key: the issue's path after its
 * request part, joined with dots (`['body', 'imap', 'password']` → `imap.password`). A form shows
 * the first complaint of each field.
 */
function fieldsFromIssues(details: unknown): Record<string, ApiFieldError> | undefined {
  if (!isRecord(details) || !Array.isArray(details.issues)) return undefined;
  const fields: Record<string, ApiFieldError> = {};
  for (const raw of details.issues as unknown[]) {
    if (!isRecord(raw) || typeof raw.code !== 'string' || !Array.isArray(raw.path)) continue;
    const path = (raw.path as unknown[]).map(String);
    const key = (REQUEST_PARTS.has(path[0] ?? '') ? path.slice(1) : path).join('.');
    if (!key || fields[key]) continue;
    fields[key] = {
      code: raw.code,
      ...(typeof raw.message === 'string' ? { message: raw.message } : {}),
      ...(isRecord(raw.params) ? { params: raw.params as Record<string, string | number> } : {}),
    };
  }
  return fields;
}

/** Turns any failed response into an ApiError; unknown shapes become INTERNAL. */
export function toApiError(status: number, body: unknown): ApiError {
  const error = isRecord(body) ? body.error : undefined;
  if (!isRecord(error)) {
    return new ApiError({ code: status === 503 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL', status });
  }
  return new ApiError({
    code: isErrorCode(error.code) ? error.code : 'INTERNAL',
    status,
    message: typeof error.message === 'string' ? error.message : undefined,
    details: isRecord(error.details) ? error.details : undefined,
    requestId: typeof error.requestId === 'string' ? error.requestId : undefined,
    fields: fieldsFromIssues(error.details),
  });
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function send(method: HttpMethod, path: string, body: unknown, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const multipart = typeof FormData !== 'undefined' && body instanceof FormData;
  // The browser sets the multipart boundary itself.
  if (body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  try {
    return await fetch(API_BASE + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ code: 'NETWORK_ERROR', status: 0 });
  }
}

/**
 * Calls the API with JSON (or a FormData, sent as multipart) in and JSON out, same-origin
 * cookies, and the CSRF header on every non-GET request. Resolves with the parsed body
 * (undefined for 204), or rejects with an ApiError.
 */
export async function apiRequest(
  method: HttpMethod,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<unknown> {
  const response = await send(method, path, body, options);
  const parsed = await readJson(response);
  if (!response.ok) throw toApiError(response.status, parsed);
  return parsed;
}

/** GETs a file (e.g. an attachment behind a Bearer token) as a Blob; errors as in apiRequest. */
export async function apiDownload(path: string, options: RequestOptions = {}): Promise<Blob> {
  const response = await send('GET', path, undefined, { ...options, headers: { Accept: '*/*', ...options.headers } });
  if (!response.ok) throw toApiError(response.status, await readJson(response));
  try {
    return await response.blob();
  } catch {
    throw new ApiError({ code: 'NETWORK_ERROR', status: 0 });
  }
}

/** Reads `details.retryAfterSeconds` of a locked / rate-limited answer, if present. */
export function retryAfterSeconds(error: ApiError): number | null {
  const value = error.details.retryAfterSeconds;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.ceil(value) : null;
}

/** The field names (first key after the request part) a VALIDATION_FAILED answer complains about. */
export function invalidFields(error: ApiError): string[] {
  return [...new Set(Object.keys(error.fields).map((key) => key.split('.')[0] ?? key))];
}
