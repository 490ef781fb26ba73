import { useState } from 'react';
import { useT } from '../../../i18n/I18nProvider';
import { updateNode } from '../api';
import type { AdminLeafRouting as LeafRouting, UpdateNodeInput } from '../api';
import { SaveStatus } from '../shared/SaveStatus';
import { useSave } from '../shared/useSave';
import type { Reference } from '../shared/useReference';
import { parseSlugs, RoutingFields } from './RoutingFields';
import type { RoutingDraft } from './RoutingFields';

type Props = {
  leafId: string;
  /** The leaf's routing as the admin tree returns it. */
  known: LeafRouting;
  reference: Reference;
  canEdit: boolean;
  onSaved: () => void;
};

/** The routing of an existing leaf: only what the admin changes is sent. */
export function RoutingEditor({ leafId, known, reference, canEdit, onSaved }: Props) {
  const t = useT();
  const initial: RoutingDraft = {
    departmentCode: known.departmentCode ?? '',
    priority: known.priority,
    slaCode: known.slaCode ?? '',
    articles: known.articleSlugs.join('\n'),
  };
  const [draft, setDraft] = useState<RoutingDraft>(initial);
  const save = useSave();

  const changes = (): UpdateNodeInput => {
    const out: UpdateNodeInput = {};
    if (draft.departmentCode && draft.departmentCode !== initial.departmentCode) out.departmentCode = draft.departmentCode;
    if (draft.priority && draft.priority !== initial.priority) out.priority = draft.priority;
    if (draft.slaCode && draft.slaCode !== initial.slaCode) out.slaCode = draft.slaCode;
    if (draft.articles !== initial.articles) out.articleSlugs = parseSlugs(draft.articles);
    return out;
  };
  const pending = Object.keys(changes()).length > 0;

  return (
    <section className="admin-panel">
      <RoutingFields
        value={draft}
        onChange={(next) => {
          setDraft(next);
          save.clear();
        }}
        reference={reference}
        emptyLabel={t('admin.routing.choose')}
        disabled={!canEdit}
      />
      {canEdit && (
        <div className="admin-actions">
          <button
            type="button"
            className="button button--primary button--small"
            disabled={save.saving || !pending}
            onClick={() =>
              void save.run(async () => {
                await updateNode(leafId, changes());
                onSaved();
                return t('admin.savedNow');
              })
            }
          >
            {t('admin.routing.save')}
          </button>
          <SaveStatus result={save.result} />
        </div>
      )}
    </section>
  );
}
