import type { QueueRow } from '../../api/console';
import { useT } from '../../i18n/I18nProvider';
import { useLocalize } from '../../i18n/useLocalize';
import { Link, navigate } from '../../router';
import { PriorityBadge, SlaDue, StatusBadge, VipMark } from '../badges';
import { ticketPath } from '../routes';
import { shortName } from '../names';
import { slaState } from '../sla';

type Props = { rows: QueueRow[]; caption: string; now: number };

/** The dense list of a queue; a row opens the request (the number is the keyboard-reachable link). */
export function QueueTable({ rows, caption, now }: Props) {
  const t = useT();
  const l = useLocalize();
  return (
    <table className="queue-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('console.table.number')}</th>
          <th scope="col">{t('console.table.subject')}</th>
          <th scope="col">{t('console.table.customer')}</th>
          <th scope="col" className="col-dept">
            {t('console.table.department')}
          </th>
          <th scope="col">{t('console.table.status')}</th>
          <th scope="col">{t('console.table.priority')}</th>
          <th scope="col" title={t('console.table.due')}>
            {t('console.table.dueShort')}
          </th>
          <th scope="col">{t('console.table.assignee')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const sla = slaState({ dueAt: row.slaDueAt, atRisk: row.atRisk, breached: row.breached }, now);
          const classes = ['queue-row', row.priorityCustomer ? 'queue-row--vip' : '', `queue-row--sla-${sla}`].filter(Boolean);
          return (
            <tr
              key={row.number}
              className={classes.join(' ')}
              data-testid="queue-row"
              onClick={(e) => {
                if ((e.target as HTMLElement).closest('a')) return;
                navigate(ticketPath(row.number));
              }}
            >
              <td className="queue-table__number">
                <Link href={ticketPath(row.number)}>{row.number}</Link>
              </td>
              <td className="queue-table__subject">
                <span className="queue-table__title">
                  {row.priorityCustomer && <VipMark />}
                  {row.subject || t('console.noSubject')}
                </span>
                <span className="queue-table__sub">{l(row.category.name)}</span>
                {row.department && (
                  <span className="queue-table__sub queue-table__sub--dept">
                    {l(row.department.name)}
                    {row.tier > 1 ? ` · ${t('console.tier', { n: row.tier })}` : ''}
                  </span>
                )}
              </td>
              <td className="queue-table__customer">
                <span className="queue-table__title">{row.customer.name || row.customer.email || '—'}</span>
                {row.customer.name && row.customer.email && <span className="queue-table__sub">{row.customer.email}</span>}
              </td>
              <td className="queue-table__dept col-dept">
                {row.department ? l(row.department.name) : '—'}
                {row.tier > 1 && <span className="queue-table__sub">{t('console.tier', { n: row.tier })}</span>}
              </td>
              <td>
                <StatusBadge status={row.status} />
              </td>
              <td>
                <PriorityBadge priority={row.priority} />
              </td>
              <td className="queue-table__due">
                <SlaDue dueAt={row.slaDueAt} atRisk={row.atRisk} breached={row.breached} now={now} />
              </td>
              <td className="queue-table__assignee" title={row.assignee?.name}>
                {row.assignee ? shortName(row.assignee.name) : <span className="muted">{t('console.nobody')}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
