import type { FieldDef, MoneyValue } from '../../../common/forms/types';
import { useT } from '../../i18n/I18nProvider';
import { useLocalize } from '../../i18n/useLocalize';
import { Field } from '../../ui/fields';
import type { FieldIds } from '../../ui/fields';
import { FilePicker } from '../../ui/fields/FilePicker';
import { emptyValue } from './formDraft';
import type { DraftValue } from './formDraft';

/** One of the signed-in customer's wallets, as offered under a wallet field. */
export type WalletChoice = { value: string; blocked: boolean };

type Props = {
  field: FieldDef;
  /** The customer's wallets: with more than one, a wallet field offers them to pick. */
  wallets?: WalletChoice[] | undefined;
  value: DraftValue | undefined;
  error: string | null;
  onChange: (value: DraftValue) => void;
  onBlur: () => void;
};

/** Today as YYYY-MM-DD (local), the `max` of a not-in-the-future date input. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

type TextLike = Extract<
  FieldDef['type'],
  'text' | 'email' | 'phone' | 'wallet' | 'terminal_id' | 'receipt_number' | 'date' | 'datetime'
>;

const INPUTS: Record<TextLike, { type: string; inputMode?: 'email' | 'tel' | 'numeric' | 'text'; autoComplete?: string }> = {
  text: { type: 'text' },
  email: { type: 'email', inputMode: 'email', autoComplete: 'email' },
  phone: { type: 'tel', inputMode: 'tel', autoComplete: 'tel' },
  wallet: { type: 'tel', inputMode: 'tel', autoComplete: 'off' },
  terminal_id: { type: 'text', inputMode: 'numeric', autoComplete: 'off' },
  receipt_number: { type: 'text', autoComplete: 'off' },
  date: { type: 'date' },
  datetime: { type: 'datetime-local' },
};

/** One field of a category form, by its type. */
export function FieldInput({ field, wallets = [], value, error, onChange, onBlur }: Props) {
  const t = useT();
  const l = useLocalize();
  const current = value ?? emptyValue(field);
  const common = (ids: FieldIds) => ({
    id: ids.input,
    name: field.key,
    'aria-describedby': ids.describedBy,
    'aria-invalid': ids.invalid,
    required: field.required,
    onBlur,
  });
  const text = typeof current === 'string' ? current : '';

  const control = (ids: FieldIds) => {
    switch (field.type) {
      case 'textarea':
        return (
          <textarea
            {...common(ids)}
            className="field__input field__textarea"
            rows={5}
            value={text}
            maxLength={field.maxLength}
            onChange={(e) => onChange(e.target.value)}
          />
        );
      case 'select':
        return (
          <select {...common(ids)} className="field__input field__select" value={text} onChange={(e) => onChange(e.target.value)}>
            <option value="">{t('portal.form.choose')}</option>
            {field.options.map((o) => (
              <option key={o.value} value={o.value}>
                {l(o.label)}
              </option>
            ))}
          </select>
        );
      case 'checkbox':
        return (
          <input
            {...common(ids)}
            type="checkbox"
            className="field__checkbox"
            checked={current === true}
            onChange={(e) => onChange(e.target.checked)}
          />
        );
      case 'money': {
        const money = current as MoneyValue;
        return (
          <div className="money">
            <input
              {...common(ids)}
              className="field__input money__amount"
              type="text"
              inputMode="decimal"
              autoComplete="off"
              placeholder="0,00"
              value={money.amount}
              onChange={(e) => onChange({ ...money, amount: e.target.value })}
            />
            {field.currencies.length === 1 ? (
              <span className="money__currency money__currency--fixed">{money.currency}</span>
            ) : (
              <select
                className="field__input money__currency"
                name={`${field.key}.currency`}
                aria-label={t('portal.form.currency')}
                value={money.currency}
                onBlur={onBlur}
                onChange={(e) => onChange({ ...money, currency: e.target.value as MoneyValue['currency'] })}
              >
                {field.currencies.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            )}
          </div>
        );
      }
      case 'files':
        return (
          <FilePicker
            id={ids.input}
            field={field}
            files={Array.isArray(current) ? current : []}
            describedBy={ids.describedBy}
            invalid={ids.invalid}
            onChange={(files) => {
              onChange(files);
              onBlur();
            }}
          />
        );
      default: {
        const spec = INPUTS[field.type];
        const max = 'notFuture' in field && field.notFuture ? (field.type === 'date' ? today() : `${today()}T23:59`) : undefined;
        const input = (
          <input
            {...common(ids)}
            className="field__input"
            type={spec.type}
            inputMode={spec.inputMode}
            autoComplete={spec.autoComplete}
            max={max}
            maxLength={field.type === 'text' ? field.maxLength : undefined}
            value={text}
            onChange={(e) => onChange(e.target.value)}
          />
        );
        if (field.type !== 'wallet' || wallets.length < 2) return input;
        return (
          <>
            {input}
            <div className="wallet-choices" role="group" aria-labelledby={`${ids.input}-wallets`}>
              <span id={`${ids.input}-wallets`} className="wallet-choices__label">
                {t('portal.form.myWallets')}
              </span>
              {wallets.map((w) => (
                <button
                  key={w.value}
                  type="button"
                  className="wallet-choices__item"
                  aria-pressed={text === w.value}
                  onClick={() => {
                    onChange(w.value);
                    onBlur();
                  }}
                >
                  {w.blocked ? t('portal.form.walletBlocked', { wallet: w.value }) : w.value}
                </button>
              ))}
            </div>
          </>
        );
      }
    }
  };

  return (
    <Field
      id={`f-${field.key}`}
      label={l(field.label)}
      hint={field.help ? l(field.help) : undefined}
      required={field.required}
      error={error}
      inline={field.type === 'checkbox'}
    >
      {control}
    </Field>
  );
}
