import { useState } from 'react';
import { reopenTicket, resolveTicket, setTicketReplyChannel } from '../../api/requests';
import type { ReplyChannel, Ticket, TicketAccess } from '../../api/requests';
import { useT } from '../../i18n/I18nProvider';
import { Alert } from '../../ui/Alert';
import { describeError } from '../../ui/errorMessage';
import { RadioGroup, TextArea } from '../../ui/fields';

type Props = { ticket: Ticket; access: TicketAccess; onChanged: (ticket: Ticket) => void };

const CHANNELS: ReplyChannel[] = ['email', 'portal'];

/** "Solved", "take out of the archive" (with a message) and where answers go. */
export function TicketActions({ ticket, access, onChanged }: Props) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [reopening, setReopening] = useState(false);
  const [message, setMessage] = useState('');
  const [messageMissing, setMessageMissing] = useState(false);
  const [savedChannel, setSavedChannel] = useState(false);

  const run = (action: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    action()
      .catch((error: unknown) => setFailure(error))
      .finally(() => setBusy(false));
  };

  const resolve = () => run(async () => onChanged(await resolveTicket(ticket.number, access)));

  const reopen = () => {
    if (!message.trim()) {
      setMessageMissing(true);
      return;
    }
    run(async () => {
      onChanged(await reopenTicket(ticket.number, message.trim(), access));
      setReopening(false);
      setMessage('');
    });
  };

  const changeChannel = (replyChannel: ReplyChannel) =>
    run(async () => {
      setSavedChannel(false);
      await setTicketReplyChannel(ticket.number, replyChannel, access);
      onChanged({ ...ticket, replyChannel });
      setSavedChannel(true);
    });

  return (
    <div className="ticket-actions">
      {failure !== null && <Alert tone="error">{describeError(failure, t)}</Alert>}
      {ticket.can.resolve && (
        <div className="ticket-actions__block">
          <button type="button" className="button button--ghost button--block" disabled={busy} onClick={resolve}>
            {t('portal.request.resolve')}
          </button>
          <p className="form-note">{t('portal.request.resolveHint')}</p>
        </div>
      )}
      {ticket.can.reopen && !reopening && (
        <div className="ticket-actions__block">
          <button type="button" className="button button--primary button--block" onClick={() => setReopening(true)}>
            {t('portal.request.reopen')}
          </button>
          <p className="form-note">{t('portal.request.reopenHint')}</p>
        </div>
      )}
      {ticket.can.reopen && reopening && (
        <form
          className="ticket-actions__block"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            reopen();
          }}
        >
          <TextArea
            id="reopen-message"
            label={t('portal.request.reopenLabel')}
            rows={4}
            maxLength={5000}
            value={message}
            error={messageMissing ? t('portal.request.reopenMissing') : null}
            onChange={(e) => {
              setMessage(e.target.value);
              setMessageMissing(false);
            }}
          />
          <div className="ticket-actions__row">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('portal.request.reopenSubmit')}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setReopening(false)}>
              {t('portal.common.cancel')}
            </button>
          </div>
        </form>
      )}
      <RadioGroup
        className="choice ticket-actions__block"
        optionClassName="choice__option"
        legend={t('portal.form.replyChannel')}
        name="ticketReplyChannel"
        value={ticket.replyChannel}
        disabled={busy}
        onChange={changeChannel}
        options={CHANNELS.map(
          (channel) =>
            [
              channel,
              <span key={channel}>
                {t(channel === 'portal' && access.token ? 'portal.replyChannel.portalGuest' : `portal.replyChannel.${channel}`)}
              </span>,
            ] as const,
        )}
      >
        <span className="form-note" role="status">
          {savedChannel ? t('portal.request.channelSaved') : ''}
        </span>
      </RadioGroup>
    </div>
  );
}
