import { useQuery } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { fetchDepartments, fetchQueueCounts } from '../api/console';
import type { Department, QueueCount } from '../api/console';
import { useRooms } from './RealtimeProvider';
import { useDebouncedCallback, usePolling } from './hooks';

/** Re-reads after a burst of events settle. */
export const REFRESH_DEBOUNCE_MS = 300;

type ConsoleData = {
  /** Departments with ids (null while loading or when this role may not list them). */
  departments: Department[] | null;
  /** The queues this person has, with counts (null until loaded). */
  counts: QueueCount[] | null;
  countsError: unknown;
  refreshCounts: () => void;
  /** The queue rooms of every department this person may see. */
  queueRooms: string[];
  /** Adds department ids learnt elsewhere (e.g. list rows) when the departments list is closed. */
  addDepartmentIds: (ids: string[]) => void;
  /** Whether at least one queue room is joined (otherwise lists fall back to polling). */
  live: boolean;
};

const ConsoleDataContext = createContext<ConsoleData | null>(null);

/** Departments, queue counts and the queue rooms, shared by the sidebar and the pages. */
export function ConsoleDataProvider({ children }: { children: ReactNode }) {
  const [extraIds, setExtraIds] = useState<string[]>([]);
  // 403/404 for roles that may not list departments: rooms then come from list rows.
  const departmentsQuery = useQuery({ queryKey: ['console.departments'], queryFn: ({ signal }) => fetchDepartments(signal) });
  const departments = departmentsQuery.data ?? null;

  const queueRooms = useMemo(() => {
    const ids = new Set([...(departments ?? []).map((d) => d.id), ...extraIds]);
    return [...ids].sort().map((id) => `queues:${id}`);
  }, [departments, extraIds]);

  // The counts follow every queue room: an event there re-reads them (RealtimeProvider).
  const countsQuery = useQuery({
    queryKey: ['console.queueCounts'],
    queryFn: ({ signal }) => fetchQueueCounts(signal),
    meta: { rooms: queueRooms },
  });
  const { refetch } = countsQuery;
  const refreshCounts = useDebouncedCallback(() => void refetch(), REFRESH_DEBOUNCE_MS);

  const { live } = useRooms(queueRooms, {});
  usePolling(!live, refreshCounts);

  const addDepartmentIds = useCallback((ids: string[]) => {
    setExtraIds((prev) => (ids.every((id) => prev.includes(id)) ? prev : [...new Set([...prev, ...ids])]));
  }, []);

  const counts = countsQuery.data ?? null;
  const countsError = countsQuery.error;
  const value = useMemo<ConsoleData>(
    () => ({ departments, counts, countsError, refreshCounts, queueRooms, addDepartmentIds, live }),
    [departments, counts, countsError, refreshCounts, queueRooms, addDepartmentIds, live],
  );
  return <ConsoleDataContext.Provider value={value}>{children}</ConsoleDataContext.Provider>;
}

export function useConsoleData(): ConsoleData {
  const value = useContext(ConsoleDataContext);
  if (!value) throw new Error('useConsoleData must be used inside <ConsoleDataProvider>');
  return value;
}
