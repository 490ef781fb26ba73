import { useCallback } from 'react';
import type { Workspace } from '../../api/console';
import { useT } from '../../i18n/I18nProvider';
import { useLocalize } from '../../i18n/useLocalize';
import { useApiQuery } from '../../api/query';
import { fetchMailOrigin } from '../admin/mailboxes/api';

/**
 * For a request that came in by e-mail: how its category was recognised from the letter
 * ("Распознано по содержанию: …, уверенность 72 %") and whether letters came from another address.
 */
export function MailOriginBadge({ ws }: { ws: Workspace }) {
  const t = useT();
  const l = useLocalize();
  const load = useCallback((signal: AbortSignal) => fetchMailOrigin(ws.number, signal), [ws.number]);
  const { loaded } = useApiQuery(
    'console.workspace.MailOriginBadge',
    ws.channel === 'email' ? `mail-origin:${ws.number}:${ws.updatedAt}` : null,
    load,
  );
  if (ws.channel !== 'email' || loaded.status !== 'ready') return null;
  const { routing, otherSenderLetters } = loaded.data;
  const leaf = ws.category.path.at(-1);
  const percent = routing ? Math.round(routing.confidence * 100) : 0;
  if (!routing && otherSenderLetters === 0) return null;
  return (
    <p className="ws-hint" role="note" data-testid="mail-origin">
      {routing && routing.confident && leaf && routing.categoryId === ws.category.id && (
        <span className="badge">{t('mailIn.badge', { category: l(leaf.name), percent })}</span>
      )}
      {routing && !routing.confident && <span className="badge">{t('mailIn.badgeLow', { percent })}</span>}
      {otherSenderLetters > 0 && <span className="badge"> {t('mailIn.otherSender', { count: otherSenderLetters })}</span>}
    </p>
  );
}
