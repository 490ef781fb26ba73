import { CURRENCIES } from '../../../common/forms/types';
import { useI18n } from '../../i18n/I18nProvider';
import { RadioGroup, Select, TextField } from '../../ui/fields';
import type { CheckDraft } from './handover';

/** The fields a check is about (the server's names; `paidAt` is the date). */
export type CheckKey = 'receiptNumber' | 'terminalId' | 'paidAt' | 'amount' | 'account';

type Props = {
  draft: CheckDraft;
  set: <K extends keyof CheckDraft>(key: K, value: CheckDraft[K]) => void;
  /** The message under a field, if any (empty, or what the server said). */
  errorFor?: (key: CheckKey) => string | null;
  /**
   * 'portal': a customer's phone-sized form with hints; 'console': the narrow side card of the
   * workspace, where the operator types what the customer reads out (no hints).
   */
  variant: 'portal' | 'console';
  /** Unique per page: the radio group's name. */
  name: string;
  /** The newest date the date field offers (today on the customer's side). */
  maxDate?: string;
};

/**
 * The receipt's data, the same for the customer's check (portal page, agents' section, wizard) and
 * the operator's (workspace): by receipt number or by terminal, date and time, amount and currency,
 * the account paid.
 */
export function CheckFields({ draft, set, errorFor = () => null, variant, name, maxDate }: Props) {
  const { t } = useI18n();
  const block = variant === 'portal' ? 'payment-check' : 'console-check';
  const hint = (key: Parameters<typeof t>[0]) => (variant === 'portal' ? t(key) : undefined);
  return (
    <>
      <RadioGroup
        className={`${block}__by`}
        legend={t('payments.by.legend')}
        hideLegend={variant !== 'portal'}
        optionClassName={(_, on) =>
          variant === 'portal' ? `payment-check__choice${on ? ' payment-check__choice--on' : ''}` : undefined
        }
        name={name}
        value={draft.by}
        onChange={(by) => set('by', by)}
        options={(['receipt', 'terminal'] as const).map(
          (by) => [by, t(by === 'receipt' ? 'payments.by.receipt' : 'payments.by.terminal')] as const,
        )}
      />
      {draft.by === 'receipt' ? (
        <TextField
          label={t('payments.receiptNumber')}
          hint={hint('payments.receiptHint')}
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
          hint={hint('payments.terminalHint')}
          name="terminalId"
          inputMode="numeric"
          autoComplete="off"
          value={draft.terminalId}
          error={errorFor('terminalId')}
          onChange={(e) => set('terminalId', e.target.value)}
        />
      )}
      <div className={`${block}__row`}>
        <TextField
          label={t('payments.date')}
          name="date"
          type="date"
          value={draft.date}
          max={maxDate}
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
      {variant === 'portal' && <p className="form-note payment-check__note">{t('payments.timeHint')}</p>}
      <div className={`${block}__row`}>
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
        hint={hint('payments.accountHint')}
        name="account"
        type="tel"
        autoComplete="off"
        value={draft.account}
        error={errorFor('account')}
        onChange={(e) => set('account', e.target.value)}
      />
    </>
  );
}

/** The check's question from the draft, as both check endpoints take it. */
export function checkQuestion(draft: CheckDraft) {
  return {
    ...(draft.by === 'receipt' ? { receiptNumber: draft.receiptNumber.trim() } : { terminalId: draft.terminalId.trim() }),
    paidAt: draft.time ? `${draft.date}T${draft.time}` : draft.date,
    amount: { amount: draft.amount.trim(), currency: draft.currency },
    account: draft.account.trim(),
  };
}

/** The fields still empty (the server would refuse them anyway; said before asking). */
export function emptyKeys(draft: CheckDraft): Set<CheckKey> {
  const empty = new Set<CheckKey>();
  if (draft.by === 'receipt' && !draft.receiptNumber.trim()) empty.add('receiptNumber');
  if (draft.by === 'terminal' && !draft.terminalId.trim()) empty.add('terminalId');
  if (!draft.date) empty.add('paidAt');
  if (!draft.amount.trim()) empty.add('amount');
  if (!draft.account.trim()) empty.add('account');
  return empty;
}
