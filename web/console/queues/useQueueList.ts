import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { fetchQueue } from '../../api/console';
import type { QueueId, QueueRow } from '../../api/console';
import { filtersFromSearch } from './filters';

export const PAGE_SIZE = 25;
const MAX_PAGE = 100;

type Rows = { items: QueueRow[]; nextCursor: string | null };

/** Rows of `b` not already in `a` (a row moved between pages must not show twice). */
function appendNew(a: QueueRow[], b: QueueRow[]): QueueRow[] {
  const seen = new Set(a.map((r) => r.number));
  return [...a, ...b.filter((r) => !seen.has(r.number))];
}

/**
 * One queue's rows for the URL's filters (one cached query per queue and filters): the first
 * page, "load more" by cursor, and re-reads — on an event in one of `rooms` (RealtimeProvider
 * invalidates the queries that follow a room), on `refresh()` — of as many rows as are shown,
 * so a live update never shrinks the list. A failed re-read keeps the rows already shown.
 */
export function useQueueList(queue: QueueId, search: string, rooms: readonly string[]) {
  const client = useQueryClient();
  const queryKey = ['console.queue', queue, search];
  const query = useQuery({
    queryKey,
    queryFn: async ({ signal }): Promise<Rows> => {
      const shown = client.getQueryData<Rows>(queryKey)?.items.length ?? 0;
      const limit = Math.min(MAX_PAGE, Math.max(PAGE_SIZE, shown));
      const page = await fetchQueue(queue, filtersFromSearch(search), { limit, signal });
      return { items: page.items, nextCursor: page.nextCursor };
    },
    meta: { rooms },
  });
  const [more, setMore] = useState<{ key: string; state: 'idle' | 'loading' | 'error'; error: unknown }>({
    key: '',
    state: 'idle',
    error: null,
  });
  const key = `${queue}|${search}`;
  const moreState = more.key === key ? more : { key, state: 'idle' as const, error: null };

  const { refetch, data } = query;
  const refresh = useCallback(() => void refetch(), [refetch]);
  const nextCursor = data?.nextCursor ?? null;
  const loadMore = useCallback(() => {
    if (!nextCursor || moreState.state === 'loading') return;
    setMore({ key, state: 'loading', error: null });
    fetchQueue(queue, filtersFromSearch(search), { cursor: nextCursor, limit: PAGE_SIZE }).then(
      (page) => {
        client.setQueryData<Rows>(['console.queue', queue, search], (prev) =>
          prev ? { items: appendNew(prev.items, page.items), nextCursor: page.nextCursor } : prev,
        );
        setMore({ key, state: 'idle', error: null });
      },
      (error: unknown) => setMore({ key, state: 'error', error }),
    );
  }, [client, queue, search, key, nextCursor, moreState.state]);

  const status = data ? ('ready' as const) : query.isError ? ('error' as const) : ('loading' as const);
  return {
    status,
    items: data?.items ?? [],
    nextCursor,
    error: moreState.state === 'error' ? moreState.error : query.error,
    more: moreState.state,
    refresh,
    loadMore,
  };
}
