import { useCallback, useState, type FormEvent } from 'react';
import type { Workspace } from '../../api/console';
import { consoleCheckPayment, fetchTicketOperations, type PaymentCheckResult } from '../../api/payments';
import { useApiQuery } from '../../api/query';
import { useI18n } from '../../i18n/I18nProvider';
import { Alert } from '../../ui/Alert';
import { describeError } from '../../ui/errorMessage';
import { formatShortDateTime, localeTag } from '../../ui/format';
import { fieldErrorText } from '../../ui/fieldError';
import { ApiError } from '../../api/client';
import { CheckFields, checkQuestion, emptyKeys, type CheckKey } from '../../portal/payments/CheckFields';
import { LoadFailed } from '../../ui/LoadFailed';
import { emptyDraft } from '../../portal/payments/PaymentCheck';
import type { CheckDraft } from '../../portal/payments/handover';
import { formatMoney } from '../../portal/payments/PaymentResult';

/**
 * The payment check beside a request (issue 18): what the customer reads from the receipt, checked
 * without identification; the customer's wallet operations only once identified (S0, S2).
 */
export function PaymentPanel({ ws }: { ws: Workspace }) {
  const { t } = useI18n();
  const identified = ws.customer.identification.state === 'identified';
  return (
    <section className="side-card" aria-labelledby="payment-check-title" data-testid="payment-panel">
      <h2 id="payment-check-title" className="side-card__title">
        {t('console.payments.title')}
      </h2>
      <p className="muted">{t('console.payments.lead')}</p>
      <ConsoleCheck />
      <h3 className="side-card__subtitle">{t('console.payments.operations')}</h3>
      {identified ? (
        <Operations number={ws.number} />
      ) : (
        <p className="account-closed">{t('console.payments.operationsLocked')}</p>
      )}
    </section>
  );
}

function ConsoleCheck() {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<CheckDraft>(emptyDraft());
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [result, setResult] = useState<PaymentCheckResult | null>(null);
  const set = <K extends keyof CheckDraft>(key: K, value: CheckDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const ready = emptyKeys(draft).size === 0;
  // What the server said about a field (e.g. a receipt number in the wrong form), under that field.
  const errorFor = (key: CheckKey) => {
    const e = failure instanceof ApiError ? failure.fields[key] : undefined;
    return e ? fieldErrorText(e, locale, t('payments.invalid')) : null;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !ready) return;
    setBusy(true);
    setFailure(null);
    setResult(null);
    try {
      setResult(await consoleCheckPayment(checkQuestion(draft)));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="console-check" onSubmit={(e) => void submit(e)} noValidate>
      <CheckFields draft={draft} set={set} errorFor={errorFor} variant="console" name="console-check-by" />
      <button type="submit" className="button button--primary button--small" disabled={busy || !ready}>
        {busy ? t('payments.checking') : t('payments.submit')}
      </button>
      {failure !== null && !(failure instanceof ApiError && Object.keys(failure.fields).length > 0) && (
        <Alert tone="error">{describeError(failure, t)}</Alert>
      )}
      {result && (
        <div className="console-check__result" role="status">
          <span className={`payment-pill payment-pill--${result.status}`}>{result.statusText}</span>
          {result.amount && result.accountMasked && (
            <span className="muted">
              {formatMoney(result.amount, localeTag(locale))} → {result.accountMasked}
            </span>
          )}
          {result.paidAt && (
            <span className="muted">
              {t('payments.result.paidAt')}: {formatShortDateTime(result.paidAt, locale)}
              {result.creditedAt
                ? ` · ${t('payments.result.creditedAt')}: ${formatShortDateTime(result.creditedAt, locale)}`
                : ''}
            </span>
          )}
        </div>
      )}
    </form>
  );
}

function Operations({ number }: { number: string }) {
  const { t, locale } = useI18n();
  const load = useCallback((signal: AbortSignal) => fetchTicketOperations(number, signal), [number]);
  const { loaded, reload } = useApiQuery('console.payments.operations', number, load);
  if (loaded.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (loaded.status === 'error') return <LoadFailed error={loaded.error} onRetry={reload} />;
  if (loaded.data.length === 0) return <p className="muted">{t('console.payments.operationsEmpty')}</p>;
  return (
    <ul className="console-operations">
      {loaded.data.map((op) => (
        <li key={op.receiptNumber} className="console-operations__item">
          <span className={`payment-pill payment-pill--${op.status}`}>{op.statusText}</span>{' '}
          <strong>{formatMoney(op.amount, localeTag(locale))}</strong>
          <span className="muted">
            {op.service} · {formatShortDateTime(op.paidAt, locale)} · {t('payments.recent.receipt', { number: op.receiptNumber })}
          </span>
        </li>
      ))}
    </ul>
  );
}
