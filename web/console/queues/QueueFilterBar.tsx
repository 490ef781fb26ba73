import { useState } from 'react';
import type { FormEvent } from 'react';
import { TICKET_CHANNELS } from '../../../common/tickets';
import { PRIORITIES } from '../../api/console';
import type { Department, QueueFilters, TicketStatus } from '../../api/console';
import { useT } from '../../i18n/I18nProvider';
import { Checkbox, Select } from '../../ui/fields';
import { useLocalize } from '../../i18n/useLocalize';
import { hasFilters, patchFilters } from './filters';

/** The statuses a working queue holds (closed requests are in no queue). */
const STATUSES: readonly TicketStatus[] = ['new', 'open', 'reopened', 'pending_customer'];
const TIERS = [1, 2, 3] as const;

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
      <Select
        look="bare"
        label={t('console.filters.status')}
        value={filters.status?.join(',') ?? ''}
        onChange={(status) => set({ status: status ? [status as TicketStatus] : undefined })}
        options={[['', t('console.filters.anyStatus')], ...STATUSES.map((s) => [s, t(`console.status.${s}`)] as const)]}
      />
      <Select
        look="bare"
        label={t('console.filters.department')}
        value={filters.department ?? ''}
        onChange={(department) => set({ department: department || undefined })}
        options={[['', t('console.filters.anyDepartment')], ...(departments ?? []).map((d) => [d.code, l(d.name)] as const)]}
      />
      <Select
        look="bare"
        label={t('console.filters.priority')}
        value={filters.priority ?? ''}
        onChange={(priority) => set({ priority: priority || undefined })}
        options={[['', t('console.filters.anyPriority')], ...PRIORITIES.map((p) => [p, t(`console.priority.${p}`)] as const)]}
      />
      <Select
        look="bare"
        label={t('console.filters.channel')}
        value={filters.channel ?? ''}
        onChange={(channel) => set({ channel: channel || undefined })}
        options={[['', t('console.filters.anyChannel')], ...TICKET_CHANNELS.map((c) => [c, t(`console.channel.${c}`)] as const)]}
      />
      <Select
        look="bare"
        label={t('console.filters.tier')}
        value={filters.tier === undefined ? '' : String(filters.tier)}
        onChange={(tier) => set({ tier: tier ? Number(tier) : undefined })}
        options={[['', t('console.filters.anyTier')], ...TIERS.map((n) => [String(n), t('console.tier', { n })] as const)]}
      />
      <Checkbox
        look="filter"
        label={t('console.filters.vipOnly')}
        checked={filters.priorityCustomer === true}
        onChange={(on) => set({ priorityCustomer: on || undefined })}
      />
      {hasFilters(filters) && (
        <button type="button" className="filters__reset" onClick={() => onChange({})}>
          {t('console.filters.reset')}
        </button>
      )}
    </div>
  );
}
