import { useCallback } from 'react';
import { LoadFailure } from '../shared/LoadFailure';
import { useT } from '../../../i18n/I18nProvider';
import { PageLoading } from '../../../ui/PageLoading';
import { useApiQuery } from '../../../api/query';
import { fetchDepartments, fetchStaff } from '../api';
import { DepartmentCard } from './DepartmentCard';
import { DepartmentCreate } from './DepartmentCreate';

/** "Отделы": every department with its people and their tiers. */
export function DepartmentsTab({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const load = useCallback(async (signal: AbortSignal) => {
    const [departments, staff] = await Promise.all([fetchDepartments(signal), fetchStaff(signal)]);
    return { departments, staff };
  }, []);
  const { loaded, reload } = useApiQuery('console.admin.departments.DepartmentsTab', 'departments', load);

  if (loaded.status === 'loading') return <PageLoading />;
  if (loaded.status === 'error') {
    return <LoadFailure error={loaded.error} onRetry={reload} />;
  }
  const { departments, staff } = loaded.data;
  return (
    <div className="admin-stack">
      <p className="admin-note">{canEdit ? t('admin.departments.lead') : t('admin.readOnly')}</p>
      <div className="admin-cards">
        {departments.map((d) => (
          <DepartmentCard key={d.id} department={d} staff={staff} canEdit={canEdit} onSaved={reload} />
        ))}
      </div>
      {canEdit && <DepartmentCreate onCreated={reload} />}
    </div>
  );
}
