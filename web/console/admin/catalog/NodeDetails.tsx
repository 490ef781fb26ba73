import { useCallback, useState } from 'react';
import { LoadFailure } from '../shared/LoadFailure';
import { useT } from '../../../i18n/I18nProvider';
import { useLocalize } from '../../../i18n/useLocalize';
import { PageLoading } from '../../../ui/PageLoading';
import { useApiQuery } from '../../../api/query';
import { fetchAdminLeafForm, type AdminNode } from '../api';
import { LeafFormPanel } from '../forms/LeafFormPanel';
import type { Reference } from '../shared/useReference';
import { ActiveToggle } from './ActiveToggle';
import { NodeTextsEditor } from './NodeTextsEditor';
import { RoutingEditor } from './RoutingEditor';
import { pathTo, portalHref } from './treeUtils';

type Props = {
  node: AdminNode;
  tree: AdminNode[];
  reference: Reference;
  canEdit: boolean;
  onChanged: () => void;
};

/** One category: texts, state, and for a leaf its routing and form. */
export function NodeDetails({ node, tree, reference, canEdit, onChanged }: Props) {
  const t = useT();
  const l = useLocalize();
  const active = node.active ?? true;
  const crumbs = pathTo(tree, node.id);
  const load = useCallback(() => (node.isLeaf ? fetchAdminLeafForm(node.id) : Promise.resolve(null)), [node.id, node.isLeaf]);
  const leaf = useApiQuery('console.admin.catalog.NodeDetails', `leaf:${node.id}`, load);
  const [version, setVersion] = useState<number | null>(null);

  return (
    <>
      <div className="admin-split__main admin-details" data-testid="node-details">
        <header className="admin-details__head">
          <p className="admin-details__path">{crumbs.map((n) => l(n.name)).join(' › ')}</p>
          <h2 className="admin-details__title">{l(node.name)}</h2>
          <div className="admin-details__meta">
            <code>{node.slug}</code>
            <span className="badge admin-badge--info">{node.isLeaf ? t('admin.node.leaf') : t('admin.node.branch')}</span>
            {!active && <span className="badge admin-badge--muted">{t('admin.inactive')}</span>}
            {node.isLeaf && active && (
              <a className="admin-link" href={portalHref(tree, node.id)} target="_blank" rel="noreferrer">
                {t('admin.node.openPortal')}
              </a>
            )}
          </div>
        </header>

        <NodeTextsEditor node={node} canEdit={canEdit} onSaved={onChanged} />
        {canEdit && <ActiveToggle node={node} onSaved={onChanged} />}

        {node.isLeaf && leaf.loaded.status === 'loading' && <PageLoading />}
        {node.isLeaf && leaf.loaded.status === 'error' && <LoadFailure error={leaf.loaded.error} onRetry={leaf.reload} />}
        {node.isLeaf && node.routing && (
          <RoutingEditor
            key={`${node.id}:${JSON.stringify(node.routing)}`}
            leafId={node.id}
            reference={reference}
            canEdit={canEdit}
            known={node.routing}
            onSaved={onChanged}
          />
        )}
      </div>
      {node.isLeaf && leaf.loaded.status === 'ready' && (
        <div className="admin-split__wide">
          <LeafFormPanel
            leafId={node.id}
            canEdit={canEdit}
            current={leaf.loaded.data ? { form: leaf.loaded.data.form, version: version ?? leaf.loaded.data.version } : null}
            onPublished={setVersion}
          />
        </div>
      )}
    </>
  );
}
