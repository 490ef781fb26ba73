import { ApiError, retryAfterSeconds } from '../api/client';
import { isMessageKey } from '../i18n/catalogues';
import type { Translate } from '../i18n/I18nProvider';

function formatDuration(seconds: number, t: Translate): string {
  if (seconds < 60) return t('time.seconds', { n: seconds });
  return t('time.minutes', { n: Math.ceil(seconds / 60) });
}

/**
 * The catalogue message for any failure: `errors.<code>` (fallback `errors.INTERNAL`),
 * plus "try again in …" when the server says how long to wait.
 */
export function describeError(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('errors.INTERNAL');
  const key = `errors.${error.code}`;
  const message = isMessageKey(key) ? t(key) : t('errors.INTERNAL');
  const wait = retryAfterSeconds(error);
  if (wait === null || (error.code !== 'AUTH_ACCOUNT_LOCKED' && error.code !== 'RATE_LIMITED')) {
    return message;
  }
  return `${message} ${t('errors.retryAfter', { time: formatDuration(wait, t) })}`;
}
