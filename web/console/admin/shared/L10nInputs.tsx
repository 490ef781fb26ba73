import { useId } from 'react';
import { LOCALES } from '../../../../common/errors';
import type { Locale } from '../../../../common/errors';
import type { L10n } from '../../../../common/forms/types';
import { useT } from '../../../i18n/I18nProvider';
import { Field } from '../../../ui/fields';

type Props = {
  legend: string;
  value: L10n;
  onChange: (value: L10n) => void;
  /** Errors per language (already translated). */
  errors?: Partial<Record<Locale, string[]>>;
  multiline?: boolean;
  disabled?: boolean;
  required?: boolean;
  maxLength?: number;
  hint?: string;
};

/** One text in Russian, Ukrainian and English, side by side. */
export function L10nInputs({ legend, value, onChange, errors, multiline, disabled, required, maxLength, hint }: Props) {
  const t = useT();
  const id = useId();
  return (
    <fieldset className="admin-l10n" disabled={disabled}>
      <legend className="field__label">
        {legend}
        {required && (
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </legend>
      {hint && <p className="field__hint">{hint}</p>}
      <div className="admin-l10n__row">
        {LOCALES.map((locale) => {
          const errs = errors?.[locale] ?? [];
          return (
            // The shown label is the language's short name; the input's own name says the whole.
            <Field
              key={locale}
              className="admin-l10n__cell"
              id={`${id}-${locale}`}
              label={t(`lang.short.${locale}`)}
              error={errs}
            >
              {(ids) => {
                const common = {
                  id: ids.input,
                  lang: locale,
                  className: `field__input${multiline ? ' field__textarea admin-l10n__textarea' : ''}`,
                  value: value[locale],
                  maxLength,
                  required,
                  'aria-invalid': ids.invalid,
                  'aria-describedby': ids.describedBy,
                  'aria-label': `${legend} (${t(`admin.lang.${locale}`)})`,
                } as const;
                return multiline ? (
                  <textarea {...common} rows={3} onChange={(e) => onChange({ ...value, [locale]: e.target.value })} />
                ) : (
                  <input {...common} type="text" onChange={(e) => onChange({ ...value, [locale]: e.target.value })} />
                );
              }}
            </Field>
          );
        })}
      </div>
    </fieldset>
  );
}
