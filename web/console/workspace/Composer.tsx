import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { postComposed } from '../../api/console';
import type { ComposerMode, Workspace } from '../../api/console';
import { buildReplyBody } from '../../api/multipart';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/catalogues';
import { Alert } from '../../ui/Alert';
import { fieldErrorText } from '../../ui/fieldError';
import { REPLY_FILES, replyFilesProblem } from '../../ui/replyFiles';
import { TextArea } from '../../ui/fields';
import { FilePicker } from '../../ui/fields/FilePicker';
import { actionError, isClosed } from './actions';
import { CannedPicker } from './CannedPicker';
import { reachSent, reachWarning } from './reach';

const MAX_BODY = 20_000;

const MODES: ReadonlyArray<{ mode: ComposerMode; tab: MessageKey; send: MessageKey }> = [
  { mode: 'reply', tab: 'console.composer.reply', send: 'console.composer.sendReply' },
  { mode: 'ask', tab: 'console.composer.ask', send: 'console.composer.sendAsk' },
  { mode: 'notes', tab: 'console.composer.note', send: 'console.composer.sendNote' },
];

type Props = { ws: Workspace; onSent: () => void; onTyping: () => void; onIdle: () => void };

/** Answer the customer, ask the customer (the request then waits), or leave an internal note. */
export function Composer({ ws, onSent, onTyping, onIdle }: Props) {
  const { t, locale } = useI18n();
  const closed = isClosed(ws);
  const [chosen, setMode] = useState<ComposerMode>('reply');
  // A request closed meanwhile takes notes only.
  const mode: ComposerMode = closed ? 'notes' : chosen;
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [picking, setPicking] = useState(false);
  const [sent, setSent] = useState<ComposerMode | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const current = MODES.find((m) => m.mode === mode) ?? MODES[0]!;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const body = text.trim();
    if (!body) {
      setProblem(t('console.composer.empty'));
      return;
    }
    const withFiles = mode === 'reply' && files.length > 0;
    const filesProblem = withFiles ? replyFilesProblem(files, locale, t('form.invalid')) : null;
    if (filesProblem) {
      setProblem(filesProblem);
      return;
    }
    setProblem(null);
    setFailure(null);
    setSending(true);
    try {
      await postComposed(ws.number, mode, withFiles ? buildReplyBody(body, files) : { body });
      setText('');
      setFiles([]);
      setSent(mode);
      onIdle();
      onSent();
    } catch (error) {
      // A refused file is named once, beside the text (the server's field error), not again as a general alert.
      const fileProblem = error instanceof ApiError ? error.fields.files : undefined;
      if (fileProblem) setProblem(fieldErrorText(fileProblem, locale, t('form.invalid')));
      else setFailure(actionError(error, t));
    } finally {
      setSending(false);
    }
  };

  const insert = (body: string) => {
    setText((prev) => (prev.trim() ? `${prev.replace(/\s+$/, '')}\n\n${body}` : body));
    setPicking(false);
    setProblem(null);
    requestAnimationFrame(() => area.current?.focus());
  };

  return (
    <form
      className={`composer composer--${mode}`}
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t('console.composer.label')}
    >
      <div className="composer__tabs" role="tablist" aria-label={t('console.composer.label')}>
        {MODES.map((m) => (
          <button
            key={m.mode}
            type="button"
            role="tab"
            aria-selected={mode === m.mode}
            className={`composer__tab composer__tab--${m.mode}`}
            disabled={closed && m.mode !== 'notes'}
            onClick={() => {
              setMode(m.mode);
              setSent(null);
            }}
          >
            {t(m.tab)}
          </button>
        ))}
      </div>
      {closed && <p className="composer__note">{t('console.composer.closed')}</p>}
      {mode === 'ask' && <p className="composer__note">{t('console.composer.askHint')}</p>}
      {mode === 'notes' && <p className="composer__note composer__note--internal">{t('console.composer.noteHint')}</p>}
      {failure && <Alert tone="error">{failure}</Alert>}
      {mode !== 'notes' && !closed && !sent && reachWarning(ws, t) && (
        <Alert tone={ws.reach.portal ? 'info' : 'error'}>{reachWarning(ws, t)}</Alert>
      )}
      {sent && !failure && (
        <p className="composer__sent" role="status">
          {sent === 'notes' ? t('console.composer.sent.notes') : reachSent(ws, t)}
        </p>
      )}
      <TextArea
        id="composer-text"
        hideLabel
        label={t(current.tab)}
        error={problem}
        textareaRef={area}
        inputClassName="composer__text"
        rows={6}
        maxLength={MAX_BODY}
        placeholder={t(`console.composer.placeholder.${mode}`)}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setProblem(null);
          setSent(null);
          onTyping();
        }}
        onBlur={onIdle}
      />
      <div className="composer__bar">
        <button type="button" className="button button--ghost button--small" onClick={() => setPicking(true)}>
          {t('console.canned.open')}
        </button>
        {mode === 'reply' && (
          <FilePicker
            id="composer-files"
            field={REPLY_FILES}
            files={files}
            describedBy={undefined}
            invalid={undefined}
            ariaLabel={t('console.composer.attach')}
            onChange={(next) => {
              setFiles(next);
              setProblem(null);
            }}
          />
        )}
        <button type="submit" className="button button--primary button--small composer__send" disabled={sending}>
          {sending ? t('console.saving') : t(current.send)}
        </button>
      </div>
      {picking && <CannedPicker number={ws.number} onPick={insert} onClose={() => setPicking(false)} />}
    </form>
  );
}
