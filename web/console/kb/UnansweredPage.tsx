import { useCallback, useState } from 'react';
import type { Locale } from '../../../common/errors';
import { LOCALES } from '../../../common/errors';
import type { Me } from '../../api/auth';
import { fetchUnanswered, triageUnanswered, type TriageStatus, type UnansweredRow } from '../../api/kbAdmin';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { Alert } from '../../ui/Alert';
import { describeError } from '../../ui/errorMessage';
import { Select } from '../../ui/fields';
import { PageLoading } from '../../ui/PageLoading';
import { useApiQuery } from '../../api/query';
import { LoadFailure } from '../admin/shared/LoadFailure';
import { readsAudit } from '../roles';
import { formatShortDateTime } from '../../ui/format';

const PAGE = 25;
const PERIODS = [7, 30, 90] as const;
const STATUSES: TriageStatus[] = ['new', 'attached', 'needs_article'];

/** Questions the virtual consultant could not answer, most asked first: what to write articles about. */
export function UnansweredPage({ me }: { me: Me }) {
  const t = useT();
  const [days, setDays] = useState<number>(30);
  const [locale, setLocale] = useState<Locale | ''>('');
  const [status, setStatus] = useState<TriageStatus>('new');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  /** The article slug typed for a row (prefilled with the nearest article). */
  const [slugs, setSlugs] = useState<Record<string, string>>({});
  const reader = useI18n().locale;
  const [extra, setExtra] = useState<UnansweredRow[]>([]);
  const [loadingMore, setLoadingMore] = useState(false);
  const key = readsAudit(me) ? `unanswered:${days}:${locale}:${status}` : null;
  const load = useCallback(
    (signal: AbortSignal) => fetchUnanswered({ days, status, limit: PAGE, offset: 0, ...(locale ? { locale } : {}) }, signal),
    [days, locale, status],
  );
  const { loaded, reload } = useApiQuery('console.kb.UnansweredPage', key, load);

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
      const next = await fetchUnanswered({ days, status, limit: PAGE, offset: rows.length, ...(locale ? { locale } : {}) });
      setExtra((all) => [...all, ...next.items]);
    } finally {
      setLoadingMore(false);
    }
  };
  const change = (apply: () => void) => {
    setExtra([]);
    apply();
  };
  const rowKey = (r: UnansweredRow) => `${r.locale}:${r.normalized}`;
  const triage = async (r: UnansweredRow, decision: 'attach' | 'needs_article') => {
    setBusy(rowKey(r));
    setError(null);
    try {
      const slug = (slugs[rowKey(r)] ?? r.topSlug ?? '').trim();
      await triageUnanswered({
        locale: r.locale,
        normalized: r.normalized,
        decision,
        ...(decision === 'attach' ? { slug } : {}),
      });
      setExtra([]);
      reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  const perWeek = loaded.status === 'ready' ? loaded.data.perWeek : [];

  return (
    <section className="admin" aria-labelledby="unanswered-title">
      <header className="admin__head">
        <h1 id="unanswered-title" className="admin__title">
          {t('kbAdmin.unanswered.title')}
        </h1>
      </header>
      <p className="admin-note">{t('kbAdmin.unanswered.lead', { days })}</p>
      <div className="admin-toolbar unanswered-filters">
        <Select
          look="filter"
          label={t('kbAdmin.unanswered.period')}
          value={String(days)}
          onChange={(value) => change(() => setDays(Number(value)))}
          options={PERIODS.map((p) => [String(p), t('kbAdmin.unanswered.days', { n: p })] as const)}
        />
        <Select
          look="filter"
          label={t('kbAdmin.unanswered.locale')}
          value={locale}
          onChange={(value) => change(() => setLocale(value))}
          options={[['', t('kbAdmin.unanswered.allLocales')], ...LOCALES.map((l) => [l, t(`lang.${l}`)] as const)]}
        />
      </div>
      <div className="admin-toolbar" role="group" aria-label={t('kbAdmin.unanswered.statusLabel')}>
        {STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            className={`button button--small ${s === status ? 'button--primary' : 'button--ghost'}`}
            aria-pressed={s === status}
            onClick={() => change(() => setStatus(s))}
          >
            {t(`kbAdmin.unanswered.status.${s}`)}
          </button>
        ))}
      </div>
      {perWeek.length > 0 && (
        <figure className="unanswered-weeks">
          <figcaption className="admin-note">{t('kbAdmin.unanswered.perWeek')}</figcaption>
          <ol className="unanswered-weeks__bars">
            {perWeek.map((w) => (
              <li key={w.week} title={`${w.week}: ${w.count}`}>
                <span
                  className="unanswered-weeks__bar"
                  style={{ height: `${Math.round((40 * w.count) / Math.max(1, ...perWeek.map((x) => x.count)))}px` }}
                />
                <span className="unanswered-weeks__count">{w.count}</span>
                <span className="unanswered-weeks__week">{w.week.slice(5)}</span>
              </li>
            ))}
          </ol>
        </figure>
      )}
      {error !== null && <Alert tone="error">{describeError(error, t)}</Alert>}
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
                <th scope="col">{t('kbAdmin.unanswered.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={rowKey(r)}>
                  <td className="admin-table__strong">{r.question}</td>
                  <td>{r.locale.toUpperCase()}</td>
                  <td>{r.count}</td>
                  <td>{formatShortDateTime(r.lastAskedAt, reader)}</td>
                  <td>{r.topSlug ? <a href={`/help/${encodeURIComponent(r.topSlug)}`}>{r.topSlug}</a> : '—'}</td>
                  <td className="unanswered-actions">
                    {r.status === 'new' ? (
                      <>
                        <input
                          className="input input--small"
                          aria-label={t('kbAdmin.unanswered.slug')}
                          placeholder={t('kbAdmin.unanswered.slug')}
                          value={slugs[rowKey(r)] ?? r.topSlug ?? ''}
                          onChange={(e) => setSlugs((all) => ({ ...all, [rowKey(r)]: e.target.value }))}
                        />{' '}
                        <button
                          type="button"
                          className="button button--small"
                          disabled={busy === rowKey(r) || !(slugs[rowKey(r)] ?? r.topSlug)}
                          onClick={() => void triage(r, 'attach')}
                        >
                          {t('kbAdmin.unanswered.attach')}
                        </button>{' '}
                        <button
                          type="button"
                          className="button button--ghost button--small"
                          disabled={busy === rowKey(r)}
                          onClick={() => void triage(r, 'needs_article')}
                        >
                          {t('kbAdmin.unanswered.needsArticle')}
                        </button>
                      </>
                    ) : r.status === 'attached' ? (
                      t('kbAdmin.unanswered.attachedTo', { slug: r.slug ?? '' })
                    ) : (
                      t('kbAdmin.unanswered.status.needs_article')
                    )}
                  </td>
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
