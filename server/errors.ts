import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ERROR_CODES, type ApiErrorBody, type ErrorCode } from '../common/errors';
import { fieldIssues, localizeIssues, withoutInput, type Issue } from './issues';
import { isDatabaseUnreachable } from './db/connection';

// Developer-facing default texts; the UI shows its own catalogue's message for the code.
const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'The request is invalid',
  BAD_REQUEST: 'Bad request',
  AUTH_REQUIRED: 'Sign in first',
  AUTH_INVALID_CREDENTIALS: 'Wrong login or password',
  AUTH_SESSION_EXPIRED: 'The session has expired; sign in again',
  CSRF_TOKEN_INVALID: 'Missing or wrong CSRF token',
  FORBIDDEN: 'Not allowed',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Conflict',
  PAYLOAD_TOO_LARGE: 'Payload too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported media type',
  HEADERS_TOO_LARGE: 'The request headers are too large',
  AUTH_ACCOUNT_LOCKED: 'The account is locked after too many failed sign-ins',
  WIKI_LEVEL_TOO_LOW: 'Your member level is too low for this',
  WIKI_PAGE_LOCKED: 'The page is locked by the moderators',
  STALE_REVISION: 'The page has changed since you opened it',
  KB_ARTICLE_LOCKED: 'The article is locked by another author',
  KB_REVISION_STALE: 'The article has changed since this revision; reload it',
  RATE_LIMITED: 'Too many requests; try again later',
  INTERNAL: 'Internal error',
  SERVICE_UNAVAILABLE: 'Service unavailable',
  PAYMENT_CHECK_UNAVAILABLE: 'The payment check service is not answering; try again later',
};

/** An expected failure with a stable code; the only kind of error whose details reach a client. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: Record<string, unknown>,
    message?: string,
  ) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.name = 'AppError';
    this.status = ERROR_CODES[code];
  }
}

/** The JSON body of an error answer. Field problems are in `details.issues` (common/errors `ApiIssue`). */
export function errorBody(code: ErrorCode, requestId: string, details?: Record<string, unknown>, message?: string): ApiErrorBody {
  return {
    error: {
      code,
      message: message ?? DEFAULT_MESSAGES[code],
      ...(details && Object.keys(details).length > 0 ? { details } : {}),
      requestId,
    },
  };
}

/** busboy's and @fastify/multipart's complaints about a broken body (no boundary, cut short, bad headers). */
function isMalformedMultipart(error: Error): boolean {
  const code = (error as FastifyError).code;
  return (
    code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' ||
    /^(Multipart: Boundary not found|Unexpected end of (form|multipart data)|Malformed part header|Part terminated early|Malformed urlencoded form)/.test(
      error.message,
    )
  );
}

/** The one error handler: codes for expected errors, a bare INTERNAL (logged) for the rest. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) => {
    const send = (code: ErrorCode, given?: Record<string, unknown>, message?: string) => {
      if (given && typeof given.retryAfterSeconds === 'number') {
        void reply.header('retry-after', String(given.retryAfterSeconds));
      }
      // Every 400 names its problems the one way: one without issues (a bare refusal, a `reason`)
      // gets one about the request as a whole (path []), its code the reason.
      const details =
        ERROR_CODES[code] === 400 && !Array.isArray(given?.issues)
          ? {
              ...given,
              issues: localizeIssues(request, [
                {
                  path: [],
                  code: typeof given?.reason === 'string' ? given.reason : 'invalid',
                  message: message ?? DEFAULT_MESSAGES[code],
                },
              ]),
            }
          : given;
      return reply.status(ERROR_CODES[code]).send(errorBody(code, request.id, details, message));
    };
    if (error instanceof AppError) {
      // Field problems given by key (`fields: { email: { code } }`, the form validator's shape)
      // join the issues: one shape on the wire.
      const { fields, issues, ...rest } = error.details ?? {};
      const all = [...(Array.isArray(issues) ? (issues as Issue[]) : []), ...fieldIssues(fields)];
      if (all.length === 0) return send(error.code, error.details, error.message);
      return send(error.code, { ...rest, issues: localizeIssues(request, all) }, error.message);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v): Issue => ({
        path: [error.validationContext ?? 'body', ...String(v.instancePath).split('/').filter(Boolean)],
        code: String(v.keyword),
        message: v.message ?? 'invalid',
        params: withoutInput(v.params),
      }));
      return send('VALIDATION_FAILED', { issues: localizeIssues(request, issues) });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, route: request.routeOptions.url }, 'response failed its schema');
      return send('INTERNAL');
    }
    const fe = error as FastifyError;
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send('PAYLOAD_TOO_LARGE');
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send('UNSUPPORTED_MEDIA_TYPE');
    if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || isMalformedMultipart(error))
      return send('VALIDATION_FAILED', { issues: localizeIssues(request, [{ path: ['body'], code: 'input.malformed' }]) });
    if (fe.statusCode === 429) return send('RATE_LIMITED');
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return send('BAD_REQUEST');
    if (isDatabaseUnreachable(error)) {
      // Not this request's fault, and not a bug: the database is restarting or full. A 503 with
      // Retry-After tells clients (and the portal's «попробуйте позже») to come back.
      request.log.warn({ err: { name: error.name, code: (error as { code?: unknown }).code } }, 'database unreachable');
      return send('SERVICE_UNAVAILABLE', { retryAfterSeconds: 5 });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send('INTERNAL');
  });
}
