import { useCallback, useState } from 'react';
import type { FormEvent } from 'react';
import { createSynonym, deleteSynonym, fetchSynonyms } from '../../../api/kbAdmin';
import { useT } from '../../../i18n/I18nProvider';
import { Field } from '../../../ui/fields';
import { PageLoading } from '../../../ui/PageLoading';
import { useApiQuery } from '../../../api/query';
import { LoadFailure } from '../shared/LoadFailure';
import { SaveStatus } from '../shared/SaveStatus';
import { useSave } from '../shared/useSave';

/** "Синонимы поиска": groups of words the help-centre search treats alike (admins only). */
export function SynonymsTab() {
  const t = useT();
  const load = useCallback((signal: AbortSignal) => fetchSynonyms(signal), []);
  const { loaded, reload } = useApiQuery('console.admin.synonyms.SynonymsTab', 'synonyms', load);
  const [terms, setTerms] = useState('');
  const save = useSave();

  if (loaded.status === 'loading') return <PageLoading />;
  if (loaded.status === 'error') return <LoadFailure error={loaded.error} onRetry={reload} />;

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const list = terms
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const ok = await save.run(async () => {
      await createSynonym(list);
      return t('admin.savedNow');
    });
    if (ok) {
      setTerms('');
      reload();
    }
  };
  const remove = async (id: string, words: string) => {
    if (!window.confirm(t('kbAdmin.synonyms.confirmDelete', { terms: words }))) return;
    const ok = await save.run(async () => {
      await deleteSynonym(id);
      return t('admin.savedNow');
    });
    if (ok) reload();
  };

  return (
    <div className="admin-stack">
      <p className="admin-note">{t('kbAdmin.synonyms.lead')}</p>
      <form className="admin-panel synonyms-form" onSubmit={(e) => void add(e)}>
        <Field id="synonym-terms" label={t('kbAdmin.synonyms.terms')} hint={t('kbAdmin.synonyms.hint')}>
          {(ids) => (
            <div className="synonyms-form__row">
              <input
                id={ids.input}
                className="input"
                value={terms}
                maxLength={600}
                aria-describedby={ids.describedBy}
                onChange={(e) => setTerms(e.target.value)}
              />
              <button type="submit" className="button button--small" disabled={save.saving || terms.trim().length === 0}>
                {t('kbAdmin.synonyms.add')}
              </button>
            </div>
          )}
        </Field>
        <SaveStatus result={save.result} />
      </form>
      {loaded.data.length === 0 ? (
        <p className="admin-note" role="status">
          {t('kbAdmin.synonyms.empty')}
        </p>
      ) : (
        <ul className="synonyms-list">
          {loaded.data.map((group) => (
            <li key={group.id} className="synonyms-list__item">
              <span>{group.terms.join(', ')}</span>
              <button
                type="button"
                className="button button--ghost button--small"
                disabled={save.saving}
                onClick={() => void remove(group.id, group.terms.join(', '))}
              >
                {t('kbAdmin.synonyms.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
