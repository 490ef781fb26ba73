import { useCallback, useEffect, useState } from 'react';

export type Loaded<T> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: T };

/**
 * Runs `load` whenever `key` changes (and on `reload()`), keeping the last answer; answers of
 * superseded runs are dropped. `load` should be stable for a given key.
 */
export function useLoader<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>) {
  const [state, setState] = useState<{ key: string | null; loaded: Loaded<T> }>({ key, loaded: { status: 'loading' } });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ key, loaded: { status: 'ready', data } });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ key, loaded: { status: 'error', error } });
      },
    );
    return () => controller.abort();
    // `load` is keyed by `key` on purpose: callers build it inline.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  /** Replaces the data in place (e.g. with a mutation's answer). */
  const replace = useCallback((data: T) => setState((prev) => ({ key: prev.key, loaded: { status: 'ready', data } })), []);

  // A new key shows "loading" at once rather than the previous key's data.
  const loaded: Loaded<T> = key === null || state.key !== key ? { status: 'loading' } : state.loaded;
  return { loaded, reload, replace };
}
