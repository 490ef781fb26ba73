import { useState } from 'react';
import type { FormDef } from '../../../../common/forms/types';
import { useT } from '../../../i18n/I18nProvider';
import { publishForm } from '../api';
import { SaveStatus } from '../shared/SaveStatus';
import { useSave } from '../shared/useSave';
import { fromFormDef } from './builderState';
import type { FieldDraft } from './builderState';
import { FormBuilder } from './FormBuilder';
import { useFormCheck } from './useFormCheck';

type Props = {
  leafId: string;
  /** The published form and its version; null when none could be read (a new or inactive leaf). */
  current: { form: FormDef; version: number } | null;
  canEdit: boolean;
  onPublished: (version: number) => void;
};

/** A leaf's form: the builder over the current version, and "Publish a new version". */
export function LeafFormPanel({ leafId, current, canEdit, onPublished }: Props) {
  const t = useT();
  const [fields, setFields] = useState<FieldDraft[]>(() => (current ? fromFormDef(current.form) : []));
  const [touched, setTouched] = useState(false);
  const check = useFormCheck(fields);
  const save = useSave();

  const publish = () =>
    void save.run(async () => {
      if (!check.form) throw new Error('invalid form');
      const version = await publishForm(leafId, check.form);
      setTouched(false);
      onPublished(version);
      return t('admin.form.published', { version });
    });

  return (
    <section className="admin-panel" aria-labelledby={`form-${leafId}`}>
      <div className="admin-panel__head">
        <h3 id={`form-${leafId}`} className="admin-panel__title">
          {t('admin.form.title')}
        </h3>
        {current && (
          <span className="badge admin-badge--info" data-testid="form-version">
            {t('admin.form.version', { version: current.version })}
          </span>
        )}
      </div>
      <p className="form-note">{t('admin.form.versionsNote')}</p>
      {!current && <p className="admin-note">{t('admin.form.noCurrent')}</p>}
      <FormBuilder
        fields={fields}
        check={check}
        readOnly={!canEdit}
        onChange={(next) => {
          setFields(next);
          setTouched(true);
          save.clear();
        }}
      />
      {canEdit && (
        <div className="admin-actions admin-actions--sticky">
          <button
            type="button"
            className="button button--primary"
            disabled={save.saving || !check.form || !touched}
            onClick={publish}
          >
            {save.saving ? t('admin.form.publishing') : t('admin.form.publish')}
          </button>
          {!check.form && <span className="form-note">{t('admin.form.fixFirst')}</span>}
          {check.form && !touched && !save.result && <span className="form-note">{t('admin.form.noChanges')}</span>}
          <SaveStatus result={save.result} />
        </div>
      )}
    </section>
  );
}
