import { TICKET_CHANNELS, TICKET_STATUSES } from '../../../common/tickets';
import { PRIORITIES } from '../../api/console';
import type { Priority, QueueFilters, TicketChannel, TicketStatus } from '../../api/console';

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;

/** The queue filters of a URL query (`?status=new,open&priority=high&vip=1&q=…`); unknown values are dropped. */
export function filtersFromSearch(search: string): QueueFilters {
  const params = new URLSearchParams(search);
  const filters: QueueFilters = {};
  const q = params.get('q')?.trim();
  if (q) filters.q = q;
  const status = (params.get('status') ?? '')
    .split(',')
    .map((s) => oneOf<TicketStatus>(TICKET_STATUSES, s))
    .filter((s): s is TicketStatus => s !== undefined);
  if (status.length) filters.status = status;
  const department = params.get('department');
  if (department && /^[a-z][a-z0-9_]{0,59}$/.test(department)) filters.department = department;
  const priority = oneOf<Priority>(PRIORITIES, params.get('priority'));
  if (priority) filters.priority = priority;
  const channel = oneOf<TicketChannel>(TICKET_CHANNELS, params.get('channel'));
  if (channel) filters.channel = channel;
  const tier = Number(params.get('tier'));
  if ([1, 2, 3].includes(tier)) filters.tier = tier;
  if (params.get('vip') === '1') filters.priorityCustomer = true;
  return filters;
}

/** The URL query of filters ('' when none), the inverse of filtersFromSearch. */
export function searchFromFilters(filters: QueueFilters): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.status?.length) params.set('status', filters.status.join(','));
  if (filters.department) params.set('department', filters.department);
  if (filters.priority) params.set('priority', filters.priority);
  if (filters.channel) params.set('channel', filters.channel);
  if (filters.tier) params.set('tier', String(filters.tier));
  if (filters.priorityCustomer) params.set('vip', '1');
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function hasFilters(filters: QueueFilters): boolean {
  return searchFromFilters(filters) !== '';
}

/** Filters with `patch` applied; empty values are dropped. */
export function patchFilters(filters: QueueFilters, patch: Partial<QueueFilters>): QueueFilters {
  const next: QueueFilters = { ...filters, ...patch };
  for (const key of Object.keys(next) as Array<keyof QueueFilters>) {
    const value = next[key];
    if (value === undefined || value === '' || value === false || (Array.isArray(value) && value.length === 0)) delete next[key];
  }
  return next;
}
