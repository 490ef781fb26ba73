import type { FiledTicket, LeafForm } from '../../api/requests';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router';
import { CopyButton } from '../../ui/CopyButton';
import { formatDateTime } from '../../ui/format';
import { reviewMessage } from './review';

type Props = {
  ticket: FiledTicket;
  email: string | null;
  base: string;
  /** The leaf's review time: a guest's clock starts only at confirmation, so there is no date yet. */
  review: LeafForm['expectedReview'] | null;
};

/** The request is registered: its number, when to expect an answer, and what happens next. */
export function ConfirmationScreen({ ticket, email, base, review }: Props) {
  const { t, locale } = useI18n();
  const guest = ticket.confirmationRequired;
  const expected = formatDateTime(ticket.expectedBy, locale);
  return (
    <div className="container page page--narrow">
      <section className="done-card" aria-labelledby="done-title">
        <span className="done-card__mark" aria-hidden="true">
          ✓
        </span>
        <h1 id="done-title" className="done-card__title" tabIndex={-1}>
          {guest ? t('portal.done.guestTitle') : t('portal.done.title')}
        </h1>
        <div className="done-card__number">
          <span className="done-card__label">{t('portal.done.number')}</span>
          <strong className="ticket-number" data-testid="ticket-number">
            {ticket.number}
          </strong>
          <CopyButton text={ticket.number} label={t('portal.done.copy')} />
        </div>
        {expected ? (
          <p className="done-card__expected">
            {t('portal.done.expected')} <strong data-testid="ticket-expected">{expected}</strong>
          </p>
        ) : (
          review &&
          review.resolutionMinutes > 0 && (
            <p className="done-card__expected" data-testid="ticket-expected">
              {reviewMessage(review, locale, t, 'afterConfirm')}
            </p>
          )
        )}
        {guest ? (
          <div className="done-card__next">
            <p>{t('portal.done.guestMail', { email: email ?? '' })}</p>
            <p className="form-note">{t('portal.done.guestSpam')}</p>
          </div>
        ) : (
          <p className="done-card__next">{t('portal.done.customerNext')}</p>
        )}
        <div className="done-card__actions">
          {!guest && (
            <Link href={`/requests/${encodeURIComponent(ticket.number)}`} className="button button--primary">
              {t('portal.done.open')}
            </Link>
          )}
          <Link href={base} className="button button--ghost">
            {t('portal.done.another')}
          </Link>
          <Link href="/" className="button button--ghost">
            {t('portal.common.home')}
          </Link>
        </div>
      </section>
    </div>
  );
}
