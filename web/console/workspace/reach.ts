import type { Workspace } from '../../api/console';
import type { Translate } from '../../i18n/I18nProvider';

type T = Translate;

/** Said before sending when the answer will not reach the customer by mail (or at all). */
export function reachWarning(ws: Workspace, t: T): string | null {
  if (!ws.reach.portal && ws.reach.mail === 'none') return t('console.composer.reach.warn');
  if (ws.reach.mail === 'none') return t('console.composer.reach.warnPortal');
  return null;
}

/** Where the answer went, said after sending (the rule of console.actions notifyCustomer). */
export function reachSent(ws: Workspace, t: T): string {
  const { portal, email, mail } = ws.reach;
  if (email && mail === 'full')
    return t('console.composer.reach.full', { email, portal: portal ? t('console.composer.reach.portalSuffix') : '' });
  if (email && mail === 'notice' && portal) return t('console.composer.reach.notice', { email });
  if (email && mail === 'notice') return t('console.composer.reach.full', { email, portal: '' });
  return portal ? t('console.composer.reach.portalOnly') : t('console.composer.reach.nowhere');
}
