import type { MessageKey } from '../i18n/catalogues';

export type Hotline = {
  audience: MessageKey;
  /** As printed. */
  display: string;
  /** For the tel: link. */
  tel: string;
};

// Fictional demo numbers of the shape the seeds give for the customer and agent lines (S0, S1).
// They move to the contacts capability (edited by admins, served by the API) when it exists.
export const HOTLINES: readonly Hotline[] = [
  { audience: 'portal.hotline.customers', display: '8 800 000-00-01', tel: '+78000000001' },
  { audience: 'portal.hotline.agents', display: '8 800 000-00-02', tel: '+78000000002' },
];
