import { useT } from '../../../i18n/I18nProvider';
import { useLocalize } from '../../../i18n/useLocalize';
import type { AdminNode } from '../api';

type Props = {
  nodes: AdminNode[];
  selectedId: string | null;
  canEdit: boolean;
  busy: boolean;
  onSelect: (id: string) => void;
  onMove: (node: AdminNode, siblings: AdminNode[], delta: -1 | 1) => void;
};

/** The category tree: inactive nodes greyed, each with "up" / "down" among its siblings. */
export function CatalogTree(props: Props) {
  const t = useT();
  return (
    <nav className="admin-tree" aria-label={t('admin.catalog.treeLabel')}>
      <Level {...props} level={props.nodes} />
    </nav>
  );
}

function Level({ level, selectedId, canEdit, busy, onSelect, onMove, ...rest }: Props & { level: AdminNode[] }) {
  const t = useT();
  const l = useLocalize();
  return (
    <ul className="admin-tree__level">
      {level.map((node, i) => {
        const active = node.active ?? true;
        const name = l(node.name);
        return (
          <li key={node.id} className="admin-tree__item">
            <div
              className={`admin-tree__row${active ? '' : ' admin-tree__row--inactive'}${node.id === selectedId ? ' admin-tree__row--selected' : ''}`}
            >
              <button
                type="button"
                className="admin-tree__name"
                aria-current={node.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(node.id)}
              >
                <span className={`admin-tree__kind admin-tree__kind--${node.isLeaf ? 'leaf' : 'branch'}`} aria-hidden="true" />
                <span className="admin-tree__text">{name}</span>
                {!active && <span className="admin-tree__off">{t('admin.inactive')}</span>}
              </button>
              {canEdit && (
                <span className="admin-tree__tools">
                  <button
                    type="button"
                    className="admin-icon-button"
                    disabled={busy || i === 0}
                    aria-label={t('admin.catalog.up', { name })}
                    onClick={() => onMove(node, level, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="admin-icon-button"
                    disabled={busy || i === level.length - 1}
                    aria-label={t('admin.catalog.down', { name })}
                    onClick={() => onMove(node, level, 1)}
                  >
                    ↓
                  </button>
                </span>
              )}
            </div>
            {node.children.length > 0 && (
              <Level
                {...rest}
                level={node.children}
                nodes={rest.nodes}
                selectedId={selectedId}
                canEdit={canEdit}
                busy={busy}
                onSelect={onSelect}
                onMove={onMove}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
