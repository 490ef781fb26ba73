import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchQueue } from '../../api/console';
import type { QueueId, QueueRow } from '../../api/console';
import { filtersFromSearch } from './filters';

export const PAGE_SIZE = 25;
const MAX_PAGE = 100;

type ListState = {
  key: string;
  status: 'loading' | 'ready' | 'error';
  items: QueueRow[];
  nextCursor: string | null;
  error: unknown;
  more: 'idle' | 'loading' | 'error';
};

const initial = (key: string): ListState => ({ key, status: 'loading', items: [], nextCursor: null, error: null, more: 'idle' });

/** Rows of `b` not already in `a` (a row moved between pages must not show twice). */
function appendNew(a: QueueRow[], b: QueueRow[]): QueueRow[] {
  const seen = new Set(a.map((r) => r.number));
  return [...a, ...b.filter((r) => !seen.has(r.number))];
}

/**
 * One queue's rows for the URL's filters: the first page, "load more" by cursor, and `refresh()`,
 * which re-reads as many rows as are shown (for live updates) without resetting the list.
 */
export function useQueueList(queue: QueueId, search: string) {
  const key = `${queue}|${search}`;
  const [state, setState] = useState<ListState>(() => initial(key));
  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
  }, [state]);
  const generation = useRef(0);

  const run = useCallback(async (mode: 'first' | 'refresh' | 'more', forKey: string) => {
    const [q, s = ''] = forKey.split('|') as [QueueId, string?];
    const current = latest.current;
    if (mode !== 'first' && current.key !== forKey) return;
    if (mode === 'more' && (!current.nextCursor || current.more === 'loading')) return;
    const id = mode === 'more' ? generation.current : ++generation.current;
    const options =
      mode === 'more'
        ? { cursor: current.nextCursor ?? undefined, limit: PAGE_SIZE }
        : { limit: mode === 'refresh' ? Math.min(MAX_PAGE, Math.max(PAGE_SIZE, current.items.length)) : PAGE_SIZE };
    if (mode === 'more') setState((prev) => ({ ...prev, more: 'loading' }));
    try {
      const page = await fetchQueue(q, filtersFromSearch(s), options);
      if (generation.current !== id) return;
      setState((prev) => {
        if (mode === 'more')
          return prev.key === forKey
            ? { ...prev, items: appendNew(prev.items, page.items), nextCursor: page.nextCursor, more: 'idle' }
            : prev;
        return { key: forKey, status: 'ready', items: page.items, nextCursor: page.nextCursor, error: null, more: 'idle' };
      });
    } catch (error) {
      if (generation.current !== id) return;
      setState((prev) => {
        if (mode === 'more') return prev.key === forKey ? { ...prev, more: 'error', error } : prev;
        // A failed live refresh keeps the rows already shown.
        if (mode === 'refresh' && prev.key === forKey && prev.status === 'ready') return prev;
        return { ...initial(forKey), status: 'error', error };
      });
    }
  }, []);

  useEffect(() => {
    void run('first', key);
  }, [run, key]);

  const refresh = useCallback(() => void run('refresh', key), [run, key]);
  const loadMore = useCallback(() => void run('more', key), [run, key]);
  const view = state.key === key ? state : initial(key);
  return { ...view, refresh, loadMore };
}
