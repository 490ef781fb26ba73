import { useState } from 'react';
import type { L10n } from '../../../../common/forms/types';
import { useT } from '../../../i18n/I18nProvider';
import { useLocalize } from '../../../i18n/useLocalize';
import { updateDepartment } from '../api';
import type { Department, StaffMember } from '../api';
import { isComplete, l10nErrors } from '../catalog/nodeChecks';
import { L10nInputs } from '../shared/L10nInputs';
import { SaveStatus } from '../shared/SaveStatus';
import { useSave } from '../shared/useSave';
import { MembersEditor } from './MembersEditor';

type Props = { department: Department; staff: StaffMember[]; canEdit: boolean; onSaved: () => void };

/** One department: its name, whether it takes requests, and its people. */
export function DepartmentCard({ department, staff, canEdit, onSaved }: Props) {
  const t = useT();
  const l = useLocalize();
  const [name, setName] = useState<L10n>(department.name);
  const rename = useSave();
  const toggle = useSave();
  const renamed = JSON.stringify(name) !== JSON.stringify(department.name);

  return (
    <article
      className={`admin-card${department.active ? '' : ' admin-card--inactive'}`}
      aria-labelledby={`dep-${department.id}`}
      data-testid={`department-${department.code}`}
    >
      <header className="admin-card__head">
        <h3 id={`dep-${department.id}`} className="admin-card__title">
          {l(department.name)}
        </h3>
        <code>{department.code}</code>
        <span className={`badge ${department.active ? 'admin-badge--ok' : 'admin-badge--muted'}`}>
          {department.active ? t('admin.active') : t('admin.inactive')}
        </span>
        <span className="admin-card__count">{t('admin.members.count', { count: department.members.length })}</span>
      </header>
      {canEdit && (
        <form
          className="admin-card__section"
          onSubmit={(e) => {
            e.preventDefault();
            if (!isComplete(name)) return;
            void rename.run(async () => {
              await updateDepartment(department.id, { name });
              onSaved();
              return t('admin.savedNow');
            });
          }}
        >
          <L10nInputs
            legend={t('admin.departments.name')}
            required
            maxLength={120}
            value={name}
            errors={l10nErrors(name, t('admin.required'))}
            onChange={setName}
          />
          <div className="admin-actions">
            <button
              type="submit"
              className="button button--ghost button--small"
              disabled={rename.saving || !renamed || !isComplete(name)}
            >
              {t('admin.departments.rename')}
            </button>
            <button
              type="button"
              className={`button button--small ${department.active ? 'button--ghost admin-button--danger' : 'button--primary'}`}
              disabled={toggle.saving}
              onClick={() =>
                void toggle.run(async () => {
                  await updateDepartment(department.id, { active: !department.active });
                  onSaved();
                  return department.active ? t('admin.departments.deactivated') : t('admin.departments.activated');
                })
              }
            >
              {department.active ? t('admin.departments.deactivate') : t('admin.departments.activate')}
            </button>
            <SaveStatus result={rename.result ?? toggle.result} />
          </div>
        </form>
      )}
      <div className="admin-card__section">
        <h4 className="admin-card__subtitle">{t('admin.members.title')}</h4>
        <MembersEditor department={department} staff={staff} canEdit={canEdit} onSaved={onSaved} />
      </div>
    </article>
  );
}
