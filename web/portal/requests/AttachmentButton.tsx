import { useState } from 'react';
import { downloadAttachment } from '../../api/requests';
import type { AttachmentInfo, TicketAccess } from '../../api/requests';
import { useI18n } from '../../i18n/I18nProvider';
import { describeError } from '../../ui/errorMessage';
import { formatFileSize } from '../../ui/format';

/** Saves a Blob under `name` through a temporary object-URL link. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

type Props = { number: string; attachment: AttachmentInfo; access: TicketAccess };

/**
 * An attachment of a request. A guest's Bearer token cannot ride on a plain link, so the file is
 * fetched with the same credentials as the page and handed to the browser as a download.
 */
export function AttachmentButton({ number, attachment, access }: Props) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const download = () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    downloadAttachment(number, attachment.id, access)
      .then((blob) => saveBlob(blob, attachment.name))
      .catch((e: unknown) => setError(e))
      .finally(() => setBusy(false));
  };

  return (
    <span className="attachment">
      <button
        type="button"
        className="attachment__button"
        onClick={download}
        disabled={busy}
        aria-label={t('portal.request.download', { name: attachment.name })}
      >
        <span className="attachment__icon" aria-hidden="true">
          ⤓
        </span>
        <span className="attachment__name">{attachment.name}</span>
        <span className="attachment__size">{formatFileSize(attachment.size, locale)}</span>
      </button>
      {error !== null && (
        <span className="attachment__error" role="alert">
          {describeError(error, t)}
        </span>
      )}
    </span>
  );
}

/** Several attachments in a row. */
export function AttachmentList({ number, items, access }: { number: string; items: AttachmentInfo[]; access: TicketAccess }) {
  const t = useI18n().t;
  return (
    <ul className="message__files" aria-label={t('portal.request.attachments')}>
      {items.map((a) => (
        <li key={a.id}>
          <AttachmentButton number={number} attachment={a} access={access} />
        </li>
      ))}
    </ul>
  );
}
