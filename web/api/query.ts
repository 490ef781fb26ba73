import { QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError } from './client';

/**
 * Server state of the web app (TanStack Query): answers cached per key, shared between the
 * components that ask for the same thing, retried on network and server failures (never on a
 * 4xx: the answer would not change), and re-read when a realtime event names a room the query
 * follows (`rooms`, see invalidateRoom).
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A screen opened again shows what was read at once and re-reads it behind (as the pages always did).
      staleTime: 0,
      refetchOnWindowFocus: false,
      retry: (failures, error) => failures < 2 && (!(error instanceof ApiError) || error.status === 0 || error.status >= 500),
    },
  },
});

export type Loaded<T> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: T };

type Meta = { rooms?: readonly string[] };

/**
 * One API read for a screen: `scope` names what is read (e.g. 'console.ticket'), `key` which one
 * (null: not yet — nothing is read). `rooms`: realtime rooms whose events make it re-read.
 * Returns the state to render, `reload()` and `replace(data)` (e.g. with a mutation's answer).
 */
export function useApiQuery<T>(
  scope: string,
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
  options: { rooms?: readonly string[] } = {},
) {
  const client = useQueryClient();
  const queryKey = [scope, key];
  const query = useQuery({
    queryKey,
    queryFn: ({ signal }) => load(signal),
    enabled: key !== null,
    meta: { rooms: options.rooms ?? [] } satisfies Meta,
  });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  const replace = useCallback((data: T) => client.setQueryData([scope, key], data), [client, scope, key]);
  const loaded: Loaded<T> =
    key === null || query.isPending
      ? { status: 'loading' }
      : query.isError
        ? { status: 'error', error: query.error }
        : { status: 'ready', data: query.data };
  return { loaded, reload, replace };
}

/** Re-reads every query that follows `room` (a realtime event named it). */
export function invalidateRoom(client: QueryClient, room: string): void {
  void client.invalidateQueries({ predicate: (q) => ((q.meta as Meta | undefined)?.rooms ?? []).includes(room) });
}

/** Re-reads every query that follows any room (the realtime connection asked to resync). */
export function invalidateLive(client: QueryClient): void {
  void client.invalidateQueries({ predicate: (q) => ((q.meta as Meta | undefined)?.rooms ?? []).length > 0 });
}
