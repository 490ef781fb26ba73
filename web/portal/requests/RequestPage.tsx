import { useCallback, useEffect } from 'react';
import { ApiError } from '../../api/client';
import { fetchTicket } from '../../api/requests';
import { readTrackingToken, saveTrackingToken } from '../../api/tracking';
import { useSession } from '../../api/session';
import { useT } from '../../i18n/I18nProvider';
import { Link, navigate, useSearchParam } from '../../router';
import { Alert } from '../../ui/Alert';
import { describeError } from '../../ui/errorMessage';
import { PageLoading } from '../../ui/PageLoading';
import { useApiQuery } from '../../api/query';
import { TicketView } from './TicketView';
import { useLiveTicket } from './useLiveTicket';

function Notice({ title, text, number, signIn }: { title: string; text: string; number: string; signIn: boolean }) {
  const t = useT();
  return (
    <div className="container auth-page">
      <div className="auth-card">
        <h1 className="auth-card__title">{title}</h1>
        <p className="auth-card__lead">{text}</p>
        <div className="auth-card__buttons">
          {signIn && (
            <Link href={`/login?next=${encodeURIComponent(`/requests/${number}`)}`} className="button button--primary">
              {t('portal.signIn')}
            </Link>
          )}
          <Link href="/" className="button button--ghost">
            {t('portal.common.home')}
          </Link>
        </div>
      </div>
    </div>
  );
}

/**
 * `/requests/<number>`: opened with the guest's tracking token (from `?token=` of the e-mail link,
 * kept in localStorage, then removed from the address bar) or with the customer's session.
 */
export function RequestPage({ number }: { number: string }) {
  const t = useT();
  const { session } = useSession();
  const urlToken = useSearchParam('token');
  const confirmed = useSearchParam('confirmed') === '1';
  const token = urlToken ?? readTrackingToken(number);
  const customer = session.status === 'signed-in' && session.me.kind === 'customer';

  useEffect(() => {
    if (!urlToken) return;
    saveTrackingToken(number, urlToken);
    // The token must not linger in the address bar, the history or a shared screenshot.
    const url = new URL(window.location.href);
    url.searchParams.delete('token');
    navigate(url.pathname + url.search + url.hash, { replace: true });
  }, [urlToken, number]);

  const canLoad = token !== null || customer;
  const key = canLoad ? `${number}:${token ?? 'session'}` : null;
  const load = useCallback(() => fetchTicket(number, { token }), [number, token]);
  const { loaded, reload, replace } = useApiQuery('portal.requests.RequestPage', key, load);
  // Answers arrive without a reload for a signed-in customer.
  useLiveTicket(customer && loaded.status === 'ready' ? loaded.data.id : null, reload);

  if (!canLoad) {
    if (session.status === 'loading') return <PageLoading />;
    return <Notice title={t('portal.request.accessTitle')} text={t('portal.request.accessText')} number={number} signIn />;
  }
  if (loaded.status === 'loading') return <PageLoading />;
  if (loaded.status === 'error') {
    const error = loaded.error;
    if (error instanceof ApiError && [401, 403, 404].includes(error.status)) {
      return (
        <Notice
          title={t('portal.request.notFoundTitle')}
          text={t('portal.request.notFoundText')}
          number={number}
          signIn={!customer}
        />
      );
    }
    return (
      <div className="container page">
        <Alert tone="error">{describeError(error, t)}</Alert>
        <button type="button" className="button button--ghost page__retry" onClick={reload}>
          {t('portal.common.retry')}
        </button>
      </div>
    );
  }

  return (
    <div className="container page">
      {customer && !token && (
        <nav className="breadcrumbs" aria-label={t('portal.contact.breadcrumbs')}>
          <ol className="breadcrumbs__list">
            <li>
              <Link href="/requests">{t('portal.nav.requests')}</Link>
            </li>
            <li>
              <span aria-current="page">{number}</span>
            </li>
          </ol>
        </nav>
      )}
      <TicketView ticket={loaded.data} access={{ token }} confirmed={confirmed} onChanged={replace} reload={reload} />
    </div>
  );
}
