import { useState } from 'react';
import type { L10n } from '../../../../common/forms/types';
import { useT } from '../../../i18n/I18nProvider';
import { updateNode } from '../api';
import type { AdminNode } from '../api';
import { L10nInputs } from '../shared/L10nInputs';
import { SaveStatus } from '../shared/SaveStatus';
import { useSave } from '../shared/useSave';
import { l10nErrors } from './nodeChecks';

type Props = { node: AdminNode; canEdit: boolean; onSaved: () => void };

/** The name and hint of a category in three languages. */
export function NodeTextsEditor({ node, canEdit, onSaved }: Props) {
  const t = useT();
  const [name, setName] = useState<L10n>(node.name);
  const [hint, setHint] = useState<L10n>(node.hint);
  const [tried, setTried] = useState(false);
  const save = useSave();
  const nameErrors = l10nErrors(name, t('admin.required'));
  const hintErrors = l10nErrors(hint, t('admin.required'));
  const valid = Object.keys(nameErrors).length === 0 && Object.keys(hintErrors).length === 0;
  const changed = JSON.stringify([name, hint]) !== JSON.stringify([node.name, node.hint]);

  return (
    <form
      className="admin-panel"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (!valid) return;
        void save.run(async () => {
          await updateNode(node.id, { name, hint });
          onSaved();
          return t('admin.savedNow');
        });
      }}
    >
      <fieldset className="admin-stack" disabled={!canEdit}>
        <legend className="visually-hidden">{t('admin.node.texts')}</legend>
        <L10nInputs
          legend={t('admin.node.name')}
          required
          maxLength={300}
          value={name}
          errors={tried ? nameErrors : {}}
          onChange={setName}
        />
        <L10nInputs
          legend={t('admin.node.hint')}
          required
          multiline
          maxLength={300}
          value={hint}
          errors={tried ? hintErrors : {}}
          onChange={setHint}
        />
      </fieldset>
      {canEdit && (
        <div className="admin-actions">
          <button type="submit" className="button button--primary button--small" disabled={save.saving || !changed}>
            {t('admin.node.saveTexts')}
          </button>
          <SaveStatus result={save.result} />
        </div>
      )}
    </form>
  );
}
