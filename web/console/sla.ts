import type { Locale } from '../../common/errors';
import { localeTag } from '../ui/format';

export type SlaState = 'none' | 'ok' | 'at_risk' | 'breached' | 'paused';

type SlaInput = { dueAt: string | null; atRisk: boolean; breached: boolean; paused?: boolean };

/** How urgent a request's SLA is: breached (flag or past due), at risk, fine, paused, or no clock. */
export function slaState({ dueAt, atRisk, breached, paused }: SlaInput, now: number): SlaState {
  if (breached) return 'breached';
  if (paused) return 'paused';
  if (!dueAt) return 'none';
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return 'none';
  if (due <= now) return 'breached';
  return atRisk ? 'at_risk' : 'ok';
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "через 3 ч", "5 мин назад", "in 2 days": the distance from now in the largest sensible unit. */
export function relativeTime(iso: string | null, now: number, locale: Locale): string {
  if (!iso) return '';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const diff = at - now;
  const abs = Math.abs(diff);
  const format = new Intl.RelativeTimeFormat(localeTag(locale), { numeric: 'always', style: 'short' });
  if (abs < HOUR) return format.format(Math.trunc(diff / MINUTE), 'minute');
  if (abs < 2 * DAY) return format.format(Math.trunc(diff / HOUR), 'hour');
  return format.format(Math.trunc(diff / DAY), 'day');
}
