import type { Me } from '../../api/auth';
import type { Workspace } from '../../api/console';
import { useI18n } from '../../i18n/I18nProvider';
import { useLocalize } from '../../i18n/useLocalize';
import { Link } from '../../router';
import { formatShortDateTime } from '../../ui/format';
import { PriorityBadge, SlaDue, StatusBadge, VipMark } from '../badges';
import { useNow } from '../hooks';
import { lastQueuePath } from '../routes';
import { ActionBar } from './ActionBar';
import type { Viewer } from './presence';

type Props = { ws: Workspace; me: Me; others: Viewer[]; onChanged: () => void };

/** Who else has the request open, and who is typing an answer right now. */
function PresenceLine({ others }: { others: Viewer[] }) {
  const { t } = useI18n();
  if (others.length === 0) return null;
  const typing = others.filter((v) => v.state === 'typing');
  return (
    <p className="ws-presence" role="status" data-testid="presence">
      <span className="ws-presence__dot" aria-hidden="true" />
      {t('console.presence.viewing', { names: others.map((v) => v.name).join(', ') })}
      {typing.length > 0 && (
        <span className="ws-presence__typing">
          {t('console.presence.typing', { names: typing.map((v) => v.name).join(', ') })}
        </span>
      )}
    </p>
  );
}

/** The request's header: number, subject, state chips, SLA, presence and the actions. */
export function WorkspaceHeader({ ws, me, others, onChanged }: Props) {
  const { t, locale } = useI18n();
  const l = useLocalize();
  const now = useNow();
  const path = ws.category.path.map((p) => l(p.name)).join(' › ');
  const dueAt = ws.sla.resolutionDueAt ?? ws.sla.firstResponseDueAt;
  const paused = ws.sla.pausedAt !== null;

  return (
    <header className="ws-head">
      <div className="ws-head__top">
        <Link href={lastQueuePath()} className="ws-head__back">
          ← {t('console.ws.back')}
        </Link>
        <span className="ws-head__path">{path}</span>
      </div>
      <div className="ws-head__title-row">
        <h1 id="ws-title" className="ws-head__title">
          <span className="ws-head__number">{ws.number}</span> {ws.subject || t('console.noSubject')}
        </h1>
        {ws.priorityCustomer && <VipMark withText />}
      </div>
      <dl className="ws-meta">
        <div>
          <dt>{t('console.table.status')}</dt>
          <dd>
            <StatusBadge status={ws.status} />
          </dd>
        </div>
        <div>
          <dt>{t('console.table.priority')}</dt>
          <dd>
            <PriorityBadge priority={ws.priority} />
          </dd>
        </div>
        <div>
          <dt>{t('console.table.department')}</dt>
          <dd>
            {ws.department ? l(ws.department.name) : '—'} · {t('console.tier', { n: ws.tier })}
          </dd>
        </div>
        <div>
          <dt>{t('console.table.assignee')}</dt>
          <dd data-testid="ws-assignee">{ws.assignee?.name ?? t('console.nobody')}</dd>
        </div>
        <div>
          <dt>{t('console.table.due')}</dt>
          <dd>
            <SlaDue dueAt={dueAt} atRisk={ws.sla.atRisk} breached={ws.sla.breached} paused={paused} now={now} />
            {ws.sla.breached && <span className="sla-flag sla-flag--breached">{t('console.sla.breached')}</span>}
            {!ws.sla.breached && ws.sla.atRisk && <span className="sla-flag sla-flag--at_risk">{t('console.sla.atRisk')}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('console.ws.channel')}</dt>
          <dd>{t(`console.channel.${ws.channel}`)}</dd>
        </div>
        <div>
          <dt>{t('console.ws.created')}</dt>
          <dd>{formatShortDateTime(ws.createdAt, locale)}</dd>
        </div>
      </dl>
      <PresenceLine others={others} />
      {ws.can.work && <ActionBar ws={ws} me={me} onChanged={onChanged} />}
    </header>
  );
}
