import { useState } from 'react';
import { setAnswerNotices } from '../../api/auth';
import { useI18n } from '../../i18n/I18nProvider';
import { Alert } from '../../ui/Alert';
import { describeError } from '../../ui/errorMessage';

/** Under "My requests": whether requests answered only in the account still send a short e-mail notice. */
export function AnswerNotices({ initial }: { initial: boolean }) {
  const { t } = useI18n();
  const [on, setOn] = useState(initial);
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; error: unknown }>({ kind: 'idle' });
  const change = (next: boolean) => {
    setOn(next);
    setState({ kind: 'saving' });
    setAnswerNotices(next).then(
      () => setState({ kind: 'saved' }),
      (error: unknown) => {
        setOn(!next);
        setState({ kind: 'error', error });
      },
    );
  };
  return (
    <div className="answer-notices">
      <label className="answer-notices__switch">
        <input type="checkbox" checked={on} disabled={state.kind === 'saving'} onChange={(e) => change(e.target.checked)} />
        <span>{t('portal.answerNotices.label')}</span>
      </label>
      <p className="field__hint">
        {t('portal.answerNotices.hint')}
        {state.kind === 'saved' && <span role="status"> · {t('portal.answerNotices.saved')}</span>}
      </p>
      {state.kind === 'error' && <Alert tone="error">{describeError(state.error, t)}</Alert>}
    </div>
  );
}
