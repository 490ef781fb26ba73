/**
 * The stable error codes of the API. The server answers `{ error: { code, message, details?, requestId } }`;
 * the UI shows the message of its catalogue for `code` (web/i18n), never the server's text.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  AUTH_REQUIRED: 401,
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_SESSION_EXPIRED: 401,
  CSRF_TOKEN_INVALID: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  AUTH_ACCOUNT_LOCKED: 423,
  WIKI_LEVEL_TOO_LOW: 403,
  WIKI_PAGE_LOCKED: 423,
  STALE_REVISION: 409,
  /** A help-centre article locked by another author. */
  KB_ARTICLE_LOCKED: 423,
  /** A help-centre save based on an older revision than the current one. */
  KB_REVISION_STALE: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
  /** The payment core did not answer the payment check in time. */
  PAYMENT_CHECK_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * One field problem, the only shape of them: where (`path`: the request part — `body`, `query`,
 * `params` — then the field's keys, e.g. `['body', 'description']`), a stable `code` (the form
 * validator's, a module's `<module>.<problem>`, or zod's) and a `message` in the reader's language.
 * `params` come with the form validator's codes (e.g. `{ max: 10 }`) so a form can word them itself.
 */
export type ApiIssue = { path: string[]; code: string; message: string; params?: Record<string, string | number> };

export type ApiErrorBody = {
  error: {
    code: ErrorCode;
    message: string;
    /** Field problems (every 400, and 413/415 of a form's file) are `details.issues`: see `ApiIssue`. */
    details?: Record<string, unknown> & { issues?: ApiIssue[] };
    requestId?: string;
  };
};

export const LOCALES = ['ru', 'uk', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
