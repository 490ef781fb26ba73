import { useState } from 'react';
import type { Me } from '../../api/auth';
import { runTicketAction } from '../../api/console';
import type { Workspace } from '../../api/console';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/catalogues';
import { Alert } from '../../ui/Alert';
import { ActionDialog } from './ActionDialog';
import { actionError, availableActions } from './actions';
import type { DialogAction } from './actions';

const BUTTONS: ReadonlyArray<{ action: DialogAction; label: MessageKey; tone?: 'primary' }> = [
  { action: 'assign', label: 'console.do.assign' },
  { action: 'transfer', label: 'console.do.transfer' },
  { action: 'escalate', label: 'console.do.escalate' },
  { action: 'return', label: 'console.do.return' },
  { action: 'priority', label: 'console.do.priority' },
  { action: 'merge', label: 'console.do.merge' },
  { action: 'resolve', label: 'console.do.resolve', tone: 'primary' },
  { action: 'reopen', label: 'console.do.reopen', tone: 'primary' },
];

type Props = { ws: Workspace; me: Me; onChanged: () => void };

/** Take, transfer, escalate, return, priority, merge, resolve, reopen — each but "take" behind a small dialog. */
export function ActionBar({ ws, me, onChanged }: Props) {
  const t = useT();
  const [open, setOpen] = useState<DialogAction | null>(null);
  const [taking, setTaking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const can = availableActions(ws, me.user.id);

  const take = async () => {
    if (taking) return;
    setTaking(true);
    setError(null);
    try {
      await runTicketAction(ws.number, { kind: 'take' });
      onChanged();
    } catch (e) {
      setError(actionError(e, t));
    } finally {
      setTaking(false);
    }
  };

  return (
    <div className="ws-actions">
      <div className="ws-actions__bar" role="toolbar" aria-label={t('console.do.label')}>
        {can.take && (
          <button type="button" className="button button--primary button--small" onClick={() => void take()} disabled={taking}>
            {ws.assignee ? t('console.do.takeOver') : t('console.do.take')}
          </button>
        )}
        {BUTTONS.filter((b) => can[b.action]).map((b) => (
          <button
            key={b.action}
            type="button"
            className={`button button--small ${b.tone === 'primary' ? 'button--success' : 'button--ghost'}`}
            onClick={() => {
              setError(null);
              setOpen(b.action);
            }}
          >
            {t(b.label)}
          </button>
        ))}
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      {open && (
        <ActionDialog
          action={open}
          ws={ws}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            onChanged();
          }}
        />
      )}
    </div>
  );
}
