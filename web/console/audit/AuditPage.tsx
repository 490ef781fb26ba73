import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Me } from '../../api/auth';
import { ApiError } from '../../api/client';
import { fetchAudit } from '../../api/console';
import type { AuditEntry } from '../../api/console';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate, useSearch } from '../../router';
import { Alert } from '../../ui/Alert';
import { describeError } from '../../ui/errorMessage';
import { Select, TextField } from '../../ui/fields';
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
  const query = useQuery({
    queryKey: ['console.staff'],
    queryFn: ({ signal }) => fetchStaff(signal),
    enabled: allowed,
    select: (items) => [...items].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name)),
  });
  return query.data ?? NO_STAFF;
}

const NO_STAFF: StaffMember[] = [];

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
  const allowed = readsAudit(me);
  const staff = useStaffList(allowed);
  // The filters' pages, one cached list per filter set; "more" appends the next page.
  const pages = useInfiniteQuery({
    queryKey: ['console.audit', key],
    queryFn: ({ pageParam, signal }) =>
      fetchAudit(apiAuditFilters(auditFormFromSearch(key)), { signal, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: allowed,
  });

  if (!allowed) return <ApiProblem error={new ApiError({ code: 'FORBIDDEN', status: 403 })} />;

  const items: AuditEntry[] = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const view = {
    status: pages.isPending ? ('loading' as const) : pages.data ? ('ready' as const) : ('error' as const),
    error: pages.error,
    more: pages.isFetchingNextPage,
  };
  const apply = (event: FormEvent) => {
    event.preventDefault();
    navigate(`${AUDIT_PATH}${searchFromAuditForm(draft)}`, { replace: true });
  };
  const loadMore = () => {
    if (!pages.hasNextPage || pages.isFetchingNextPage) return;
    void pages.fetchNextPage();
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
        <Select
          look="filter"
          label={t('console.audit.action')}
          value={draft.action}
          onChange={(action) => setDraft({ ...draft, action })}
          options={[
            ['', t('console.audit.anyAction')],
            // An action from a link that the list does not know yet still shows as chosen.
            ...(draft.action && !(AUDIT_ACTIONS as readonly string[]).includes(draft.action)
              ? [[draft.action, draft.action] as const]
              : []),
            ...AUDIT_ACTIONS.map((a) => [a, actionName(a, t)] as const),
          ]}
        />
        <Select
          look="filter"
          label={t('console.audit.actor')}
          value={draft.actor}
          onChange={(actor) => setDraft({ ...draft, actor })}
          options={[
            ['', t('console.audit.anyone')],
            ...(draft.actor && !staff.some((s) => s.id === draft.actor)
              ? [[draft.actor, t('console.audit.someone')] as const]
              : []),
            ...staff.map((s) => [s.id, s.active ? s.name : `${s.name} — ${t('console.audit.inactivePerson')}`] as const),
          ]}
        />
        <TextField
          look="filter"
          label={t('console.audit.number')}
          inputClassName="filters__input--short"
          value={draft.number}
          placeholder={t('console.numberExample')}
          onChange={(e) => setDraft({ ...draft, number: e.target.value })}
        />
        <TextField
          look="filter"
          label={t('console.audit.from')}
          type="date"
          inputClassName="filters__input--date"
          value={draft.from}
          onChange={(e) => setDraft({ ...draft, from: e.target.value })}
        />
        <TextField
          look="filter"
          label={t('console.audit.to')}
          type="date"
          inputClassName="filters__input--date"
          value={draft.to}
          onChange={(e) => setDraft({ ...draft, to: e.target.value })}
        />
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
        {view.status === 'ready' && items.length === 0 && (
          <div className="empty-state" role="status">
            <p className="empty-state__title">{t('console.audit.empty')}</p>
          </div>
        )}
        {view.status === 'ready' && items.length > 0 && (
          <AuditTable
            items={items}
            onActor={(actor) => navigate(`${AUDIT_PATH}${searchFromAuditForm({ ...form, actor })}`, { replace: true })}
          />
        )}
        {view.status === 'ready' && pages.hasNextPage && (
          <div className="queue__more">
            {pages.isFetchNextPageError && <Alert tone="error">{describeError(view.error, t)}</Alert>}
            <button type="button" className="button button--ghost button--small" onClick={loadMore} disabled={view.more}>
              {view.more ? t('app.loading') : t('console.loadMore')}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
