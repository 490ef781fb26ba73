import { useCallback, useState } from 'react';
import { fetchPaymentCheckStats, type PaymentCheckStats } from '../../../api/payments';
import { useT } from '../../../i18n/I18nProvider';
import { useApiQuery } from '../../../api/query';
import { PageLoading } from '../../../ui/PageLoading';
import { Select } from '../../../ui/fields';
import { LoadFailure } from '../shared/LoadFailure';

type Days = '1' | '7' | '30';
const OUTCOMES = ['done', 'processing', 'cancelled', 'not_found'] as const;

/** The share as a whole percent, or a dash when nothing was checked. */
const share = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((part * 100) / whole)} %`);

/**
 * «Проверки платежей»: how many payment checks were made in the portal, the agents' section, the
 * wizard and the console, what they answered, and how many customers had their answer without
 * writing to support (deflections). Supervisors and admins; counts only, no receipt data.
 */
export function PaymentChecksTab() {
  const t = useT();
  const [days, setDays] = useState<Days>('7');
  const load = useCallback((signal: AbortSignal) => fetchPaymentCheckStats(days, signal), [days]);
  const { loaded, reload } = useApiQuery('console.admin.payments.PaymentChecksTab', days, load);

  return (
    <div className="admin-stack">
      <p className="admin-note">{t('payments.stats.lead')}</p>
      <Select
        id="payment-stats-days"
        className="payment-stats__period"
        label={t('payments.stats.period')}
        value={days}
        onChange={setDays}
        options={[
          ['1', t('payments.stats.days1')],
          ['7', t('payments.stats.days7')],
          ['30', t('payments.stats.days30')],
        ]}
      />
      {loaded.status === 'loading' ? (
        <PageLoading />
      ) : loaded.status === 'error' ? (
        <LoadFailure error={loaded.error} onRetry={reload} />
      ) : (
        <Figures stats={loaded.data} />
      )}
    </div>
  );
}

function Figures({ stats }: { stats: PaymentCheckStats }) {
  const t = useT();
  if (stats.total === 0) {
    return (
      <p className="admin-note" role="status">
        {t('payments.stats.empty')}
      </p>
    );
  }
  const customers = stats.total - (stats.bySource.find((s) => s.source === 'console')?.total ?? 0);
  return (
    <>
      <dl className="payment-stats__summary">
        <div>
          <dt>{t('payments.stats.total')}</dt>
          <dd>{stats.total}</dd>
        </div>
        <div>
          <dt>{t('payments.stats.deflections')}</dt>
          <dd>
            {stats.deflections}{' '}
            <span className="form-note">({t('payments.stats.ofCustomers', { share: share(stats.deflections, customers) })})</span>
          </dd>
        </div>
      </dl>
      <div className="admin-table-wrap">
        <table className="admin-table">
          <caption className="visually-hidden">{t('payments.stats.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('payments.stats.source')}</th>
              <th scope="col">{t('payments.stats.total')}</th>
              {OUTCOMES.map((o) => (
                <th key={o} scope="col">
                  {t(`payments.stats.outcome.${o}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {stats.bySource.map((row) => (
              <tr key={row.source}>
                <th scope="row">{t(`payments.stats.from.${row.source}`)}</th>
                <td>{row.total}</td>
                {OUTCOMES.map((o) => (
                  <td key={o}>{row.outcomes[o]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="form-note">{t('payments.stats.note')}</p>
    </>
  );
}
