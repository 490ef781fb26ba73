import { useId, useState } from 'react';
import { MAX_FIELDS } from '../../../../common/forms/definition';
import { FIELD_TYPES } from '../../../../common/forms/types';
import type { FieldType } from '../../../../common/forms/types';
import { useT } from '../../../i18n/I18nProvider';
import { Select } from '../../../ui/fields';
import { conditionTargets, move, newField } from './builderState';
import type { FieldDraft } from './builderState';
import { FieldEditor } from './FieldEditor';
import { FormPreview } from './FormPreview';
import type { FormCheck } from './useFormCheck';
import { useProblemText } from './useFormCheck';

type Props = {
  fields: FieldDraft[];
  check: FormCheck;
  onChange: (fields: FieldDraft[]) => void;
  /** Read-only (supervisors): the inputs are shown but disabled. */
  readOnly?: boolean;
  /** Fields shown open at first (e.g. the first field of a new form). */
  initiallyOpen?: readonly string[];
};

/** The ordered field list with add / move / remove, the problems it has, and the live preview beside it. */
export function FormBuilder({ fields, check, onChange, readOnly, initiallyOpen = [] }: Props) {
  const t = useT();
  const text = useProblemText();
  const id = useId();
  const [addType, setAddType] = useState<FieldType>('text');
  const [open, setOpen] = useState<Set<string>>(() => new Set(initiallyOpen));
  const toggle = (uid: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(uid)) next.delete(uid);
      else next.add(uid);
      return next;
    });
  const set = (i: number, field: FieldDraft) => onChange(fields.map((f, j) => (j === i ? field : f)));

  return (
    <div className="admin-builder">
      <div className="admin-builder__grid">
        <div className="admin-builder__fields">
          <div
            className={`admin-builder__check${check.errorCount ? ' admin-builder__check--bad' : ''}`}
            role="status"
            data-testid="form-check"
          >
            {check.errorCount ? t('admin.builder.problems', { count: check.errorCount }) : t('admin.builder.valid')}
          </div>
          {check.errors.form.length > 0 && (
            <ul className="admin-field__problems">
              {check.errors.form.map((message, i) => (
                <li key={i}>{text(message)}</li>
              ))}
            </ul>
          )}
          <fieldset className="admin-builder__set">
            <legend className="visually-hidden">{t('admin.builder.fields')}</legend>
            <ol className="admin-builder__list">
              {fields.map((field, i) => (
                <FieldEditor
                  key={field.uid}
                  field={field}
                  index={i}
                  count={fields.length}
                  targets={conditionTargets(fields, i)}
                  problems={check.errors.fields.get(i)}
                  onChange={(next) => set(i, next)}
                  onMove={(delta) => onChange(move(fields, i, delta))}
                  onRemove={() => onChange(fields.filter((_, j) => j !== i))}
                  expanded={open.has(field.uid)}
                  readOnly={readOnly === true}
                  onToggle={() => toggle(field.uid)}
                />
              ))}
            </ol>
            {!readOnly && (
              <div className="admin-builder__add">
                <Select<FieldType>
                  className="admin-small"
                  id={`${id}-add`}
                  label={t('admin.builder.addType')}
                  value={addType}
                  onChange={setAddType}
                  options={FIELD_TYPES.map((type) => [type, t(`admin.type.${type}`)] as const)}
                />
                <button
                  type="button"
                  className="button button--ghost"
                  disabled={fields.length >= MAX_FIELDS}
                  onClick={() => {
                    const field = newField(
                      addType,
                      fields.map((f) => f.key),
                    );
                    setOpen((prev) => new Set(prev).add(field.uid));
                    onChange([...fields, field]);
                  }}
                >
                  {t('admin.builder.add')}
                </button>
              </div>
            )}
          </fieldset>
        </div>
        <aside className="admin-builder__preview">
          <FormPreview form={check.preview.form} dropped={check.preview.dropped} />
        </aside>
      </div>
    </div>
  );
}
