import type { Ticket, TicketAccess } from '../../api/requests';
import { useI18n } from '../../i18n/I18nProvider';
import { useLocalize } from '../../i18n/useLocalize';
import { Alert } from '../../ui/Alert';
import { formatDateTime, formatFieldValue } from '../../ui/format';
import { AttachmentList } from './AttachmentButton';
import { ReplyBox } from './ReplyBox';
import { StatusBadge } from './StatusBadge';
import { TicketActions } from './TicketActions';
import { TicketThread } from './TicketThread';

type Props = {
  ticket: Ticket;
  access: TicketAccess;
  /** Just confirmed from the e-mail link. */
  confirmed: boolean;
  onChanged: (ticket: Ticket) => void;
  reload: () => void;
};

const CLOSED = new Set(['resolved', 'archived', 'expired']);

/** A request: summary, status, what was submitted, the correspondence and what can be done. */
export function TicketView({ ticket, access, confirmed, onChanged, reload }: Props) {
  const { t, locale } = useI18n();
  const l = useLocalize();
  const path = ticket.category.path.length ? ticket.category.path : [{ id: ticket.category.id, name: ticket.category.name }];
  const files = ticket.attachments.filter((a) => a.fieldKey !== null);
  // Files of a field no longer in the list (e.g. the form changed) are still shown.
  const loose = files.filter((a) => !ticket.fields.some((f) => f.key === a.fieldKey));
  const note =
    ticket.status === 'unconfirmed' || ticket.status === 'pending_customer' || ticket.status === 'expired'
      ? t(`portal.request.note.${ticket.status}`)
      : ticket.status === 'resolved' || ticket.status === 'archived'
        ? t('portal.request.note.archived')
        : null;

  return (
    <article className="ticket">
      <header className="ticket__head">
        <p className="ticket__path">{path.map((p) => l(p.name)).join(' › ')}</p>
        <div className="ticket__title-row">
          <h1 className="ticket__title">
            {t('portal.request.title')} <span className="ticket-number">{ticket.number}</span>
          </h1>
          <StatusBadge status={ticket.status} />
        </div>
        {ticket.subject && <p className="ticket__subject">{ticket.subject}</p>}
      </header>

      {confirmed && <Alert tone="info">{t('portal.request.confirmed')}</Alert>}
      {note && <p className={`ticket__note ticket__note--${ticket.status}`}>{note}</p>}

      <div className="ticket__layout">
        <aside className="ticket__aside" aria-label={t('portal.request.details')}>
          <dl className="ticket-meta">
            <div>
              <dt>{t('portal.request.created')}</dt>
              <dd>{formatDateTime(ticket.createdAt, locale)}</dd>
            </div>
            {ticket.expectedBy && !CLOSED.has(ticket.status) && (
              <div>
                <dt>{t('portal.request.expected')}</dt>
                <dd>{formatDateTime(ticket.expectedBy, locale)}</dd>
              </div>
            )}
            <div>
              <dt>{t('portal.request.updated')}</dt>
              <dd>{formatDateTime(ticket.updatedAt, locale)}</dd>
            </div>
          </dl>
          <TicketActions ticket={ticket} access={access} onChanged={onChanged} />
        </aside>

        <div className="ticket__main">
          {ticket.fields.length > 0 && (
            <section className="ticket-card" aria-labelledby="fields-title">
              <h2 id="fields-title" className="ticket-card__title">
                {t('portal.request.submitted')}
              </h2>
              <dl className="ticket-fields">
                {ticket.fields.map((f) => {
                  const own = files.filter((a) => a.fieldKey === f.key);
                  return (
                    <div key={f.key}>
                      <dt>{l(f.label)}</dt>
                      <dd>
                        {own.length ? (
                          <AttachmentList number={ticket.number} items={own} access={access} />
                        ) : (
                          formatFieldValue(f.type, f.value, locale)
                        )}
                      </dd>
                    </div>
                  );
                })}
              </dl>
              {loose.length > 0 && <AttachmentList number={ticket.number} items={loose} access={access} />}
            </section>
          )}

          <section aria-labelledby="thread-title">
            <h2 id="thread-title" className="ticket-card__title">
              {t('portal.request.thread')}
            </h2>
            <TicketThread ticket={ticket} access={access} />
          </section>

          {ticket.can.reply && (
            <ReplyBox number={ticket.number} access={access} waiting={ticket.status === 'pending_customer'} onSent={reload} />
          )}
        </div>
      </div>
    </article>
  );
}
