import type { PaymentCheckResult } from '../../api/payments';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime, localeTag } from '../../ui/format';

type Props = {
  result: PaymentCheckResult;
  onWrite: () => void;
  onResolved: () => void;
  onAgain: () => void;
};

/** Money in the reader's language ("1 500,00 ₽"). */
export function formatMoney(amount: { amount: string; currency: string }, tag: string): string {
  try {
    return new Intl.NumberFormat(tag, { style: 'currency', currency: amount.currency }).format(Number(amount.amount));
  } catch {
    return `${amount.amount} ${amount.currency}`;
  }
}

/** Whether the answer settles it, or the customer should go on to write (data carried over). */
export function answerSettles(result: PaymentCheckResult): boolean {
  return result.status === 'done' || (result.status === 'processing' && !result.overdue);
}

/** The check's answer: the status as the seeds name it, the facts, what happens next, the way on. */
export function PaymentResult({ result, onWrite, onResolved, onAgain }: Props) {
  const { t, locale } = useI18n();
  const tag = localeTag(locale);
  const settles = answerSettles(result);
  const next =
    result.status === 'done'
      ? t('payments.next.done')
      : result.status === 'processing'
        ? result.overdue
          ? t('payments.next.overdue')
          : t('payments.next.processing', { hours: result.expectedWithinHours ?? 24 })
        : result.status === 'cancelled'
          ? t('payments.next.cancelled')
          : t('payments.next.notFound');
  return (
    <section
      className={`payment-result payment-result--${result.status}`}
      aria-labelledby="payment-result-title"
      aria-live="polite"
    >
      <p className="payment-result__label">{t('payments.result.title')}</p>
      <h2 id="payment-result-title" className="payment-result__status">
        {result.statusText}
      </h2>
      {result.status !== 'not_found' && (
        <dl className="payment-result__facts">
          {result.amount && (
            <div>
              <dt>{t('payments.result.amount')}</dt>
              <dd>{formatMoney(result.amount, tag)}</dd>
            </div>
          )}
          {result.accountMasked && (
            <div>
              <dt>{t('payments.result.account')}</dt>
              <dd className="payment-result__account">{result.accountMasked}</dd>
            </div>
          )}
          {result.paidAt && (
            <div>
              <dt>{t('payments.result.paidAt')}</dt>
              <dd>{formatDateTime(result.paidAt, locale)}</dd>
            </div>
          )}
          {result.creditedAt && (
            <div>
              <dt>{t('payments.result.creditedAt')}</dt>
              <dd>{formatDateTime(result.creditedAt, locale)}</dd>
            </div>
          )}
        </dl>
      )}
      <p className="payment-result__next">{next}</p>
      <div className="payment-result__actions">
        {settles ? (
          <>
            <button type="button" className="button button--primary" onClick={onResolved}>
              {t('payments.resolved')}
            </button>
            {result.status === 'processing' && (
              <button type="button" className="button button--ghost" onClick={onWrite}>
                {t('payments.write')}
              </button>
            )}
          </>
        ) : (
          <button type="button" className="button button--primary" onClick={onWrite}>
            {t('payments.write')}
          </button>
        )}
        <button type="button" className="button button--ghost" onClick={onAgain}>
          {t('payments.again')}
        </button>
      </div>
    </section>
  );
}
