import { useState } from 'react';
import type { FormEvent } from 'react';
import { TICKET_CHANNELS } from '../../../common/tickets';
import { PRIORITIES } from '../../api/console';
import type { Department, QueueFilters, TicketStatus } from '../../api/console';
import { useT } from '../../i18n/I18nProvider';
import { useLocalize } from '../../i18n/useLocalize';
import { hasFilters, patchFilters } from './filters';

/** The statuses a working queue holds (closed requests are in no queue). */
const STATUSES: readonly TicketStatus[] = ['new', 'open', 'reopened', 'pending_customer'];

type Props = { filters: QueueFilters; departments: Department[] | null; onChange: (next: QueueFilters) => void };

type SearchProps = { filters: QueueFilters; onChange: (next: QueueFilters) => void };

/** The queue's search box (a number, words of the subject, or an e-mail), applied on Enter. */
export function QueueSearch({ filters, onChange }: SearchProps) {
  const t = useT();
  const [text, setText] = useState(filters.q ?? '');
  const [shownQ, setShownQ] = useState(filters.q);
  // The URL changed from outside (back button, reset): show its search text.
  if (shownQ !== filters.q) {
    setShownQ(filters.q);
    setText(filters.q ?? '');
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(patchFilters(filters, { q: text.trim() || undefined }));
  };
  return (
    <form className="queue-search" role="search" aria-label={t('console.filters.search')} onSubmit={submit}>
      <input
        type="search"
        className="filters__input"
        placeholder={t('console.filters.searchPlaceholder')}
        aria-label={t('console.filters.search')}
        value={text}
        maxLength={200}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="button button--ghost button--small">
        {t('console.filters.find')}
      </button>
    </form>
  );
}

/** Filters of a queue, kept in the URL: status, department, priority, channel, line, Priority customers. */
export function QueueFilterBar({ filters, departments, onChange }: Props) {
  const t = useT();
  const l = useLocalize();
  const set = (patch: Partial<QueueFilters>) => onChange(patchFilters(filters, patch));

  return (
    <div className="filters" role="group" aria-label={t('console.filters.label')}>
      <label className="filters__select">
        <span className="visually-hidden">{t('console.filters.status')}</span>
        <select
          value={filters.status?.join(',') ?? ''}
          onChange={(e) => set({ status: e.target.value ? [e.target.value as TicketStatus] : undefined })}
        >
          <option value="">{t('console.filters.anyStatus')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`console.status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="filters__select">
        <span className="visually-hidden">{t('console.filters.department')}</span>
        <select value={filters.department ?? ''} onChange={(e) => set({ department: e.target.value || undefined })}>
          <option value="">{t('console.filters.anyDepartment')}</option>
          {(departments ?? []).map((d) => (
            <option key={d.code} value={d.code}>
              {l(d.name)}
            </option>
          ))}
        </select>
      </label>
      <label className="filters__select">
        <span className="visually-hidden">{t('console.filters.priority')}</span>
        <select
          value={filters.priority ?? ''}
          onChange={(e) => set({ priority: (e.target.value || undefined) as QueueFilters['priority'] })}
        >
          <option value="">{t('console.filters.anyPriority')}</option>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`console.priority.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="filters__select">
        <span className="visually-hidden">{t('console.filters.channel')}</span>
        <select
          value={filters.channel ?? ''}
          onChange={(e) => set({ channel: (e.target.value || undefined) as QueueFilters['channel'] })}
        >
          <option value="">{t('console.filters.anyChannel')}</option>
          {TICKET_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`console.channel.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="filters__select">
        <span className="visually-hidden">{t('console.filters.tier')}</span>
        <select value={filters.tier ?? ''} onChange={(e) => set({ tier: e.target.value ? Number(e.target.value) : undefined })}>
          <option value="">{t('console.filters.anyTier')}</option>
          {[1, 2, 3].map((n) => (
            <option key={n} value={n}>
              {t('console.tier', { n })}
            </option>
          ))}
        </select>
      </label>
      <label className="filters__check">
        <input
          type="checkbox"
          checked={filters.priorityCustomer === true}
          onChange={(e) => set({ priorityCustomer: e.target.checked || undefined })}
        />
        <span>{t('console.filters.vipOnly')}</span>
      </label>
      {hasFilters(filters) && (
        <button type="button" className="filters__reset" onClick={() => onChange({})}>
          {t('console.filters.reset')}
        </button>
      )}
    </div>
  );
}
