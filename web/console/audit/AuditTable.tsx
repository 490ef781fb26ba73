import type { AuditEntry } from '../../api/console';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router';
import { useLocalize } from '../../i18n/useLocalize';
import { formatShortDateTime } from '../../ui/format';
import { useConsoleData } from '../ConsoleData';
import { ticketPath } from '../routes';
import { actionName } from '../workspace/history';
import { auditNumber, auditReason } from './auditQuery';
import { auditSentence } from './auditSentence';

/** The audit rows: time, who, what, on which object, the details and reason, from where. */
export function AuditTable({ items, onActor }: { items: AuditEntry[]; onActor?: (staffId: string) => void }) {
  const { t, locale } = useI18n();
  const l = useLocalize();
  const { departments } = useConsoleData();
  const departmentName = (idOrCode: string) => {
    const d = departments?.find((x) => x.id === idOrCode || x.code === idOrCode);
    return d ? l(d.name) : '';
  };
  return (
    <div className="queue__table-wrap">
      <table className="queue-table audit-table">
        <caption className="visually-hidden">{t('console.audit.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('console.audit.at')}</th>
            <th scope="col">{t('console.audit.actor')}</th>
            <th scope="col">{t('console.audit.action')}</th>
            <th scope="col">{t('console.audit.object')}</th>
            <th scope="col">{t('console.audit.details')}</th>
            <th scope="col">{t('console.audit.ip')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => {
            const number = auditNumber(e);
            const reason = auditReason(e);
            return (
              <tr key={e.id} data-testid="audit-row" data-action={e.action}>
                <td className="audit-table__at">{formatShortDateTime(e.at, locale)}</td>
                <td>
                  {e.actor.kind === 'staff' && e.actor.id && e.actor.name && onActor ? (
                    <button
                      type="button"
                      className="link-button"
                      title={t('console.audit.byThisPerson')}
                      onClick={() => onActor(e.actor.id as string)}
                    >
                      {e.actor.name}
                    </button>
                  ) : (
                    (e.actor.name ??
                    t(
                      `console.audit.actorKind.${e.actor.kind === 'staff' || e.actor.kind === 'customer' || e.actor.kind === 'guest' ? e.actor.kind : 'system'}`,
                    ))
                  )}
                </td>
                <td>
                  <span className="audit-table__action">{actionName(e.action, t)}</span>
                  <code className="audit-table__code">{e.action}</code>
                </td>
                <td className="audit-table__object">
                  {number ? (
                    <Link href={ticketPath(number)}>{number}</Link>
                  ) : (
                    <span className="muted">{t('audit.entity', { entity: e.entityType })}</span>
                  )}
                </td>
                <td className="audit-table__details">
                  <span className="audit-table__sentence">{auditSentence(e, { t, departmentName })}</span>
                  {reason && <span className="audit-table__reason">«{reason}»</span>}
                </td>
                <td className="muted">{e.ip ?? '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
