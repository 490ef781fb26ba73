import { useT } from '../../../i18n/I18nProvider';
import { updateNode } from '../api';
import type { AdminNode } from '../api';
import { SaveStatus } from '../shared/SaveStatus';
import { useSave } from '../shared/useSave';

/** Deactivate (hide from the wizard, keep the history) or activate again. */
export function ActiveToggle({ node, onSaved }: { node: AdminNode; onSaved: () => void }) {
  const t = useT();
  const save = useSave();
  const active = node.active ?? true;
  return (
    <div className="admin-panel admin-panel--row">
      <p className="form-note">{active ? t('admin.node.deactivateNote') : t('admin.node.activateNote')}</p>
      <div className="admin-actions">
        <button
          type="button"
          className={`button button--small ${active ? 'button--ghost admin-button--danger' : 'button--primary'}`}
          disabled={save.saving}
          onClick={() =>
            void save.run(async () => {
              await updateNode(node.id, { active: !active });
              onSaved();
              return active ? t('admin.node.deactivated') : t('admin.node.activated');
            })
          }
        >
          {active ? t('admin.node.deactivate') : t('admin.node.activate')}
        </button>
        <SaveStatus result={save.result} />
      </div>
    </div>
  );
}
