import { useCallback, useState, type FormEvent } from 'react';
import {
  createNotice,
  deleteNotice,
  fetchStaffNotices,
  updateNotice,
  type NoticeInput,
  type StaffNotice,
} from '../../../api/help';
import { allOf } from '../../../api/http';
import type { MessageKey } from '../../../i18n/catalogues';
import { useI18n } from '../../../i18n/I18nProvider';
import { formatShortDateTime } from '../../../ui/format';
import { PageLoading } from '../../../ui/PageLoading';
import { Pager } from '../../../ui/Pager';
import { Select, TextField } from '../../../ui/fields';
import { useApiQuery } from '../../../api/query';
import { issuesOf, messagesPerLocale, messagesUnder } from '../shared/issues';
import { L10nInputs } from '../shared/L10nInputs';
import { LoadFailure } from '../shared/LoadFailure';
import { SaveStatus } from '../shared/SaveStatus';
import { useSave } from '../shared/useSave';

// The contract's lists, complete by the typecheck (allOf).
const SEVERITIES = allOf<NoticeInput['severity']>()(['info', 'maintenance', 'outage', 'critical']);
const NOTICE_AUDIENCES = allOf<NoticeInput['audience']>()(['all', 'customer', 'agent']);
const SEVERITY: Record<NoticeInput['severity'], MessageKey> = {
  info: 'notices.severity.info',
  maintenance: 'notices.severity.maintenance',
  outage: 'notices.severity.outage',
  critical: 'notices.severity.critical',
};
const STATE: Record<StaffNotice['state'], MessageKey> = {
  current: 'notices.tab.current',
  upcoming: 'notices.tab.upcoming',
  past: 'notices.tab.past',
};
const EMPTY = { ru: '', uk: '', en: '' };

/** `2026-03-01T10:00` in the browser's zone for <input type="datetime-local">, and back. */
const toLocalInput = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : '');

