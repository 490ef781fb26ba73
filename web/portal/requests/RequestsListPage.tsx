import { useCallback, useEffect, useState } from 'react';
import { fetchTickets } from '../../api/requests';
import type { TicketPage, TicketSummary } from '../../api/requests';
import { useSession } from '../../api/session';
import { AnswerNotices } from './AnswerNotices';
import { useI18n } from '../../i18n/I18nProvider';
import { useLocalize } from '../../i18n/useLocalize';
import { Link, navigate, useSearchParam } from '../../router';
import { Alert } from '../../ui/Alert';
import { describeError } from '../../ui/errorMessage';
import { formatShortDateTime } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { PageLoading } from '../../ui/PageLoading';
import { useApiQuery } from '../../api/query';
import { StatusBadge } from './StatusBadge';

type Tab = 'active' | 'archive';
const TABS: Tab[] = ['active', 'archive'];

function Row({ ticket }: { ticket: TicketSummary }) {
  const { t, locale } = useI18n();
  const l = useLocalize();
  return (
    <li>
      <Link className="ticket-row" href={`/requests/${encodeURIComponent(ticket.number)}`}>
        <span className="ticket-row__top">
          <span className="ticket-row__number">{ticket.number}</span>
          <StatusBadge status={ticket.status} />
        </span>
        <span className="ticket-row__subject">{ticket.subject || l(ticket.category.name)}</span>
        <span className="ticket-row__meta">
          <span>{l(ticket.category.name)}</span>
          <span>{t('portal.requests.updated', { date: formatShortDateTime(ticket.updatedAt, locale) })}</span>
        </span>
      </Link>
    </li>
  );
}

/** "My requests" of the signed-in customer: active ones and the archive, page by page. */
export function RequestsListPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const tab: Tab = useSearchParam('tab') === 'archive' ? 'archive' : 'active';
  const customer = session.status === 'signed-in' && session.me.kind === 'customer';
  const load = useCallback(() => fetchTickets(tab, null), [tab]);
  const { loaded, reload } = useApiQuery('portal.requests.RequestsListPage', customer ? tab : null, load);
  const [more, setMore] = useState<{ after: TicketPage; items: TicketSummary[]; nextCursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);

  useEffect(() => {
    if (session.status !== 'loading' && !customer) navigate('/login?next=/requests', { replace: true });
  }, [session.status, customer]);

  if (!customer || loaded.status === 'loading') return <PageLoading />;

  const first: TicketPage | null = loaded.status === 'ready' ? loaded.data : null;
  // Further pages belong to the first page they continue (a reload or another tab starts over).
  const extra = more && first && more.after === first ? more : null;
  const items = first ? [...first.items, ...(extra?.items ?? [])] : [];
  const cursor = extra ? extra.nextCursor : (first?.nextCursor ?? null);

  const showMore = () => {
    if (!cursor || loadingMore) return;
    setLoadingMore(true);
    setMoreError(null);
    fetchTickets(tab, cursor)
      .then((page) =>
        setMore({ after: first as TicketPage, items: [...(extra?.items ?? []), ...page.items], nextCursor: page.nextCursor }),
      )
      .catch((error: unknown) => setMoreError(error))
      .finally(() => setLoadingMore(false));
  };

  return (
    <div className="container page">
      <header className="page__head page__head--row">
        <h1 className="page__title">{t('portal.requests.title')}</h1>
        <Link href="/contact" className="button button--primary">
          {t('portal.requests.new')}
        </Link>
      </header>
      <nav className="tabs" aria-label={t('portal.requests.tabs')}>
        {TABS.map((name) => (
          <Link
            key={name}
            href={name === 'active' ? '/requests' : '/requests?tab=archive'}
            className="tabs__tab"
            aria-current={tab === name ? 'page' : undefined}
          >
            {t(`portal.requests.tab.${name}`)}
          </Link>
        ))}
      </nav>
      {loaded.status === 'error' && (
        <>
          <Alert tone="error">{describeError(loaded.error, t)}</Alert>
          <button type="button" className="button button--ghost page__retry" onClick={reload}>
            {t('portal.common.retry')}
          </button>
        </>
      )}
      {first && items.length === 0 && (
        <div className="empty-state">
          <Icon name="inbox" className="empty-state__icon" />
          <p className="empty-state__title">{t(`portal.requests.empty.${tab}`)}</p>
          <p className="empty-state__text">{t(`portal.requests.emptyText.${tab}`)}</p>
        </div>
      )}
      {items.length > 0 && (
        <ul className="ticket-list" aria-label={t(`portal.requests.tab.${tab}`)}>
          {items.map((ticket) => (
            <Row key={ticket.number} ticket={ticket} />
          ))}
        </ul>
      )}
      {moreError !== null && <Alert tone="error">{describeError(moreError, t)}</Alert>}
      {cursor && (
        <button type="button" className="button button--ghost ticket-list__more" disabled={loadingMore} onClick={showMore}>
          {loadingMore ? t('app.loading') : t('portal.requests.more')}
        </button>
      )}
      {session.status === 'signed-in' && <AnswerNotices initial={session.me.user.answerNotices ?? true} />}
    </div>
  );
}
