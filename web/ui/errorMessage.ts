import { ApiError, retryAfterSeconds } from '../api/client';
import { isMessageKey } from '../i18n/catalogues';
import type { Translate } from '../i18n/I18nProvider';

function formatDuration(seconds: number, t: Translate): string {
  if (seconds < 60) return t('time.seconds', { n: seconds });
  return t('time.minutes', { n: Math.ceil(seconds / 60) });
}

/**
 * The catalogue message for any failure: `errors.<code>` (fallback `errors.INTERNAL`),
 * plus "try again at 13:42 — in 15 min" (or "in 30 s") when the server says how long to wait.
 */
export function describeError(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('errors.INTERNAL');
  const key = `errors.${error.code}`;
  const message = isMessageKey(key) ? t(key) : t('errors.INTERNAL');
  const wait = retryAfterSeconds(error);
  if (wait === null || (error.code !== 'AUTH_ACCOUNT_LOCKED' && error.code !== 'RATE_LIMITED')) {
    return message;
  }
  if (wait < 60) return `${message} ${t('errors.retryAfter', { time: formatDuration(wait, t) })}`;
  return `${message} ${t('errors.retryAt', { at: clockTime(Date.now() + wait * 1000), time: formatDuration(wait, t) })}`;
}

/** The time of day in the page's language ("13:42"). */
function clockTime(ms: number): string {
  const lang = typeof document === 'undefined' ? 'ru' : document.documentElement.lang || 'ru';
  return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(ms));
}
