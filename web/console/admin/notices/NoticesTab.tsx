import { useCallback, useState, type FormEvent } from 'react';
import {
  createNotice,
  deleteNotice,
  fetchStaffNotices,
  updateNotice,
  type NoticeInput,
  type StaffNotice,
} from '../../../api/help';
import type { MessageKey } from '../../../i18n/catalogues';
import { useI18n } from '../../../i18n/I18nProvider';
import { formatShortDateTime } from '../../../ui/format';
import { PageLoading } from '../../../ui/PageLoading';
import { Pager } from '../../../ui/Pager';
import { useApiQuery } from '../../../api/query';
import { issuesOf, messagesPerLocale, messagesUnder } from '../shared/issues';
import { L10nInputs } from '../shared/L10nInputs';
import { LoadFailure } from '../shared/LoadFailure';
import { SaveStatus } from '../shared/SaveStatus';
import { useSave } from '../shared/useSave';

const SEVERITIES = ['info', 'maintenance', 'outage', 'critical'] as const;
const SEVERITY: Record<(typeof SEVERITIES)[number], MessageKey> = {
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
        <div className="field admin-small">
          <label className="field__label" htmlFor="nt-sev">
            {t('noticesAdmin.severity')}
          </label>
          <select
            id="nt-sev"
            className="field__input field__select"
            value={draft.severity}
            onChange={(e) => setDraft({ ...draft, severity: e.target.value as NoticeInput['severity'] })}
          >
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(SEVERITY[s])}
              </option>
            ))}
          </select>
        </div>
        <div className="field admin-small">
          <label className="field__label" htmlFor="nt-aud">
            {t('settingsAdmin.audience')}
          </label>
          <select
            id="nt-aud"
            className="field__input field__select"
            value={draft.audience}
            onChange={(e) => setDraft({ ...draft, audience: e.target.value as NoticeInput['audience'] })}
          >
            <option value="all">{t('contacts.emailAudience.all')}</option>
            <option value="customer">{t('contacts.emailAudience.customer')}</option>
            <option value="agent">{t('contacts.emailAudience.agent')}</option>
          </select>
        </div>
        <div className={`field admin-small${at('startsAt').length ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor="nt-start">
            {t('noticesAdmin.start')}
          </label>
          <input
            id="nt-start"
            type="datetime-local"
            className="field__input"
            value={toLocalInput(draft.startsAt)}
            onChange={(e) => setDraft({ ...draft, startsAt: fromLocalInput(e.target.value) })}
          />
          {at('startsAt').length > 0 && <p className="field__error">{at('startsAt').join(' ')}</p>}
        </div>
        <div className={`field admin-small${at('endsAt').length ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor="nt-end">
            {t('noticesAdmin.end')}
          </label>
          <input
            id="nt-end"
            type="datetime-local"
            className="field__input"
            value={toLocalInput(draft.endsAt)}
            aria-describedby="nt-end-hint"
            onChange={(e) => setDraft({ ...draft, endsAt: e.target.value ? fromLocalInput(e.target.value) : null })}
          />
          <p className="field__hint" id="nt-end-hint">
            {t('noticesAdmin.endHint')}
          </p>
          {at('endsAt').length > 0 && <p className="field__error">{t('noticesAdmin.endAfterStart')}</p>}
        </div>
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
