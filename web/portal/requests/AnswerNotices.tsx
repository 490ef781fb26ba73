import { useState } from 'react';
import { setAnswerNotices } from '../../api/auth';
import { useI18n } from '../../i18n/I18nProvider';
import { Alert } from '../../ui/Alert';
import { describeError } from '../../ui/errorMessage';
import { Checkbox } from '../../ui/fields';

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
      <Checkbox
        className="answer-notices__switch"
        label={t('portal.answerNotices.label')}
        hint={
          <>
            {t('portal.answerNotices.hint')}
            {state.kind === 'saved' && <span role="status"> · {t('portal.answerNotices.saved')}</span>}
          </>
        }
        checked={on}
        disabled={state.kind === 'saving'}
        onChange={change}
      />
      {state.kind === 'error' && <Alert tone="error">{describeError(state.error, t)}</Alert>}
    </div>
  );
}
