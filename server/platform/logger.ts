import type { LoggerOptions } from 'pino';

/**
 * Paths whose values never reach a log line: credentials and personal data
 * (passport and identity documents, contacts, wallet numbers, message bodies).
 */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.token',
  '*.csrfToken',
  '*.secret',
  '*.passport',
  '*.passportSeries',
  '*.passportNumber',
  '*.identity',
  '*.document',
  '*.email',
  '*.phone',
  '*.wallet',
  '*.walletNumber',
  '*.login',
  '*.body',
  '*.params',
  '*.parameters',
  '*.detail',
];

/** `/x?token=abc&q=d` → `/x?token=…&q=…`: the names of query parameters stay, their values never. */
export function redactQuery(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const names = url
    .slice(at + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => `${pair.split('=')[0] ?? ''}=…`);
  return `${url.slice(0, at)}?${names.join('&')}`;
}

/**
 * An error's text without the values it may carry: Drizzle's "Failed query: … params: …" loses
 * its parameters, PostgreSQL's quoted input values (`invalid input syntax …: "x@y"`) are masked;
 * quoted lowercase identifiers (`relation "tickets"`) stay, they help and hold nothing personal.
 */
export function redactErrorText(text: string): string {
  return text
    .replace(/\nparams: [^\n]*/g, '\nparams: …')
    .replace(/"([^"\n]*)"/g, (whole, inner: string) => (/^[a-z_][a-z_.]*$/.test(inner) ? whole : '"…"'));
}

type Serialized = Record<string, unknown>;
// What an error may say in a log: its kind, code and (redacted) text, never its values
// (Drizzle's `params`, pg's `detail`/`where`/`parameters`, a request's body).
const KEPT = ['code', 'statusCode', 'severity', 'routine', 'constraint', 'table', 'column', 'errno', 'syscall'] as const;

/** pino's `err` serializer: an allow-list of an error's fields, its texts redacted, its cause likewise. */
export function serializeError(err: unknown, depth = 0): unknown {
  if (typeof err === 'string') return redactErrorText(err);
  if (!(err instanceof Error)) return err;
  const out: Serialized = {
    type: err.constructor?.name ?? err.name,
    message: redactErrorText(err.message),
    ...(err.stack ? { stack: redactErrorText(err.stack) } : {}),
  };
  const bag = err as unknown as Record<string, unknown>;
  for (const key of KEPT) if (bag[key] !== undefined && typeof bag[key] !== 'object') out[key] = bag[key];
  if (err.cause !== undefined && depth < 3) out.cause = serializeError(err.cause, depth + 1);
  return out;
}

type LoggedRequest = { method?: string; url?: string; ip?: string; routeOptions?: { url?: string } };

/**
 * pino's `req` serializer (Fastify logs `{ req }` on each request): the route pattern
 * (`/api/v1/tickets/:number`) when one matched, else the path with query values redacted —
 * never a tracking or confirmation token, a search term or a body.
 */
export function serializeRequest(req: LoggedRequest): Serialized {
  const route = req.routeOptions?.url;
  return {
    method: req.method,
    url: route ?? redactQuery(req.url ?? ''),
    remoteAddress: req.ip,
  };
}

/** pino options shared by the server and the CLI. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { req: serializeRequest, err: serializeError },
    base: { service: 'paydesk' },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
  };
}
