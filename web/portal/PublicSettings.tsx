import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { fetchPublicSettings, type PublicSettings } from '../api/help';

export type SettingsState =
  { status: 'loading' } | { status: 'error'; error: unknown; retry(): void } | { status: 'ready'; data: PublicSettings };

const SettingsContext = createContext<SettingsState>({ status: 'loading' });

/** Branding and contacts, fetched once per page load and shared by every portal component. */
export function PublicSettingsProvider({ children }: { children: ReactNode }) {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<SettingsState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    fetchPublicSettings({ signal: controller.signal }).then(
      (data) => setState({ status: 'ready', data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error, retry: () => setAttempt((n) => n + 1) });
      },
    );
    return () => controller.abort();
  }, [attempt]);
  return <SettingsContext.Provider value={state}>{children}</SettingsContext.Provider>;
}

export function usePublicSettings(): SettingsState {
  return useContext(SettingsContext);
}
