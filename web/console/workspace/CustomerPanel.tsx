import { formatPhone } from '../../../common/phone';
import type { Workspace } from '../../api/console';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router';
import { formatShortDateTime } from '../../ui/format';
import { StatusBadge, VipMark } from '../badges';
import { ticketPath } from '../routes';
import { AccountPanel } from './AccountPanel';
import { IdentificationBlock } from './IdentificationBlock';
import { PaymentPanel } from './PaymentPanel';

/** The customer beside the request: contacts, Priority, identification, the account, earlier requests. */
export function CustomerPanel({ ws, onChanged }: { ws: Workspace; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const c = ws.customer;
  return (
    <>
      <section className="side-card" aria-labelledby="cust-title">
        <h2 id="cust-title" className="side-card__title">
          {t('console.customer.title')}
        </h2>
        <p className="cust__name">
          {c.name || c.email || '—'}
          {(c.priority || ws.priorityCustomer) && <VipMark withText />}
        </p>
        <dl className="kv">
          <div>
            <dt>{t('console.customer.kind')}</dt>
            <dd>{c.kind === 'guest' ? t('console.customer.guest') : t('console.customer.account')}</dd>
          </div>
          {c.email && (
            <div>
              <dt>{t('console.customer.email')}</dt>
              <dd className="kv__break">{c.email}</dd>
            </div>
          )}
          {c.phone && (
            <div>
              <dt>{t('console.customer.phone')}</dt>
              <dd>{formatPhone(c.phone)}</dd>
            </div>
          )}
          <div>
            <dt>{t('console.customer.wallet')}</dt>
            <dd>{c.walletNumber ? formatPhone(c.walletNumber) : '—'}</dd>
          </div>
          <div>
            <dt>{t('console.customer.replyChannel')}</dt>
            <dd>{ws.replyChannel === 'email' ? t('console.customer.byEmail') : t('console.customer.byPortal')}</dd>
          </div>
        </dl>
      </section>

      <IdentificationBlock ws={ws} onChanged={onChanged} />
      <AccountPanel ws={ws} />
      <PaymentPanel ws={ws} />

      <section className="side-card" aria-labelledby="earlier-title">
        <h2 id="earlier-title" className="side-card__title">
          {t('console.customer.earlier')}
        </h2>
        {c.earlier.length === 0 ? (
          <p className="muted">{t('console.customer.noEarlier')}</p>
        ) : (
          <ul className="earlier">
            {c.earlier.map((e) => (
              <li key={e.number} className="earlier__item">
                <Link href={ticketPath(e.number)} className="earlier__link">
                  <span className="earlier__number">{e.number}</span> {e.subject}
                </Link>
                <span className="earlier__meta">
                  <StatusBadge status={e.status} /> {formatShortDateTime(e.createdAt, locale)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
