import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { checkPayment, type PaymentCheckResult } from '../../api/payments';
import { useI18n } from '../../i18n/I18nProvider';
import { Alert } from '../../ui/Alert';
import { describeError } from '../../ui/errorMessage';
import { fieldErrorText } from '../../ui/fieldError';
import { CheckFields, checkQuestion, emptyKeys, type CheckKey } from './CheckFields';
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

type Key = CheckKey;

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
    const empty = emptyKeys(draft);
    setMissing(empty);
    if (empty.size > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      const answer = await checkPayment({
        ...checkQuestion(draft),
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
      <CheckFields draft={draft} set={set} errorFor={errorFor} variant="portal" name="by" maxDate={todayInput()} />
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
