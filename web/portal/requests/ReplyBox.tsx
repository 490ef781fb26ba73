import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { buildReplyBody } from '../../api/multipart';
import { postMessage } from '../../api/requests';
import type { TicketAccess } from '../../api/requests';
import { useI18n } from '../../i18n/I18nProvider';
import { Alert } from '../../ui/Alert';
import { REPLY_FILES, replyFilesProblem } from '../../ui/replyFiles';
import { describeError } from '../../ui/errorMessage';
import { TextArea } from '../../ui/fields';
import { FilePicker } from '../../ui/fields/FilePicker';

const MAX_BODY = 5000;

type Props = { number: string; access: TicketAccess; waiting: boolean; onSent: () => void };

/** A reply to support, with attachments. */
export function ReplyBox({ number, access, waiting, onSent }: Props) {
  const { t, locale } = useI18n();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const inFlight = useRef(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (inFlight.current) return;
    if (!text.trim()) {
      setProblem(t('portal.request.replyEmpty'));
      return;
    }
    const filesProblem = replyFilesProblem(files, locale, t('form.invalid'));
    if (filesProblem) {
      setProblem(filesProblem);
      return;
    }
    setProblem(null);
    setFailure(null);
    inFlight.current = true;
    setSending(true);
    try {
      await postMessage(number, buildReplyBody(text.trim(), files), access);
      setText('');
      setFiles([]);
      onSent();
    } catch (error) {
      setFailure(error);
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  };

  return (
    <form className="reply" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="reply-title">
      <h2 id="reply-title" className="reply__title">
        {waiting ? t('portal.request.replyWaiting') : t('portal.request.replyTitle')}
      </h2>
      {failure !== null && <Alert tone="error">{describeError(failure, t)}</Alert>}
      <TextArea
        id="reply-text"
        hideLabel
        label={t('portal.request.replyLabel')}
        rows={4}
        maxLength={MAX_BODY}
        placeholder={t('portal.request.replyPlaceholder')}
        value={text}
        error={problem}
        onChange={(e) => {
          setText(e.target.value);
          setProblem(null);
        }}
      />
      <div className="reply__bar">
        <FilePicker
          id="reply-files"
          field={REPLY_FILES}
          files={files}
          describedBy={undefined}
          invalid={undefined}
          ariaLabel={t('portal.request.attach')}
          onChange={(next) => {
            setFiles(next);
            setProblem(null);
          }}
        />
        <button type="submit" className="button button--primary reply__send" disabled={sending}>
          {sending ? t('portal.request.sending') : t('portal.request.send')}
        </button>
      </div>
    </form>
  );
}
