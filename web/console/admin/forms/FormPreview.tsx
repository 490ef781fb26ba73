import { useState } from 'react';
import { isFieldVisible, validateFormValues } from '../../../../common/forms/validate';
import type { FieldDef, FormDef } from '../../../../common/forms/types';
import { useI18n } from '../../../i18n/I18nProvider';
import { FieldInput } from '../../../portal/contact/FieldInput';
import { toValidatorValues } from '../../../portal/contact/formDraft';
import type { DraftValue, DraftValues } from '../../../portal/contact/formDraft';
import { fieldErrorText } from '../../../ui/fieldError';

/** The value if it suits the field's input (a type change leaves the old value behind). */
function suited(field: FieldDef, value: DraftValue | undefined): DraftValue | undefined {
  if (value === undefined) return undefined;
  switch (field.type) {
    case 'checkbox':
      return typeof value === 'boolean' ? value : undefined;
    case 'money':
      return typeof value === 'object' && !Array.isArray(value) && field.currencies.includes(value.currency) ? value : undefined;
    case 'files':
      return Array.isArray(value) ? value : undefined;
    case 'select':
      return typeof value === 'string' && field.options.some((o) => o.value === value) ? value : undefined;
    default:
      return typeof value === 'string' ? value : undefined;
  }
}

type Props = { form: FormDef; dropped: number };

/**
 * The form as the customer sees it, drawn by the portal's own field components: conditions show and
 * hide fields as values change, and "Check" runs the same validation as the portal.
 */
export function FormPreview({ form, dropped }: Props) {
  const { t, locale } = useI18n();
  const [values, setValues] = useState<DraftValues>({});
  const [touched, setTouched] = useState<Set<string>>(new Set());

  const current: DraftValues = {};
  for (const field of form.fields) {
    const value = suited(field, values[field.key]);
    if (value !== undefined) current[field.key] = value;
  }
  const raw = toValidatorValues(current);
  const visible = form.fields.filter((f) => isFieldVisible(form, f, raw));
  const checked = validateFormValues(form, raw);
  const errorFor = (key: string): string | null => {
    if (checked.ok || !touched.has(key)) return null;
    const error = checked.errors[key];
    return error ? fieldErrorText(error, locale, t('form.invalid')) : null;
  };

  return (
    <section className="admin-preview" aria-labelledby="admin-preview-title" data-testid="form-preview">
      <div className="admin-preview__head">
        <h3 id="admin-preview-title" className="admin-preview__title">
          {t('admin.preview.title')}
        </h3>
        <p className="form-note">{t('admin.preview.lead')}</p>
      </div>
      {dropped > 0 && <p className="admin-preview__note">{t('admin.preview.dropped', { count: dropped })}</p>}
      <div className="admin-preview__body request-form">
        {visible.length === 0 ? (
          <p className="form-note">{t('admin.preview.empty')}</p>
        ) : (
          visible.map((field) => (
            <FieldInput
              key={`${field.key}:${field.type}`}
              field={field}
              value={current[field.key]}
              error={errorFor(field.key)}
              onChange={(value) => setValues((prev) => ({ ...prev, [field.key]: value }))}
              onBlur={() => setTouched((prev) => new Set(prev).add(field.key))}
            />
          ))
        )}
      </div>
      <div className="admin-actions">
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => setTouched(new Set(form.fields.map((f) => f.key)))}
        >
          {t('admin.preview.check')}
        </button>
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => {
            setValues({});
            setTouched(new Set());
          }}
        >
          {t('admin.preview.reset')}
        </button>
      </div>
    </section>
  );
}
