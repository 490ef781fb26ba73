import { useState } from 'react';
import type { L10n } from '../../../../common/forms/types';
import { useT } from '../../../i18n/I18nProvider';
import { createDepartment } from '../api';
import { isComplete, l10nErrors } from '../catalog/nodeChecks';
import { EMPTY_L10N } from '../forms/builderState';
import { SmallField } from '../forms/inputs';
import { L10nInputs } from '../shared/L10nInputs';
import { SaveStatus } from '../shared/SaveStatus';
import { useSave } from '../shared/useSave';

/** Department codes, as the server checks them. */
const CODE = /^[a-z][a-z0-9_]{1,39}$/;

/** "Add a department": a code (for routing) and its name in three languages. */
export function DepartmentCreate({ onCreated }: { onCreated: () => void }) {
  const t = useT();
  const [code, setCode] = useState('');
  const [name, setName] = useState<L10n>({ ...EMPTY_L10N });
  const [tried, setTried] = useState(false);
  const save = useSave();
  const codeErrors = code === '' ? [t('admin.required')] : CODE.test(code) ? [] : [t('admin.departments.codeInvalid')];

  return (
    <form
      className="admin-card admin-card--new"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (codeErrors.length || !isComplete(name)) return;
        void save.run(async () => {
          await createDepartment(code, name);
          setCode('');
          setName({ ...EMPTY_L10N });
          setTried(false);
          onCreated();
          return t('admin.departments.created');
        });
      }}
    >
      <h3 className="admin-card__title">{t('admin.departments.add')}</h3>
      <SmallField
        label={t('admin.departments.code')}
        hint={t('admin.departments.codeHint')}
        value={code}
        mono
        errors={tried ? codeErrors : []}
        onChange={(v) => setCode(v.trim())}
      />
      <L10nInputs
        legend={t('admin.departments.name')}
        required
        maxLength={120}
        value={name}
        errors={tried ? l10nErrors(name, t('admin.required')) : {}}
        onChange={setName}
      />
      <div className="admin-actions">
        <button type="submit" className="button button--primary button--small" disabled={save.saving}>
          {t('admin.departments.create')}
        </button>
        <SaveStatus result={save.result} />
      </div>
    </form>
  );
}
