import { useCallback, useState } from 'react';
import { LoadFailure } from '../shared/LoadFailure';
import { useT } from '../../../i18n/I18nProvider';
import { PageLoading } from '../../../ui/PageLoading';
import { useApiQuery } from '../../../api/query';
import { fetchAdminTree, reorderNodes } from '../api';
import type { AdminNode, Audience } from '../api';
import { SaveStatus } from '../shared/SaveStatus';
import { useReference } from '../shared/useReference';
import { useSave } from '../shared/useSave';
import { CatalogTree } from './CatalogTree';
import { NodeCreate } from './NodeCreate';
import { NodeDetails } from './NodeDetails';
import { locate, reorderedSiblings } from './treeUtils';

/** "Каталог обращений": the tree of one audience and the editor of the chosen category. */
export function CatalogTab({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const [audience, setAudience] = useState<Audience>('customer');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  // Supervisors read the same tree (inactive nodes and routing included); only admins change it.
  const load = useCallback((signal: AbortSignal) => fetchAdminTree(audience, signal), [audience]);
  const tree = useApiQuery<AdminNode[]>('console.admin.catalog.tree', `${audience}:${canEdit}`, load);
  const reference = useReference();
  const order = useSave();

  if (reference.loaded.status === 'loading') return <PageLoading />;
  if (reference.loaded.status === 'error') return <LoadFailure error={reference.loaded.error} onRetry={reference.reload} />;
  const nodes = tree.loaded.status === 'ready' ? tree.loaded.data : [];
  const selected = selectedId ? locate(nodes, selectedId) : null;

  const onMove = (node: AdminNode, siblings: AdminNode[], delta: -1 | 1) => {
    const ids = reorderedSiblings(siblings, node.id, delta);
    if (!ids) return;
    const parentId = locate(nodes, node.id)?.parentId ?? null;
    void order.run(async () => {
      await reorderNodes(parentId, ids);
      tree.reload();
      return t('admin.catalog.reordered');
    });
  };

  return (
    <div className="admin-catalog">
      <div className="admin-toolbar">
        <div className="admin-segmented" role="group" aria-label={t('admin.node.audience')}>
          {(['customer', 'agent'] as const).map((a) => (
            <button
              key={a}
              type="button"
              className="admin-segmented__button"
              aria-pressed={audience === a}
              onClick={() => {
                setAudience(a);
                setSelectedId(null);
              }}
            >
              {t(`admin.audience.${a}`)}
            </button>
          ))}
        </div>
        {canEdit && (
          <button type="button" className="button button--primary button--small" onClick={() => setCreating(true)}>
            {t('admin.catalog.add')}
          </button>
        )}
        <SaveStatus result={order.result} />
      </div>
      {!canEdit && <p className="admin-note">{t('admin.catalog.readOnly')}</p>}
      <div className="admin-split">
        <div className="admin-split__side">
          {tree.loaded.status === 'loading' && <PageLoading />}
          {tree.loaded.status === 'error' && <LoadFailure error={tree.loaded.error} onRetry={tree.reload} />}
          <CatalogTree
            nodes={nodes}
            selectedId={creating ? null : selectedId}
            canEdit={canEdit}
            busy={order.saving}
            onSelect={(id) => {
              setSelectedId(id);
              setCreating(false);
            }}
            onMove={onMove}
          />
        </div>
        {creating ? (
          <NodeCreate
            audience={audience}
            tree={nodes}
            defaultParentId={selected && !selected.node.isLeaf ? selected.node.id : (selected?.parentId ?? null)}
            reference={reference.loaded.data}
            onAudienceChange={setAudience}
            onCreated={(id) => {
              tree.reload();
              setSelectedId(id);
              setCreating(false);
            }}
            onCancel={() => setCreating(false)}
          />
        ) : selected ? (
          <NodeDetails
            key={selected.node.id}
            node={selected.node}
            tree={nodes}
            reference={reference.loaded.data}
            canEdit={canEdit}
            onChanged={tree.reload}
          />
        ) : (
          <div className="admin-split__main admin-empty">
            <p className="admin-empty__title">{t('admin.catalog.pickTitle')}</p>
            <p className="form-note">{t('admin.catalog.pickText')}</p>
          </div>
        )}
      </div>
    </div>
  );
}
