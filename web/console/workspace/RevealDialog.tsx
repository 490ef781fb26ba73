import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { revealField } from '../../api/console';
import { useT } from '../../i18n/I18nProvider';
import { Alert } from '../../ui/Alert';
import { Dialog } from '../../ui/Dialog';
import { TextArea } from '../../ui/fields';
import { actionError, reasonProblem } from './actions';

type Props = { number: string; field: string; label: string; onClose: () => void; onRevealed: () => void };

/**
 * Shows one personal field once: the reason first (it goes to the audit log), then the value.
 * Closing the dialog forgets the value; seeing it again needs a new reason.
 */
export function RevealDialog({ number, field, label, onClose, onRevealed }: Props) {
  const t = useT();
  const id = useId();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [value, setValue] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const p = reasonProblem(reason, t);
    setProblem(p);
    if (p) return;
    setBusy(true);
    setFailure(null);
    try {
      const answer = await revealField(number, field, reason.trim());
      setValue(answer.value);
    } catch (error) {
      setFailure(actionError(error, t));
    } finally {
      setBusy(false);
    }
  };

  // The view is in the history now: re-read the request once the value is hidden again.
  const close = () => {
    onClose();
    if (value !== null) onRevealed();
  };

  return (
    <Dialog open title={t('console.reveal.title', { field: label })} onClose={close}>
      {value === null ? (
        <form className="dialog-form" onSubmit={(e) => void submit(e)} noValidate>
          <p className="dialog-form__hint">{t('console.reveal.hint')}</p>
          {failure && <Alert tone="error">{failure}</Alert>}
          <TextArea
            look="compact"
            id={`${id}-reason`}
            label={t('console.reveal.reason')}
            error={problem}
            rows={3}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="dialog-form__buttons">
            <button type="button" className="button button--ghost button--small" onClick={onClose}>
              {t('console.cancel')}
            </button>
            <button type="submit" className="button button--primary button--small" disabled={busy}>
              {t('console.reveal.show')}
            </button>
          </div>
        </form>
      ) : (
        <div className="dialog-form">
          <p className="revealed" data-testid="revealed-value">
            <span className="revealed__label">{label}</span>
            <output className="revealed__value">{value}</output>
          </p>
          <p className="dialog-form__hint">{t('console.reveal.once')}</p>
          <div className="dialog-form__buttons">
            <button type="button" className="button button--primary button--small" onClick={close}>
              {t('console.reveal.hide')}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
