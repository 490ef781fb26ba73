import type { Workspace } from '../../api/console';
import { useI18n } from '../../i18n/I18nProvider';
import { useLocalize } from '../../i18n/useLocalize';
import { formatShortDateTime } from '../../ui/format';
import { useConsoleData } from '../ConsoleData';
import { describeHistory } from './history';

/** Every recorded step of the request, newest first: who did what, the details and the reason given. */
export function HistoryTimeline({ ws }: { ws: Workspace }) {
  const { t, locale } = useI18n();
  const l = useLocalize();
  const { departments } = useConsoleData();
  if (ws.history.length === 0) return <p className="thread__empty">{t('console.ws.noHistory')}</p>;

  const departmentName = (idOrCode: string) => {
    const d = departments?.find((x) => x.id === idOrCode || x.code === idOrCode);
    if (d) return l(d.name);
    if (ws.department?.code === idOrCode) return l(ws.department.name);
    return /^[a-z_]+$/.test(idOrCode) ? idOrCode : '';
  };
  const fieldLabel = (key: string) => {
    const f = ws.fields.find((x) => x.key === key);
    return f ? l(f.label) : '';
  };
  const entries = [...ws.history].reverse();

  return (
    <ol className="timeline" aria-label={t('console.ws.history')}>
      {entries.map((entry, i) => {
        const line = describeHistory(entry, { t, departmentName, fieldLabel });
        return (
          <li key={`${entry.at}-${i}`} className="timeline__item" data-action={entry.action}>
            <span className="timeline__dot" aria-hidden="true" />
            <div className="timeline__head">
              <span className="timeline__title">{line.title}</span>
              {line.detail && <span className="timeline__detail">{line.detail}</span>}
            </div>
            <div className="timeline__meta">
              <span>
                {entry.actor === 'customer' || entry.actor === 'guest'
                  ? t('console.ws.customer')
                  : entry.actor === 'system'
                    ? t('console.ws.system')
                    : entry.actor}
              </span>
              <time dateTime={entry.at}>{formatShortDateTime(entry.at, locale)}</time>
            </div>
            {line.reason && (
              <p className="timeline__reason">
                <span className="visually-hidden">{t('console.do.reason')}: </span>«{line.reason}»
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
