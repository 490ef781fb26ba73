import { useState, type FormEvent } from 'react';
import { CURRENCIES } from '../../../common/forms/types';
import { ApiError } from '../../api/client';
import { checkPayment, type PaymentCheckResult } from '../../api/payments';
import { useI18n } from '../../i18n/I18nProvider';
import { Alert } from '../../ui/Alert';
import { describeError } from '../../ui/errorMessage';
import { fieldErrorText } from '../../ui/fieldError';
import { Select, TextField } from '../../ui/fields';
import type { CheckDraft } from './handover';
import { PaymentResult } from './PaymentResult';

const pad = (n: number) => String(n).padStart(2, '0');

/** Today in the browser's calendar, as a date input holds it. */
export function todayInput(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function emptyDraft(by: CheckDraft['by'] = 'receipt'): CheckDraft {
  return { by, receiptNumber: '', terminalId: '', date: todayInput(), time: '', amount: '', currency: 'RUB', account: '' };
}

type Props = {
  source: 'portal' | 'agents' | 'wizard';
  /** The wizard's leaf (counted with the check). */
  categoryId?: string;
  initial?: CheckDraft;
  /** On to the form, with what was entered and what the check said (null: no answer yet). */
  onWrite: (draft: CheckDraft, result: PaymentCheckResult | null) => void;
  /** The answer was enough. */
  onResolved: () => void;
};

type Key = 'receiptNumber' | 'terminalId' | 'paidAt' | 'amount' | 'account';

/**
 * The payment check (issue 18): the receipt's data in, the status out. Not found, cancelled or
 * processing for too long lead on to the form with the data carried over.
 */
export function PaymentCheck({ source, categoryId, initial, onWrite, onResolved }: Props) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<CheckDraft>(initial ?? emptyDraft());
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [missing, setMissing] = useState<ReadonlySet<Key>>(new Set());
  const [result, setResult] = useState<PaymentCheckResult | null>(null);
  const set = <K extends keyof CheckDraft>(key: K, value: CheckDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const serverField = (key: Key): string | null => {
    if (!(failure instanceof ApiError)) return null;
    const e = failure.fields[key];
    return e ? fieldErrorText(e, locale, t('payments.invalid')) : null;
  };
  const errorFor = (key: Key) => (missing.has(key) ? t('payments.required') : serverField(key));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const empty = new Set<Key>();
    if (draft.by === 'receipt' && !draft.receiptNumber.trim()) empty.add('receiptNumber');
    if (draft.by === 'terminal' && !draft.terminalId.trim()) empty.add('terminalId');
    if (!draft.date) empty.add('paidAt');
    if (!draft.amount.trim()) empty.add('amount');
    if (!draft.account.trim()) empty.add('account');
    setMissing(empty);
    if (empty.size > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      const answer = await checkPayment({
        ...(draft.by === 'receipt' ? { receiptNumber: draft.receiptNumber.trim() } : { terminalId: draft.terminalId.trim() }),
        paidAt: draft.time ? `${draft.date}T${draft.time}` : draft.date,
        amount: { amount: draft.amount.trim(), currency: draft.currency },
        account: draft.account.trim(),
        source,
        ...(categoryId ? { categoryId } : {}),
      });
      setResult(answer);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  if (result) {
    return (
      <PaymentResult
        result={result}
        onWrite={() => onWrite(draft, result)}
        onResolved={onResolved}
        onAgain={() => {
          setResult(null);
          setDraft(emptyDraft(draft.by));
        }}
      />
    );
  }

  return (
    <form className="payment-check" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="payment-check__by">
        <legend className="field__label">{t('payments.by.legend')}</legend>
        {(['receipt', 'terminal'] as const).map((by) => (
          <label key={by} className={`payment-check__choice${draft.by === by ? ' payment-check__choice--on' : ''}`}>
            <input type="radio" name="by" value={by} checked={draft.by === by} onChange={() => set('by', by)} />
            {t(by === 'receipt' ? 'payments.by.receipt' : 'payments.by.terminal')}
          </label>
        ))}
      </fieldset>
      {draft.by === 'receipt' ? (
        <TextField
          label={t('payments.receiptNumber')}
          hint={t('payments.receiptHint')}
          name="receiptNumber"
          inputMode="numeric"
          autoComplete="off"
          value={draft.receiptNumber}
          error={errorFor('receiptNumber')}
          onChange={(e) => set('receiptNumber', e.target.value)}
        />
      ) : (
        <TextField
          label={t('payments.terminalId')}
          hint={t('payments.terminalHint')}
          name="terminalId"
          inputMode="numeric"
          autoComplete="off"
          value={draft.terminalId}
          error={errorFor('terminalId')}
          onChange={(e) => set('terminalId', e.target.value)}
        />
      )}
      <div className="payment-check__row">
        <TextField
          label={t('payments.date')}
          name="date"
          type="date"
          value={draft.date}
          max={todayInput()}
          error={errorFor('paidAt')}
          onChange={(e) => set('date', e.target.value)}
        />
        <TextField
          label={t('payments.time')}
          name="time"
          type="time"
          value={draft.time}
          onChange={(e) => set('time', e.target.value)}
        />
      </div>
      <p className="form-note payment-check__note">{t('payments.timeHint')}</p>
      <div className="payment-check__row">
        <TextField
          label={t('payments.amount')}
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          value={draft.amount}
          error={errorFor('amount')}
          onChange={(e) => set('amount', e.target.value)}
        />
        <Select
          label={t('payments.currency')}
          className="payment-check__currency"
          value={draft.currency}
          options={CURRENCIES.map((c) => [c, c] as const)}
          onChange={(v) => set('currency', v)}
        />
      </div>
      <TextField
        label={t('payments.account')}
        hint={t('payments.accountHint')}
        name="account"
        type="tel"
        autoComplete="off"
        value={draft.account}
        error={errorFor('account')}
        onChange={(e) => set('account', e.target.value)}
      />
      {failure !== null && !(failure instanceof ApiError && Object.keys(failure.fields).length > 0) && (
        <Alert tone="error">{describeError(failure, t)}</Alert>
      )}
      <div className="payment-check__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('payments.checking') : t('payments.submit')}
        </button>
      </div>
    </form>
  );
}
