import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
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
  const [departments, setDepartments] = useState<Department[] | null>(null);
  const [extraIds, setExtraIds] = useState<string[]>([]);
  const [counts, setCounts] = useState<QueueCount[] | null>(null);
  const [countsError, setCountsError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    // 403/404 for roles that may not list departments: rooms then come from list rows.
    fetchDepartments(controller.signal).then(setDepartments, () => undefined);
    return () => controller.abort();
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    fetchQueueCounts(controller.signal).then(
      (items) => {
        setCounts(items);
        setCountsError(null);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setCountsError(error);
      },
    );
    return () => controller.abort();
  }, [generation]);

  const refreshCounts = useDebouncedCallback(() => setGeneration((n) => n + 1), REFRESH_DEBOUNCE_MS);

  const queueRooms = useMemo(() => {
    const ids = new Set([...(departments ?? []).map((d) => d.id), ...extraIds]);
    return [...ids].sort().map((id) => `queues:${id}`);
  }, [departments, extraIds]);

  const { live } = useRooms(queueRooms, { onEvent: refreshCounts, onResync: refreshCounts });
  usePolling(!live, refreshCounts);

  const addDepartmentIds = useCallback((ids: string[]) => {
    setExtraIds((prev) => (ids.every((id) => prev.includes(id)) ? prev : [...new Set([...prev, ...ids])]));
  }, []);

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
