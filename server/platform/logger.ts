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
];

/** pino options shared by the server and the CLI. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { service: 'paydesk' },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
  };
}
