import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';

/** Calls `fn` every `ms` while `enabled` (the fallback when no realtime room is joined). */
export function usePolling(enabled: boolean, fn: () => void, ms = 30_000): void {
  const tick = useEffectEvent(fn);
  useEffect(() => {
    if (!enabled) return;
    const handle = window.setInterval(() => tick(), ms);
    return () => window.clearInterval(handle);
  }, [enabled, ms]);
}

/** The current time, refreshed every `ms` (for relative times such as "in 2 h"). */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const handle = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(handle);
  }, [ms]);
  return now;
}

/** A stable function that calls the latest `fn` once, `ms` after the last of a burst of calls. */
export function useDebouncedCallback(fn: () => void, ms: number): () => void {
  const latest = useRef(fn);
  const handle = useRef<number | null>(null);
  useEffect(() => {
    latest.current = fn;
  });
  useEffect(
    () => () => {
      if (handle.current !== null) window.clearTimeout(handle.current);
    },
    [],
  );
  return useCallback(() => {
    if (handle.current !== null) window.clearTimeout(handle.current);
    handle.current = window.setTimeout(() => {
      handle.current = null;
      latest.current();
    }, ms);
  }, [ms]);
}
