import { formatPhone } from '../../../common/phone';
import type { SecurityFlags, Workspace } from '../../api/console';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/catalogues';
import { formatMoney } from '../../ui/format';

/** The five blocking reasons of the seeds (S0), in their order. */
const FLAGS: ReadonlyArray<{ key: keyof SecurityFlags; label: MessageKey }> = [
  { key: 'smsConfirmationOff', label: 'console.flag.smsConfirmationOff' },
  { key: 'unknownIpLogin', label: 'console.flag.unknownIpLogin' },
  { key: 'cardWithdrawalsBypassing', label: 'console.flag.cardWithdrawalsBypassing' },
  { key: 'transfersFromComplainedAccount', label: 'console.flag.transfersFromComplainedAccount' },
  { key: 'weeklyLimitExceeded', label: 'console.flag.weeklyLimitExceeded' },
];

/** The account (wallet state, security flags, balance): closed until the customer is identified. */
export function AccountPanel({ ws }: { ws: Workspace }) {
  const { t, locale } = useI18n();
  const identified = ws.customer.identification.state === 'identified';
  // Wallet balances are in roubles (the payment system's one currency).
  const money = (value: string) => formatMoney(value, 'RUB', locale);

  return (
    <section className="side-card" aria-labelledby="account-title" data-testid="account-panel">
      <h2 id="account-title" className="side-card__title">
        {t('console.account.title')}
      </h2>
      {!identified ? (
        <p className="account-closed">{t('console.account.closed')}</p>
      ) : ws.customer.wallets.length === 0 ? (
        <p className="muted">{t('console.account.none')}</p>
      ) : (
        ws.customer.wallets.map((w) => (
          <div key={w.walletNumber} className="wallet">
            <div className="wallet__head">
              <span className="wallet__number">{formatPhone(w.walletNumber)}</span>
              <span className={`wallet__state wallet__state--${w.blocked ? 'blocked' : 'active'}`}>
                {w.blocked ? t('console.account.blocked') : t('console.account.active')}
              </span>
            </div>
            <dl className="kv">
              <div>
                <dt>{t('console.account.owner')}</dt>
                <dd>{w.ownerName}</dd>
              </div>
              <div>
                <dt>{t('console.account.balance')}</dt>
                <dd>{money(w.balance)}</dd>
              </div>
              {w.blocked && w.blockReason && (
                <div>
                  <dt>{t('console.account.blockReason')}</dt>
                  <dd>{w.blockReason}</dd>
                </div>
              )}
            </dl>
            <h3 className="wallet__flags-title">{t('console.account.flags')}</h3>
            <ul className="flags">
              {FLAGS.map((f) => (
                <li key={f.key} className={`flags__item flags__item--${w.flags[f.key] ? 'on' : 'off'}`}>
                  <span className="flags__mark" aria-hidden="true">
                    {w.flags[f.key] ? '!' : '–'}
                  </span>
                  <span>{t(f.label)}</span>
                  {/* The state in words, visible: a tick beside "SMS confirmation off" would read as "yes". */}
                  <span className={`flags__state flags__state--${w.flags[f.key] ? 'on' : 'off'}`}>
                    {w.flags[f.key] ? t('console.account.flagOn') : t('console.account.flagOff')}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}
