import { useCallback } from 'react';
import { fetchRecentOperations, type WalletOperation } from '../../api/payments';
import { useApiQuery } from '../../api/query';
import { useSession } from '../../api/session';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';
import { formatShortDateTime, localeTag } from '../../ui/format';
import { LoadFailed } from '../../ui/LoadFailed';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { draftFromOperation, formPathFor, formValuesFromCheck, stashHandover, type CheckDraft } from './handover';
import { PaymentCheck } from './PaymentCheck';
import { formatMoney } from './PaymentResult';

/**
 * «Проверить платёж» (issue 18): the receipt's data → the status, before writing to support; in the
 * agents' section too. A signed-in customer also sees the recent operations of their wallets.
 */
export function PaymentCheckPage({ audience }: { audience: 'customer' | 'agent' }) {
  const { t } = useI18n();
  const { session } = useSession();
  const me = session.status === 'signed-in' && session.me.kind === 'customer' ? session.me : null;
  useDocumentTitle(t('payments.title'));

  const write = (draft: CheckDraft, statusText: string | null) => {
    stashHandover(formValuesFromCheck(draft, statusText ? t('payments.handover.description', { status: statusText }) : ''));
    navigate(formPathFor(draft, audience));
  };

  return (
    <div className="container page page--narrow">
      <header className="page__head">
        <h1 className="page__title">{t('payments.title')}</h1>
        <p className="page__lead">{t(audience === 'agent' ? 'payments.agentLead' : 'payments.lead')}</p>
      </header>
      <PaymentCheck
        source={audience === 'agent' ? 'agents' : 'portal'}
        onWrite={(draft, result) => write(draft, result?.statusText ?? null)}
        onResolved={() => navigate(audience === 'agent' ? '/agents/help' : '/')}
      />
      {me && audience === 'customer' && (
        <RecentOperations customerId={me.user.id} onPick={(op) => write(draftFromOperation(op), op.statusText)} />
      )}
    </div>
  );
}

function RecentOperations({ customerId, onPick }: { customerId: string; onPick: (op: WalletOperation) => void }) {
  const { t, locale } = useI18n();
  const load = useCallback((signal: AbortSignal) => fetchRecentOperations(signal), []);
  const { loaded, reload } = useApiQuery('portal.payments.recent', customerId, load);
  return (
    <section className="operations" aria-labelledby="operations-title">
      <h2 id="operations-title" className="operations__title">
        {t('payments.recent.title')}
      </h2>
      <p className="form-note">{t('payments.recent.lead')}</p>
      {loaded.status === 'error' && <LoadFailed error={loaded.error} onRetry={reload} />}
      {loaded.status === 'ready' && loaded.data.length === 0 && <p>{t('payments.recent.empty')}</p>}
      {loaded.status === 'ready' && loaded.data.length > 0 && (
        <ul className="operations__list">
          {loaded.data.map((op) => (
            <li key={op.receiptNumber} className="operation">
              <div className="operation__head">
                <span className="operation__amount">{formatMoney(op.amount, localeTag(locale))}</span>
                <span className={`payment-pill payment-pill--${op.status}`}>{op.statusText}</span>
              </div>
              <p className="operation__meta">
                {op.service} · {formatShortDateTime(op.paidAt, locale)} ·{' '}
                {t('payments.recent.receipt', { number: op.receiptNumber })}
              </p>
              <button type="button" className="button button--ghost button--small" onClick={() => onPick(op)}>
                {t('payments.recent.writeAbout')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