function NoticeEditor({ notice, onDone }: { notice: StaffNotice | null; onDone(): void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<NoticeInput>(
    notice
      ? {
          severity: notice.severity,
          audience: notice.audience,
          startsAt: notice.startsAt,
          endsAt: notice.endsAt,
          title: notice.title,
          body: notice.body,
        }
      : { severity: 'maintenance', audience: 'all', startsAt: new Date().toISOString(), endsAt: null, title: EMPTY, body: EMPTY },
  );
  const save = useSave();
  const issues = save.result?.kind === 'error' ? issuesOf(save.result.error) : [];
  const at = (p: string) => messagesUnder(issues, [p]);
  const loc = (p: string) => messagesPerLocale(issues, [p]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save
      .run(async () => {
        if (notice) await updateNotice(notice.id, draft);
        else await createNotice(draft);
        return t('admin.savedNow');
      })
      .then((ok) => ok && onDone());
  };
  return (
    <form className="admin-panel admin-stack" onSubmit={submit} noValidate aria-labelledby="notice-editor-title">
      <h2 id="notice-editor-title" className="admin-panel__title">
        {notice ? t('noticesAdmin.editTitle') : t('noticesAdmin.newTitle')}
      </h2>
      <div className="admin-field__grid">
        <Select
          className="admin-small"
          label={t('noticesAdmin.severity')}
          value={draft.severity}
          onChange={(severity) => setDraft({ ...draft, severity })}
          options={SEVERITIES.map((s) => [s, t(SEVERITY[s])] as const)}
        />
        <Select
          className="admin-small"
          label={t('settingsAdmin.audience')}
          value={draft.audience}
          onChange={(audience) => setDraft({ ...draft, audience })}
          options={NOTICE_AUDIENCES.map((a) => [a, t(`contacts.emailAudience.${a}`)] as const)}
        />
        <TextField
          className="admin-small"
          label={t('noticesAdmin.start')}
          type="datetime-local"
          value={toLocalInput(draft.startsAt)}
          error={at('startsAt')}
          onChange={(e) => setDraft({ ...draft, startsAt: fromLocalInput(e.target.value) })}
        />
        <TextField
          className="admin-small"
          label={t('noticesAdmin.end')}
          type="datetime-local"
          value={toLocalInput(draft.endsAt)}
          hint={t('noticesAdmin.endHint')}
          error={at('endsAt').length > 0 ? t('noticesAdmin.endAfterStart') : null}
          onChange={(e) => setDraft({ ...draft, endsAt: e.target.value ? fromLocalInput(e.target.value) : null })}
        />
      </div>
      <L10nInputs
        legend={t('noticesAdmin.titleField')}
        value={draft.title}
        required
        maxLength={160}
        onChange={(title) => setDraft({ ...draft, title })}
        errors={loc('title')}
      />
      <L10nInputs
        legend={t('noticesAdmin.bodyField')}
        value={draft.body}
        required
        multiline
        maxLength={2000}
        onChange={(body) => setDraft({ ...draft, body })}
        errors={loc('body')}
      />
      <div className="admin-actions">
        <button type="submit" className="button button--primary button--small" disabled={save.saving}>
          {t('settingsAdmin.save')}
        </button>
        <button type="button" className="button button--ghost button--small" onClick={onDone}>
          {t('wiki.form.cancel')}
        </button>
      </div>
      <SaveStatus result={save.result} />
    </form>
  );
}

/** Maintenance and outage notices: supervisors and admins write them; the portal shows them. */
export function NoticesTab() {
  const { t, locale } = useI18n();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<StaffNotice | 'new' | null>(null);
  const load = useCallback((signal: AbortSignal) => fetchStaffNotices(page, { signal }), [page]);
  const { loaded, reload } = useApiQuery('console.admin.notices.NoticesTab', `notices:${page}`, load);
  const remove = useSave();
  if (loaded.status === 'loading') return <PageLoading />;
  if (loaded.status === 'error') return <LoadFailure error={loaded.error} onRetry={reload} />;
  const pages = Math.max(1, Math.ceil(loaded.data.total / loaded.data.pageSize));
  return (
    <div className="admin-stack">
      {editing ? (
        <NoticeEditor
          key={editing === 'new' ? 'new' : editing.id}
          notice={editing === 'new' ? null : editing}
          onDone={() => {
            setEditing(null);
            reload();
          }}
        />
      ) : (
        <div className="admin-actions">
          <button type="button" className="button button--primary button--small" onClick={() => setEditing('new')}>
            {t('noticesAdmin.create')}
          </button>
        </div>
      )}
      <SaveStatus result={remove.result} />
      {loaded.data.items.length === 0 ? (
        <p className="form-note">{t('noticesAdmin.empty')}</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('noticesAdmin.titleField')}</th>
                <th scope="col">{t('noticesAdmin.severity')}</th>
                <th scope="col">{t('noticesAdmin.window')}</th>
                <th scope="col">{t('noticesAdmin.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('noticesAdmin.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {loaded.data.items.map((n) => (
                <tr key={n.id}>
                  <td>{n.title[locale]}</td>
                  <td>{t(SEVERITY[n.severity])}</td>
                  <td>
                    {formatShortDateTime(n.startsAt, locale)} —{' '}
                    {n.endsAt ? formatShortDateTime(n.endsAt, locale) : t('notices.noEnd')}
                  </td>
                  <td>{t(STATE[n.state])}</td>
                  <td className="admin-actions">
                    <button type="button" className="button button--ghost button--small" onClick={() => setEditing(n)}>
                      {t('wiki.edit')}
                    </button>
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      onClick={() => {
                        if (!window.confirm(t('noticesAdmin.deleteConfirm', { title: n.title[locale] }))) return;
                        void remove.run(async () => {
                          await deleteNotice(n.id);
                          reload();
                          return t('noticesAdmin.deleted');
                        });
                      }}
                    >
                      {t('settingsAdmin.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} pages={pages} onPage={setPage} />
    </div>
  );
}
