import { Fragment, useState } from 'react';
import { LoadFailure } from '../shared/LoadFailure';
import { useT } from '../../../i18n/I18nProvider';
import { useLocalize } from '../../../i18n/useLocalize';
import { PageLoading } from '../../../ui/PageLoading';
import { useApiQuery } from '../../../api/query';
import { fetchAdminTree, fetchCanned, fetchDepartments, updateCanned } from '../api';
import type { AdminNode, Canned } from '../api';
import { flatten } from '../catalog/treeUtils';
import { SaveStatus } from '../shared/SaveStatus';
import { useSave } from '../shared/useSave';
import { CannedEditor } from './CannedEditor';

/** Both audiences' trees, inactive categories included (canned answers may still name them). */
async function loadCategories(signal: AbortSignal): Promise<AdminNode[]> {
  const [customer, agent] = await Promise.all([fetchAdminTree('customer', signal), fetchAdminTree('agent', signal)]);
  return [...customer, ...agent];
}

async function loadCanned(signal: AbortSignal) {
  const [items, departments, categories] = await Promise.all([
    fetchCanned(signal),
    fetchDepartments(signal),
    loadCategories(signal),
  ]);
  return { items, departments, categories };
}

/** "Шаблоны ответов": the canned answers operators insert, with add, edit and deactivate. */
export function CannedTab({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const l = useLocalize();
  const { loaded, reload } = useApiQuery('console.admin.canned.CannedTab', 'canned', loadCanned);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const toggle = useSave();

  if (loaded.status === 'loading') return <PageLoading />;
  if (loaded.status === 'error') {
    return <LoadFailure error={loaded.error} onRetry={reload} />;
  }
  const { items, departments, categories } = loaded.data;
  const names = new Map(flatten(categories).map(({ node }) => [node.id, l(node.name)]));
  const depNames = new Map(departments.map((d) => [d.code, l(d.name)]));
  const scope = (c: Canned) =>
    [
      c.categoryId ? (names.get(c.categoryId) ?? c.categoryId) : null,
      c.departmentCode ? (depNames.get(c.departmentCode) ?? c.departmentCode) : null,
    ]
      .filter(Boolean)
      .join(' · ') || t('admin.canned.everywhere');
  const editor = (canned: Canned | null) => (
    <CannedEditor
      key={canned?.id ?? 'new'}
      canned={canned}
      categories={categories}
      departments={departments}
      onSaved={reload}
      onClose={() => setEditing(null)}
    />
  );

  return (
    <div className="admin-stack">
      <div className="admin-toolbar">
        <p className="admin-note">{canEdit ? t('admin.canned.lead') : t('admin.readOnly')}</p>
        {canEdit && (
          <button type="button" className="button button--primary button--small" onClick={() => setEditing('new')}>
            {t('admin.canned.add')}
          </button>
        )}
        <SaveStatus result={toggle.result} />
      </div>
      {editing === 'new' && editor(null)}
      <div className="admin-table-wrap">
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.canned.titleLabel')}</th>
              <th scope="col">{t('admin.canned.locale')}</th>
              <th scope="col">{t('admin.canned.scope')}</th>
              <th scope="col">{t('admin.canned.state')}</th>
              {canEdit && <th scope="col" className="admin-table__tools" aria-label={t('admin.members.actions')} />}
            </tr>
          </thead>
          <tbody>
            {items.length === 0 && (
              <tr>
                <td colSpan={5} className="form-note">
                  {t('admin.canned.empty')}
                </td>
              </tr>
            )}
            {items.map((c) => (
              <Fragment key={c.id}>
                <tr className={c.active ? undefined : 'admin-table__row--inactive'}>
                  <td>
                    <span className="admin-table__strong">{c.title}</span>
                    <span className="admin-table__sub admin-table__clip">{c.body}</span>
                  </td>
                  <td>{c.locale.toUpperCase()}</td>
                  <td>{scope(c)}</td>
                  <td>
                    <span className={`badge ${c.active ? 'admin-badge--ok' : 'admin-badge--muted'}`}>
                      {c.active ? t('admin.active') : t('admin.inactive')}
                    </span>
                  </td>
                  {canEdit && (
                    <td className="admin-table__tools">
                      <button
                        type="button"
                        className="button button--ghost button--small"
                        aria-label={t('admin.canned.editOf', { title: c.title })}
                        onClick={() => setEditing(editing === c.id ? null : c.id)}
                      >
                        {t('admin.edit')}
                      </button>
                      <button
                        type="button"
                        className={`button button--small button--ghost${c.active ? ' admin-button--danger' : ''}`}
                        disabled={toggle.saving}
                        onClick={() =>
                          void toggle.run(async () => {
                            await updateCanned(c.id, { active: !c.active });
                            reload();
                            return c.active
                              ? t('admin.canned.deactivated', { title: c.title })
                              : t('admin.canned.activated', { title: c.title });
                          })
                        }
                      >
                        {c.active ? t('admin.deactivate') : t('admin.activate')}
                      </button>
                    </td>
                  )}
                </tr>
                {editing === c.id && (
                  <tr className="admin-table__editor">
                    <td colSpan={5}>{editor(c)}</td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
