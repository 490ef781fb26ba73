import { ERROR_CODES } from '../../common/errors';
import type { ErrorCode } from '../../common/errors';

/** Codes the client raises itself, in addition to the server's `ERROR_CODES`. */
export type ClientErrorCode = ErrorCode | 'NETWORK_ERROR';

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** An API failure with the server's stable code; the UI shows `t('errors.' + code)`. */
export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown>;
  readonly requestId: string | undefined;

  constructor(options: {
    code: ClientErrorCode;
    status: number;
    message?: string;
    details?: Record<string, unknown>;
    requestId?: string;
  }) {
    super(options.message ?? options.code);
    this.name = 'ApiError';
    this.code = options.code;
    this.status = options.status;
    this.details = options.details ?? {};
    this.requestId = options.requestId;
  }
}

const API_BASE = '/api/v1';
let csrfToken: string | null = null;

/** Remembers the CSRF token from the last `/auth/me` or `/auth/login` answer (null on sign-out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, value);
}

/** Turns any failed response into an ApiError; unknown shapes become INTERNAL. */
function toApiError(status: number, body: unknown): ApiError {
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

/**
 * Calls the API with JSON in and out, same-origin cookies, and the CSRF header on
 * every non-GET request. Resolves with the parsed body (undefined for 204), or
 * rejects with an ApiError.
 */
export async function apiRequest(method: HttpMethod, path: string, body?: unknown): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(API_BASE + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ code: 'NETWORK_ERROR', status: 0 });
  }

  const parsed = await readJson(response);
  if (!response.ok) throw toApiError(response.status, parsed);
  return parsed;
}

/** Reads `details.retryAfterSeconds` of a locked / rate-limited answer, if present. */
export function retryAfterSeconds(error: ApiError): number | null {
  const value = error.details.retryAfterSeconds;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.ceil(value) : null;
}

/** The field names (first path segment) a VALIDATION_FAILED answer complains about. */
export function invalidFields(error: ApiError): string[] {
  const issues = error.details.issues;
  if (!Array.isArray(issues)) return [];
  const fields = new Set<string>();
  for (const issue of issues as unknown[]) {
    if (!isRecord(issue) || !Array.isArray(issue.path)) continue;
    const first: unknown = (issue.path as unknown[])[0];
    if (typeof first === 'string') fields.add(first);
  }
  return [...fields];
}
