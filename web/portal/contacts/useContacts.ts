import type { Contacts, HotlineAudience } from '../../../common/settings';
import { usePublicSettings } from '../PublicSettings';

export type Hotline = Contacts['hotlines'][number];

/** The hotlines of some audiences from the public settings (empty while loading or on error). */
export function useHotlines(audiences: readonly HotlineAudience[]): Hotline[] {
  const settings = usePublicSettings();
  if (settings.status !== 'ready') return [];
  return settings.data.contacts.hotlines.filter((line) => audiences.includes(line.audience));
}
