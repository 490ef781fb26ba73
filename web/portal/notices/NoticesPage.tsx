import { useCallback } from 'react';
import { fetchNotices, type NoticeState } from '../../api/help';
import type { MessageKey } from '../../i18n/catalogues';
import { useI18n } from '../../i18n/I18nProvider';
import { Link, useSearchParam } from '../../router';
import { formatShortDateTime } from '../../ui/format';
import { LoadFailed } from '../../ui/LoadFailed';
import { Pager } from '../../ui/Pager';
import { PageLoading } from '../../ui/PageLoading';
import { useApiQuery } from '../../api/query';
import { SEVERITY_LABEL } from './NoticeBanner';

const TABS: Array<{ state: NoticeState; label: MessageKey; empty: MessageKey }> = [
  { state: 'current', label: 'notices.tab.current', empty: 'notices.empty.current' },
  { state: 'upcoming', label: 'notices.tab.upcoming', empty: 'notices.empty.upcoming' },
  { state: 'past', label: 'notices.tab.past', empty: 'notices.empty.past' },
];

/** Maintenance and outage notices: current, upcoming and past, page by page; with the Atom feed. */
export function NoticesPage() {
  const { t, locale } = useI18n();
  const stateParam = useSearchParam('state');
  const state: NoticeState = stateParam === 'upcoming' || stateParam === 'past' ? stateParam : 'current';
  const page = Math.max(1, Number(useSearchParam('page')) || 1);
  const load = useCallback((signal: AbortSignal) => fetchNotices(locale, state, page, { signal }), [locale, state, page]);
  const { loaded, reload } = useApiQuery('portal.notices.NoticesPage', `${locale}:${state}:${page}`, load);
  const tab = TABS.find((x) => x.state === state)!;
  const pages = loaded.status === 'ready' ? Math.max(1, Math.ceil(loaded.data.total / loaded.data.pageSize)) : 1;
  return (
    <div className="container page notices-page">
      <header className="page__head page__head--row">
        <div>
          <h1 className="page__title">{t('notices.title')}</h1>
          <p className="page__lead">{t('notices.lead')}</p>
        </div>
        <a
          className="button button--ghost button--small"
          href={`/notices.atom?locale=${locale}`}
          type="application/atom+xml"
          title={t('notices.feedHint')}
        >
          {t('notices.feed')}
        </a>
      </header>
      <nav className="tabs" aria-label={t('notices.tabsLabel')}>
        {TABS.map((x) => (
          <Link
            key={x.state}
            href={`/notices?state=${x.state}`}
            className={`tabs__tab${x.state === state ? ' tabs__tab--active' : ''}`}
            aria-current={x.state === state ? 'page' : undefined}
          >
            {t(x.label)}
          </Link>
        ))}
      </nav>
      {loaded.status === 'loading' && <PageLoading />}
      {loaded.status === 'error' && <LoadFailed error={loaded.error} onRetry={reload} />}
      {loaded.status === 'ready' &&
        (loaded.data.items.length === 0 ? (
          <p className="empty-state__text">{t(tab.empty)}</p>
        ) : (
          <ul className="notice-list">
            {loaded.data.items.map((n) => (
              <li key={n.id} id={`notice-${n.id}`} className={`notice-card notice-card--${n.severity}`}>
                <p className="notice-card__meta">
                  <span className={`notice-pill notice-pill--${n.severity}`}>{t(SEVERITY_LABEL[n.severity])}</span>{' '}
                  {formatShortDateTime(n.startsAt, locale)} —{' '}
                  {n.endsAt ? formatShortDateTime(n.endsAt, locale) : t('notices.noEnd')}
                </p>
                <h2 className="notice-card__title">{n.title}</h2>
                <p className="notice-card__body">{n.body}</p>
              </li>
            ))}
          </ul>
        ))}
      <Pager page={page} pages={pages} hrefFor={(p) => `/notices?state=${state}&page=${p}`} />
    </div>
  );
}
