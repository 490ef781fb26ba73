import type { Priority, TicketStatus } from '../api/console';
import { useI18n, useT } from '../i18n/I18nProvider';
import { formatShortDateTime } from '../ui/format';
import { relativeTime, slaState } from './sla';

/** A request's status as the console names it (operator wording, not the customer's). */
export function StatusBadge({ status }: { status: TicketStatus }) {
  const t = useT();
  return <span className={`status status--${status}`}>{t(`console.status.${status}`)}</span>;
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  const t = useT();
  return <span className={`prio prio--${priority}`}>{t(`console.priority.${priority}`)}</span>;
}

/** The star of a Priority-package customer (answered first). */
export function VipMark({ withText = false }: { withText?: boolean }) {
  const t = useT();
  const label = t('console.vip');
  return (
    <span className={`vip${withText ? ' vip--text' : ''}`} title={label} aria-label={withText ? undefined : label}>
      <span aria-hidden="true">★</span>
      {withText && <span>{label}</span>}
    </span>
  );
}

type SlaProps = { dueAt: string | null; atRisk: boolean; breached: boolean; paused?: boolean; now: number };

/** "через 3 ч" / "2 ч назад", red when breached, amber at risk; the exact time in the tooltip. */
export function SlaDue({ dueAt, atRisk, breached, paused, now }: SlaProps) {
  const { t, locale } = useI18n();
  const state = slaState({ dueAt, atRisk, breached, paused }, now);
  if (state === 'none') return <span className="sla sla--none">—</span>;
  if (state === 'paused') return <span className="sla sla--paused">{t('console.sla.paused')}</span>;
  const note = state === 'breached' ? t('console.sla.breached') : state === 'at_risk' ? t('console.sla.atRisk') : '';
  return (
    <span className={`sla sla--${state}`} title={formatShortDateTime(dueAt, locale)}>
      {state !== 'ok' && <span className="sla__dot" aria-hidden="true" />}
      <time dateTime={dueAt ?? undefined}>{relativeTime(dueAt, now, locale)}</time>
      {note && <span className="visually-hidden"> ({note})</span>}
    </span>
  );
}
