import { useState } from 'react';
import { LoadFailure } from '../shared/LoadFailure';
import { useT } from '../../../i18n/I18nProvider';
import { useLocalize } from '../../../i18n/useLocalize';
import { PageLoading } from '../../../ui/PageLoading';
import { useApiQuery } from '../../../api/query';
import { fetchSla } from '../api';
import type { SlaCalendarRow } from '../api';
import { CalendarEditor } from './CalendarEditor';
import { calendarName } from './calendarName';
import { fromDefinition, workdayMinutes } from './calendarState';
import { PolicyEditor } from './PolicyEditor';
import { targetText } from './targetText';

function dayOf(calendars: SlaCalendarRow[], code: string) {
  const row = calendars.find((c) => c.code === code);
  const draft = row ? fromDefinition(row.definition) : null;
  return { row, day: draft ? workdayMinutes(draft) : null, alwaysOpen: draft?.alwaysOpen ?? false };
}

/** "SLA": the policies with their targets, and the business calendars their clocks run on. */
export function SlaTab({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const l = useLocalize();
  const { loaded, reload } = useApiQuery('console.admin.sla.SlaTab', 'sla', fetchSla);
  const [editing, setEditing] = useState<string | null>(null);

  if (loaded.status === 'loading') return <PageLoading />;
  if (loaded.status === 'error') {
    return <LoadFailure error={loaded.error} onRetry={reload} />;
  }
  const { policies, calendars } = loaded.data;
  return (
    <div className="admin-stack">
      <p className="admin-note">{canEdit ? t('admin.sla.lead') : t('admin.readOnly')}</p>
      <section aria-labelledby="sla-policies" className="admin-stack">
        <h2 id="sla-policies" className="admin-section-title">
          {t('admin.sla.policies')}
        </h2>
        <div className="admin-table-wrap">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.sla.policy')}</th>
                <th scope="col">{t('admin.sla.calendar')}</th>
                <th scope="col">{t('admin.sla.firstResponse')}</th>
                <th scope="col">{t('admin.sla.resolution')}</th>
                <th scope="col">{t('admin.sla.atRiskShort')}</th>
                {canEdit && <th scope="col" className="admin-table__tools" aria-label={t('admin.members.actions')} />}
              </tr>
            </thead>
            <tbody>
              {policies.map((p) => {
                const cal = dayOf(calendars, p.calendarCode);
                return (
                  <tr key={p.id} aria-current={editing === p.id ? 'true' : undefined}>
                    <td>
                      <span className="admin-table__strong">{l(p.name)}</span>
                      <code className="admin-table__sub">{p.code}</code>
                    </td>
                    <td>{calendarName(cal.row ?? { code: p.calendarCode, name: '' }, t)}</td>
                    <td>{targetText(p.firstResponseMinutes, cal.day, cal.alwaysOpen, t)}</td>
                    <td>{targetText(p.resolutionMinutes, cal.day, cal.alwaysOpen, t)}</td>
                    <td>{`${p.atRiskPercent} %`}</td>
                    {canEdit && (
                      <td className="admin-table__tools">
                        <button
                          type="button"
                          className="button button--ghost button--small"
                          aria-label={t('admin.sla.editPolicy', { code: p.code })}
                          onClick={() => setEditing(editing === p.id ? null : p.id)}
                        >
                          {t('admin.edit')}
                        </button>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {policies
          .filter((p) => p.id === editing)
          .map((p) => (
            <PolicyEditor key={p.id} policy={p} calendars={calendars} onSaved={reload} onClose={() => setEditing(null)} />
          ))}
      </section>
      <section aria-labelledby="sla-calendars" className="admin-stack">
        <h2 id="sla-calendars" className="admin-section-title">
          {t('admin.sla.calendars')}
        </h2>
        <p className="form-note">{t('admin.sla.calendarsLead')}</p>
        <div className="admin-cards">
          {calendars.map((c) => (
            <CalendarEditor key={c.id} calendar={c} canEdit={canEdit} onSaved={reload} />
          ))}
        </div>
      </section>
    </div>
  );
}
