import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { Me } from '../../api/auth';
import { ApiError } from '../../api/client';
import { fetchAudit } from '../../api/console';
import type { AuditEntry } from '../../api/console';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate, useSearch } from '../../router';
import { Alert } from '../../ui/Alert';
import { describeError } from '../../ui/errorMessage';
import { PageLoading } from '../../ui/PageLoading';
import { ApiProblem } from '../ApiProblem';
import { readsAudit } from '../roles';
import { AUDIT_PATH } from '../routes';
import { actionName } from '../workspace/history';
import { AUDIT_ACTIONS, apiAuditFilters, auditFormFromSearch, searchFromAuditForm } from './auditQuery';
import type { AuditForm } from './auditQuery';
import { AuditTable } from './AuditTable';
import { fetchStaff, type StaffMember } from '../admin/api';

/** Staff for the person filter; an empty list when it cannot be read (the filter still works from the table). */
function useStaffList(allowed: boolean): StaffMember[] {
  const [staff, setStaff] = useState<StaffMember[]>([]);
  useEffect(() => {
    if (!allowed) return;
    const controller = new AbortController();
    fetchStaff(controller.signal).then(
      (items) => setStaff([...items].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name))),
      () => setStaff([]),
    );
    return () => controller.abort();
  }, [allowed]);
  return staff;
}

type State = {
  key: string;
  status: 'loading' | 'ready' | 'error';
  items: AuditEntry[];
  next: number | null;
  error: unknown;
  more: boolean;
};

/** `/console/audit` (supervisors, admins): who did what, filtered by action, request and dates. */
export function AuditPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const search = useSearch();
  const form = auditFormFromSearch(search);
  const key = searchFromAuditForm(form);
  const [draft, setDraft] = useState<AuditForm>(form);
  const [draftKey, setDraftKey] = useState(key);
  if (draftKey !== key) {
    setDraftKey(key);
    setDraft(form);
  }
  const [state, setState] = useState<State>({ key: '', status: 'loading', items: [], next: null, error: null, more: false });
  const allowed = readsAudit(me);
  const staff = useStaffList(allowed);

  useEffect(() => {
    if (!allowed) return;
    const controller = new AbortController();
    fetchAudit(apiAuditFilters(auditFormFromSearch(key)), { signal: controller.signal }).then(
      (page) => setState({ key, status: 'ready', items: page.items, next: page.nextCursor, error: null, more: false }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ key, status: 'error', items: [], next: null, error, more: false });
      },
    );
    return () => controller.abort();
  }, [key, allowed]);

  if (!allowed) return <ApiProblem error={new ApiError({ code: 'FORBIDDEN', status: 403 })} />;

  const view = state.key === key ? state : { ...state, status: 'loading' as const };
  const apply = (event: FormEvent) => {
    event.preventDefault();
    navigate(`${AUDIT_PATH}${searchFromAuditForm(draft)}`, { replace: true });
  };
  const loadMore = async () => {
    if (view.next === null || view.more) return;
    setState((s) => ({ ...s, more: true }));
    try {
      const page = await fetchAudit(apiAuditFilters(form), { cursor: view.next });
      setState((s) => (s.key === key ? { ...s, items: [...s.items, ...page.items], next: page.nextCursor, more: false } : s));
    } catch (error) {
      setState((s) => (s.key === key ? { ...s, more: false, error } : s));
    }
  };

  return (
    <section className="queue" aria-labelledby="audit-title">
      <header className="queue__header">
        <div>
          <h1 id="audit-title" className="queue__title">
            {t('console.audit.title')}
          </h1>
          <p className="queue__about">{t('console.audit.about')}</p>
        </div>
      </header>
      <form className="filters" role="search" aria-label={t('console.filters.label')} onSubmit={apply}>
        <label className="filters__field">
          <span className="filters__label">{t('console.audit.action')}</span>
          <select value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })}>
            <option value="">{t('console.audit.anyAction')}</option>
            {draft.action && !(AUDIT_ACTIONS as readonly string[]).includes(draft.action) && (
              <option value={draft.action}>{draft.action}</option>
            )}
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {actionName(a, t)}
              </option>
            ))}
          </select>
        </label>
        <label className="filters__field">
          <span className="filters__label">{t('console.audit.actor')}</span>
          <select value={draft.actor} onChange={(e) => setDraft({ ...draft, actor: e.target.value })}>
            <option value="">{t('console.audit.anyone')}</option>
            {draft.actor && !staff.some((s) => s.id === draft.actor) && (
              <option value={draft.actor}>{t('console.audit.someone')}</option>
            )}
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.active ? s.name : `${s.name} — ${t('console.audit.inactivePerson')}`}
              </option>
            ))}
          </select>
        </label>
        <label className="filters__field">
          <span className="filters__label">{t('console.audit.number')}</span>
          <input
            className="filters__input filters__input--short"
            value={draft.number}
            placeholder={t('console.numberExample')}
            onChange={(e) => setDraft({ ...draft, number: e.target.value })}
          />
        </label>
        <label className="filters__field">
          <span className="filters__label">{t('console.audit.from')}</span>
          <input
            type="date"
            className="filters__input filters__input--date"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
        </label>
        <label className="filters__field">
          <span className="filters__label">{t('console.audit.to')}</span>
          <input
            type="date"
            className="filters__input filters__input--date"
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
        </label>
        <button type="submit" className="button button--primary button--small filters__apply">
          {t('console.audit.apply')}
        </button>
        {key && (
          <button type="button" className="filters__reset" onClick={() => navigate(AUDIT_PATH, { replace: true })}>
            {t('console.filters.reset')}
          </button>
        )}
      </form>
      <div className="queue__panel">
        {view.status === 'loading' && <PageLoading />}
        {view.status === 'error' && <ApiProblem error={view.error} />}
        {view.status === 'ready' && view.items.length === 0 && (
          <div className="empty-state" role="status">
            <p className="empty-state__title">{t('console.audit.empty')}</p>
          </div>
        )}
        {view.status === 'ready' && view.items.length > 0 && (
          <AuditTable
            items={view.items}
            onActor={(actor) => navigate(`${AUDIT_PATH}${searchFromAuditForm({ ...form, actor })}`, { replace: true })}
          />
        )}
        {view.status === 'ready' && view.next !== null && (
          <div className="queue__more">
            {view.error !== null && <Alert tone="error">{describeError(view.error, t)}</Alert>}
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => void loadMore()}
              disabled={view.more}
            >
              {view.more ? t('app.loading') : t('console.loadMore')}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
