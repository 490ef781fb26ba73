import { describe, expect, it } from 'vitest';
import { queueQuery } from '../../api/console';
import { filtersFromSearch, hasFilters, patchFilters, searchFromFilters } from './filters';

describe('queue filters in the URL', () => {
  it('round-trips known values and drops unknown ones', () => {
    const filters = filtersFromSearch(
      '?q=%20PD-1%20&status=new,open,bogus&department=terminals&priority=high&channel=email&tier=2&vip=1',
    );
    expect(filters).toEqual({
      q: 'PD-1',
      status: ['new', 'open'],
      department: 'terminals',
      priority: 'high',
      channel: 'email',
      tier: 2,
      priorityCustomer: true,
    });
    expect(filtersFromSearch(searchFromFilters(filters))).toEqual(filters);
    expect(filtersFromSearch('?priority=extreme&tier=9&department=DROP%20TABLE&vip=0')).toEqual({});
    expect(hasFilters({})).toBe(false);
  });

  it('patches and drops emptied values', () => {
    expect(patchFilters({ priority: 'low', q: 'x' }, { priority: undefined, priorityCustomer: false })).toEqual({ q: 'x' });
  });

  it('becomes the API query of a queue', () => {
    expect(queueQuery('unassigned', { status: ['new'], priorityCustomer: true }, { cursor: 'abc', limit: 25 })).toEqual({
      queue: 'unassigned',
      status: 'new',
      priorityCustomer: 'true',
      cursor: 'abc',
      limit: 25,
    });
  });
});
