import { useCallback, useState } from 'react';
import { useApiQuery } from '../../../api/query';
import { useT } from '../../../i18n/I18nProvider';
import { PageLoading } from '../../../ui/PageLoading';
import { Select, TextField } from '../../../ui/fields';
import { fetchDepartments, fetchStaff } from '../api';
import type { StaffMember, StaffRole } from '../api';
import { LoadFailure } from '../shared/LoadFailure';
import { AccessDialog } from './AccessDialog';
import { RolesDialog } from './RolesDialog';
import { StaffTable } from './StaffTable';
import { NO_FILTER, ROLES, departmentsByPerson, filterStaff } from './staffState';
import type { StaffFilter, StatusFilter } from './staffState';

const STATUSES: readonly StatusFilter[] = ['all', 'active', 'inactive'];

/**
 * "Сотрудники": everyone who works in the console, their roles, departments and access. Admins
 * change a person's roles and deactivate or reactivate them (PATCH /console/admin/staff/:id);
 * supervisors read the list. The list comes whole (GET /console/admin/staff has no pages: a
 * support team's staff is hundreds at most), so the search and filters run here.
 */
export function StaffTab({ canEdit, meId }: { canEdit: boolean; meId: string }) {
  const t = useT();
  const [filter, setFilter] = useState<StaffFilter>(NO_FILTER);
  const [editing, setEditing] = useState<{ kind: 'roles' | 'access'; person: StaffMember } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const load = useCallback(async (signal: AbortSignal) => {
    const [staff, departments] = await Promise.all([fetchStaff(signal), fetchDepartments(signal)]);
    return { staff, memberships: departmentsByPerson(departments) };
  }, []);
  const { loaded, reload } = useApiQuery('console.admin.staff.StaffTab', 'staff', load);

  if (loaded.status === 'loading') return <PageLoading />;
  if (loaded.status === 'error') return <LoadFailure error={loaded.error} onRetry={reload} />;
  const { staff, memberships } = loaded.data;
  const shown = filterStaff(staff, filter);
  const close = () => setEditing(null);
  const saved = (message: string) => {
    setEditing(null);
    setDone(message);
    reload();
  };
  const open = (kind: 'roles' | 'access') => (person: StaffMember) => {
    setDone(null);
    setEditing({ kind, person });
  };

  return (
    <div className="admin-stack">
      <p className="admin-note">{t('staffAdmin.lead')}</p>
      {!canEdit && <p className="admin-note">{t('staffAdmin.readOnly')}</p>}
      <div className="admin-toolbar staff-filters" role="search" aria-label={t('staffAdmin.filtersLabel')}>
        <TextField
          look="filter"
          className="staff-filters__search"
          type="search"
          label={t('staffAdmin.search')}
          placeholder={t('staffAdmin.searchPlaceholder')}
          value={filter.query}
          onChange={(e) => setFilter({ ...filter, query: e.target.value })}
        />
        <Select<StaffRole | ''>
          look="filter"
          label={t('staffAdmin.role')}
          value={filter.role}
          onChange={(role) => setFilter({ ...filter, role })}
          options={[['', t('staffAdmin.anyRole')], ...ROLES.map((role) => [role, t(`roles.${role}`)] as const)]}
        />
        <Select<StatusFilter>
          look="filter"
          label={t('staffAdmin.status')}
          value={filter.status}
          onChange={(status) => setFilter({ ...filter, status })}
          options={STATUSES.map((status) => [status, t(`staffAdmin.status.${status}`)] as const)}
        />
        <span className="staff-filters__count" aria-live="polite">
          {t('staffAdmin.shown', { shown: shown.length, total: staff.length })}
        </span>
        {(filter.query || filter.role || filter.status !== 'all') && (
          <button type="button" className="button button--ghost button--small" onClick={() => setFilter(NO_FILTER)}>
            {t('staffAdmin.reset')}
          </button>
        )}
      </div>
      {done && (
        <p className="admin-status admin-status--ok" role="status">
          {done}
        </p>
      )}
      {staff.length === 0 ? (
        <div className="admin-empty" role="status">
          <p className="admin-empty__title">{t('staffAdmin.empty')}</p>
        </div>
      ) : shown.length === 0 ? (
        <div className="admin-empty" role="status">
          <p className="admin-empty__title">{t('staffAdmin.noMatch')}</p>
        </div>
      ) : (
        <StaffTable
          people={shown}
          memberships={memberships}
          meId={meId}
          canEdit={canEdit}
          onRoles={open('roles')}
          onAccess={open('access')}
        />
      )}
      {canEdit && (
        <>
          <RolesDialog person={editing?.kind === 'roles' ? editing.person : null} meId={meId} onClose={close} onSaved={saved} />
          <AccessDialog person={editing?.kind === 'access' ? editing.person : null} onClose={close} onSaved={saved} />
        </>
      )}
    </div>
  );
}
