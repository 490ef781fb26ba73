import { useCallback, useState } from 'react';
import type { Locale } from '../../../common/errors';
import { LOCALES } from '../../../common/errors';
import type { Me } from '../../api/auth';
import { fetchUnanswered, type UnansweredRow } from '../../api/kbAdmin';
import { useT } from '../../i18n/I18nProvider';
import { PageLoading } from '../../ui/PageLoading';
import { useLoader } from '../../ui/useLoader';
import { LoadFailure } from '../admin/shared/LoadFailure';
import { readsAudit } from '../roles';

const PAGE = 25;
const PERIODS = [7, 30, 90] as const;

/** Questions the virtual consultant could not answer, most asked first: what to write articles about. */
export function UnansweredPage({ me }: { me: Me }) {
  const t = useT();
  const [days, setDays] = useState<number>(30);
  const [locale, setLocale] = useState<Locale | ''>('');
  const [extra, setExtra] = useState<UnansweredRow[]>([]);
  const [loadingMore, setLoadingMore] = useState(false);
  const key = readsAudit(me) ? `unanswered:${days}:${locale}` : null;
  const load = useCallback(
    (signal: AbortSignal) => fetchUnanswered({ days, limit: PAGE, offset: 0, ...(locale ? { locale } : {}) }, signal),
    [days, locale],
  );
  const { loaded, reload } = useLoader(key, load);

  if (!readsAudit(me)) {
    return (
      <section className="admin-empty" role="status">
        <p className="admin-empty__title">{t('admin.noAccessTitle')}</p>
      </section>
    );
  }

  const rows = loaded.status === 'ready' ? [...loaded.data.items, ...extra] : [];
  const total = loaded.status === 'ready' ? loaded.data.total : 0;
  const more = async () => {
    setLoadingMore(true);
    try {
      const next = await fetchUnanswered({ days, limit: PAGE, offset: rows.length, ...(locale ? { locale } : {}) });
      setExtra((all) => [...all, ...next.items]);
    } finally {
      setLoadingMore(false);
    }
  };
  const change = (apply: () => void) => {
    setExtra([]);
    apply();
  };

  return (
    <section className="admin" aria-labelledby="unanswered-title">
      <header className="admin__head">
        <h1 id="unanswered-title" className="admin__title">
          {t('kbAdmin.unanswered.title')}
        </h1>
      </header>
      <p className="admin-note">{t('kbAdmin.unanswered.lead', { days })}</p>
      <div className="admin-toolbar unanswered-filters">
        <label>
          {t('kbAdmin.unanswered.period')}{' '}
          <select className="input input--small" value={days} onChange={(e) => change(() => setDays(Number(e.target.value)))}>
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {t('kbAdmin.unanswered.days', { n: p })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('kbAdmin.unanswered.locale')}{' '}
          <select
            className="input input--small"
            value={locale}
            onChange={(e) => change(() => setLocale(e.target.value as Locale | ''))}
          >
            <option value="">{t('kbAdmin.unanswered.allLocales')}</option>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {t(`lang.${l}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {loaded.status === 'loading' && <PageLoading />}
      {loaded.status === 'error' && <LoadFailure error={loaded.error} onRetry={reload} />}
      {loaded.status === 'ready' && rows.length === 0 && (
        <p className="admin-note" role="status">
          {t('kbAdmin.unanswered.empty')}
        </p>
      )}
      {rows.length > 0 && (
        <div className="admin-table-wrap">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('kbAdmin.unanswered.question')}</th>
                <th scope="col">{t('kbAdmin.unanswered.locale')}</th>
                <th scope="col">{t('kbAdmin.unanswered.count')}</th>
                <th scope="col">{t('kbAdmin.unanswered.last')}</th>
                <th scope="col">{t('kbAdmin.unanswered.nearest')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.locale}:${r.question}`}>
                  <td className="admin-table__strong">{r.question}</td>
                  <td>{r.locale.toUpperCase()}</td>
                  <td>{r.count}</td>
                  <td>{new Date(r.lastAskedAt).toLocaleString()}</td>
                  <td>{r.topSlug ? <a href={`/help/${encodeURIComponent(r.topSlug)}`}>{r.topSlug}</a> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length < total && (
        <button type="button" className="button button--ghost button--small" disabled={loadingMore} onClick={() => void more()}>
          {t('kbAdmin.unanswered.more')}
        </button>
      )}
    </section>
  );
}
