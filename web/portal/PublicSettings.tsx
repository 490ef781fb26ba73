import { useQuery } from '@tanstack/react-query';
import { fetchPublicSettings, type PublicSettings } from '../api/help';

export type SettingsState =
  { status: 'loading' } | { status: 'error'; error: unknown; retry(): void } | { status: 'ready'; data: PublicSettings };

/** Branding and contacts: read once per page load and shared (one cached query) by every portal component. */
export function usePublicSettings(): SettingsState {
  const query = useQuery({
    queryKey: ['portal.settings'],
    queryFn: ({ signal }) => fetchPublicSettings({ signal }),
    staleTime: Infinity,
  });
  if (query.isSuccess) return { status: 'ready', data: query.data };
  if (query.isError) return { status: 'error', error: query.error, retry: () => void query.refetch() };
  return { status: 'loading' };
}
