import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { identifyCustomer } from '../../api/console';
import type { IdentificationResult, Workspace } from '../../api/console';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/catalogues';
import { Alert } from '../../ui/Alert';
import { TextField } from '../../ui/fields';
import { formatShortDateTime } from '../../ui/format';
import { actionError } from './actions';

const REASONS: Record<string, MessageKey> = {
  mismatch: 'console.ident.reason.mismatch',
  unknown_wallet: 'console.ident.reason.unknown_wallet',
  phone_mismatch: 'console.ident.reason.phone_mismatch',
};

/**
 * Identification (S0, S2): before telling anything about the account, the operator checks the wallet
 * number and the passport series and number the customer gives. Only the result is stored.
 */
export function IdentificationBlock({ ws, onChanged }: { ws: Workspace; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const id = useId();
  const state = ws.customer.identification;
  const [wallet, setWallet] = useState(ws.customer.walletNumber ?? '');
  const [passport, setPassport] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<IdentificationResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (wallet.trim().length < 5 || passport.trim().length < 6) {
      setProblem(t('console.ident.incomplete'));
      return;
    }
    setProblem(null);
    setFailure(null);
    setBusy(true);
    try {
      const answer = await identifyCustomer(ws.number, { walletNumber: wallet.trim(), passport: passport.trim() });
      setResult(answer);
      setPassport('');
      onChanged();
    } catch (error) {
      setFailure(actionError(error, t));
    } finally {
      setBusy(false);
    }
  };

  const identified = state.state === 'identified';
  return (
    <section className="side-card" aria-labelledby="ident-title">
      <h2 id="ident-title" className="side-card__title">
        {t('console.ident.title')}
      </h2>
      <p className={`ident ident--${state.state}`} data-testid="ident-state">
        {identified
          ? t('console.ident.identified')
          : state.state === 'failed'
            ? t('console.ident.failed')
            : t('console.ident.not')}
      </p>
      {state.at && (
        <p className="muted small">
          {t('console.ident.checked', { name: state.by ?? '—', date: formatShortDateTime(state.at, locale) })}
        </p>
      )}
      {result && (
        <Alert tone={result.result === 'identified' ? 'info' : 'error'}>
          {result.result === 'identified'
            ? t('console.ident.resultOk')
            : `${t('console.ident.resultFailed')} ${result.reason && REASONS[result.reason] ? t(REASONS[result.reason] as MessageKey) : ''}`}
        </Alert>
      )}
      {!identified && ws.can.work && (
        <form className="ident-form" onSubmit={(e) => void submit(e)} noValidate>
          <TextField
            look="compact"
            id={`${id}-wallet`}
            label={t('console.ident.wallet')}
            inputMode="tel"
            autoComplete="off"
            value={wallet}
            onChange={(e) => setWallet(e.target.value)}
          />
          <TextField
            look="compact"
            id={`${id}-passport`}
            label={t('console.ident.passport')}
            autoComplete="off"
            placeholder={t('console.ident.passportHint')}
            value={passport}
            onChange={(e) => setPassport(e.target.value)}
          />
          {problem && <p className="field__error">{problem}</p>}
          {failure && <Alert tone="error">{failure}</Alert>}
          <button type="submit" className="button button--primary button--small" disabled={busy}>
            {busy ? t('console.saving') : t('console.ident.check')}
          </button>
        </form>
      )}
    </section>
  );
}
