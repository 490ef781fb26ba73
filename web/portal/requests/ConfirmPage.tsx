import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import { confirmTicket } from '../../api/requests';
import { saveTrackingToken } from '../../api/tracking';
import { useT } from '../../i18n/I18nProvider';
import { Link, navigate, useSearchParam } from '../../router';
import { Alert } from '../../ui/Alert';
import { describeError } from '../../ui/errorMessage';
import { PageLoading } from '../../ui/PageLoading';

// One POST per token even when React runs the effect twice (StrictMode) or the page re-renders:
// a second POST would find the token used and answer 409.
const pending = new Map<string, ReturnType<typeof confirmTicket>>();

function confirmOnce(token: string) {
  let promise = pending.get(token);
  if (!promise) {
    promise = confirmTicket(token);
    pending.set(token, promise);
  }
  return promise;
}

type State = { status: 'working' } | { status: 'invalid' } | { status: 'used' } | { status: 'failed'; error: unknown };

/** `/requests/confirm?token=…` from the guest's mail: confirms the request, then opens it. */
export function ConfirmPage() {
  const t = useT();
  const token = useSearchParam('token');
  const [state, setState] = useState<State>(token ? { status: 'working' } : { status: 'invalid' });

  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    confirmOnce(token).then(
      ({ number, trackingToken }) => {
        saveTrackingToken(number, trackingToken);
        if (!cancelled) navigate(`/requests/${encodeURIComponent(number)}?confirmed=1`, { replace: true });
      },
      (error: unknown) => {
        pending.delete(token);
        if (cancelled) return;
        if (error instanceof ApiError && error.status === 404) setState({ status: 'invalid' });
        else if (error instanceof ApiError && error.status === 409) setState({ status: 'used' });
        else setState({ status: 'failed', error });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [token]);

  if (state.status === 'working') return <PageLoading />;
  const [title, text] =
    state.status === 'invalid'
      ? [t('portal.confirm.invalidTitle'), t('portal.confirm.invalidText')]
      : state.status === 'used'
        ? [t('portal.confirm.usedTitle'), t('portal.confirm.usedText')]
        : [t('portal.confirm.failedTitle'), describeError(state.error, t)];
  return (
    <div className="container auth-page">
      <div className="auth-card">
        <h1 className="auth-card__title">{title}</h1>
        {state.status === 'failed' ? <Alert tone="error">{text}</Alert> : <p className="auth-card__lead">{text}</p>}
        <div className="auth-card__buttons">
          {state.status === 'failed' ? (
            <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
              {t('portal.common.retry')}
            </button>
          ) : (
            state.status === 'invalid' && (
              <Link href="/contact" className="button button--primary">
                {t('portal.confirm.writeAgain')}
              </Link>
            )
          )}
          <Link href="/" className="button button--ghost">
            {t('portal.common.home')}
          </Link>
        </div>
      </div>
    </div>
  );
}
