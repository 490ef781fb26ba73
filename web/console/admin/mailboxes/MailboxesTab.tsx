import { useCallback, useState } from 'react';
import { useT } from '../../../i18n/I18nProvider';
import { useLocalize } from '../../../i18n/useLocalize';
import { PageLoading } from '../../../ui/PageLoading';
import { useApiQuery } from '../../../api/query';
import { fetchAdminTree, fetchDepartments } from '../api';
import { flatten } from '../catalog/treeUtils';
import { LoadFailure } from '../shared/LoadFailure';
import { fetchMailboxes, type Mailbox } from './api';
import { MailboxForm, type Option } from './MailboxForm';

/** "Почтовые ящики": addresses paydesk receives mail at, where their letters go, IMAP polling. */
export function MailboxesTab({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const l = useLocalize();
  const [editing, setEditing] = useState<string | null>(null);
  // Remounts the "add" form after a save, so it starts empty again.
  const [generation, setGeneration] = useState(0);
  const load = useCallback(async (signal: AbortSignal) => {
    const [mailboxes, departments, tree] = await Promise.all([
      fetchMailboxes(signal),
      fetchDepartments(signal),
      fetchAdminTree('customer', signal),
    ]);
    return { mailboxes, departments, tree };
  }, []);
  const { loaded, reload } = useApiQuery('console.admin.mailboxes.MailboxesTab', canEdit ? 'mailboxes' : null, load);

  if (!canEdit) return <p className="admin-note">{t('mailIn.adminOnly')}</p>;
  if (loaded.status === 'loading') return <PageLoading />;
  if (loaded.status === 'error') return <LoadFailure error={loaded.error} onRetry={reload} />;
  const { mailboxes, departments, tree } = loaded.data;
  const departmentOptions: Option[] = departments.map((d) => ({ id: d.id, label: l(d.name) }));
  const categoryOptions: Option[] = flatten(tree)
    .filter(({ node }) => node.isLeaf)
    .map(({ node }) => ({ id: node.id, label: l(node.name) }));
  const label = (options: Option[], id: string | null) => options.find((o) => o.id === id)?.label ?? '—';
  const saved = () => {
    setEditing(null);
    setGeneration((g) => g + 1);
    reload();
  };

  return (
    <div className="admin-stack">
      <p className="admin-note">{t('mailIn.lead')}</p>
      {mailboxes.length === 0 && <p className="admin-note">{t('mailIn.empty')}</p>}
      <div className="admin-cards">
        {mailboxes.map((m: Mailbox) =>
          editing === m.id ? (
            <MailboxForm
              key={m.id}
              mailbox={m}
              departments={departmentOptions}
              categories={categoryOptions}
              onSaved={saved}
              onCancel={() => setEditing(null)}
            />
          ) : (
            <article
              key={m.id}
              className={`admin-card${m.active ? '' : ' admin-card--inactive'}`}
              data-testid={`mailbox-${m.address}`}
            >
              <header className="admin-card__head">
                <h3 className="admin-card__title">{m.address}</h3>
                {m.name && <span>{m.name}</span>}
                <span className={`badge ${m.active ? 'admin-badge--ok' : 'admin-badge--muted'}`}>
                  {m.active ? t('admin.active') : t('admin.inactive')}
                </span>
              </header>
              <dl className="admin-facts">
                <dt>{t('mailIn.department')}</dt>
                <dd>{label(departmentOptions, m.departmentId)}</dd>
                <dt>{t('mailIn.category')}</dt>
                <dd>{m.categoryId ? label(categoryOptions, m.categoryId) : t('mailIn.byContent')}</dd>
                <dt>{t('mailIn.imap')}</dt>
                <dd>
                  {m.imap
                    ? t('mailIn.imapSummary', { user: m.imap.user, host: m.imap.host, folder: m.imap.folder })
                    : t('mailIn.imapOff')}
                  {m.imap?.lastError && <span className="form-error"> {t('mailIn.imapError', { error: m.imap.lastError })}</span>}
                </dd>
                <dt>{t('mailIn.queue')}</dt>
                <dd>{t('mailIn.queueCounts', { waiting: m.waiting, failed: m.failed })}</dd>
              </dl>
              <div className="admin-actions">
                <button type="button" className="button button--ghost button--small" onClick={() => setEditing(m.id)}>
                  {t('mailIn.edit')}
                </button>
              </div>
            </article>
          ),
        )}
      </div>
      {editing === null && (
        <MailboxForm
          key={`new-${generation}`}
          mailbox={null}
          departments={departmentOptions}
          categories={categoryOptions}
          onSaved={saved}
          onCancel={null}
        />
      )}
    </div>
  );
}
