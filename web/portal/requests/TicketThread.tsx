import type { Ticket, TicketAccess } from '../../api/requests';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../ui/format';
import { AttachmentList } from './AttachmentButton';

/** The correspondence: the customer's messages, support's answers and system notes, oldest first. */
export function TicketThread({ ticket, access }: { ticket: Ticket; access: TicketAccess }) {
  const { t, locale } = useI18n();
  if (ticket.messages.length === 0) return <p className="thread__empty">{t('portal.request.noMessages')}</p>;
  return (
    <ol className="thread">
      {ticket.messages.map((message) => {
        const kind = message.author.kind;
        const who =
          kind === 'customer'
            ? t('portal.request.you')
            : kind === 'staff'
              ? message.author.name || t('portal.request.support')
              : t('portal.request.system');
        return (
          <li key={message.id} className={`message message--${kind}`} data-testid={`message-${kind}`}>
            <div className="message__head">
              <span className="message__author">{who}</span>
              {kind === 'staff' && <span className="message__role">{t('portal.request.support')}</span>}
              <time className="message__time" dateTime={message.createdAt}>
                {formatDateTime(message.createdAt, locale)}
              </time>
            </div>
            {message.body && <div className="message__body">{message.body}</div>}
            {message.attachments.length > 0 && (
              <AttachmentList number={ticket.number} items={message.attachments} access={access} />
            )}
          </li>
        );
      })}
    </ol>
  );
}
