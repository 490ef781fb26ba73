import { useCallback, useId, useState } from 'react';
import { useApiQuery } from '../../api/query';
import type { FormEvent } from 'react';
import { fetchAssignees, PRIORITIES, RESOLUTION_CODES, runTicketAction } from '../../api/console';
import type { Assignee, Priority, TicketAction, Workspace } from '../../api/console';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/catalogues';
import { useLocalize } from '../../i18n/useLocalize';
import { Alert } from '../../ui/Alert';
import { Dialog } from '../../ui/Dialog';
import { Select, TextArea, TextField } from '../../ui/fields';
import { useConsoleData } from '../ConsoleData';
import { actionError, reasonProblem } from './actions';
import type { DialogAction } from './actions';
import { resolutionName } from './history';

const TITLES: Record<DialogAction, MessageKey> = {
  assign: 'console.do.assign',
  transfer: 'console.do.transfer',
  escalate: 'console.do.escalate',
  return: 'console.do.return',
  priority: 'console.do.priority',
  merge: 'console.do.merge',
  resolve: 'console.do.resolve',
  reopen: 'console.do.reopen',
};

const HINTS: Partial<Record<DialogAction, MessageKey>> = {
  assign: 'console.do.assignHint',
  escalate: 'console.do.escalateHint',
  return: 'console.do.returnHint',
  merge: 'console.do.mergeHint',
  resolve: 'console.do.resolveHint',
};

type People = { status: 'idle' | 'loading' | 'error' } | { status: 'ready'; items: Assignee[] };

/** The colleagues a request can be assigned to, loaded when the assign dialog opens. */
function useAssignees(number: string | null): People {
  const load = useCallback((signal: AbortSignal) => fetchAssignees(number ?? '', signal), [number]);
  const { loaded } = useApiQuery('console.assignees', number, load);
  if (!number) return { status: 'idle' };
  return loaded.status === 'ready' ? { status: 'ready', items: loaded.data } : { status: loaded.status };
}

type Props = { action: DialogAction; ws: Workspace; onClose: () => void; onDone: () => void };

/** The small form of one action: its choice (department, priority, number, code) and the reason. */
export function ActionDialog({ action, ws, onClose, onDone }: Props) {
  const t = useT();
  const l = useLocalize();
  const id = useId();
  const { departments } = useConsoleData();
  // The departments come from the server (ConsoleData); until they are read the choice is empty.
  const departmentOptions = (departments ?? [])
    .filter((d) => d.active && d.code !== ws.department?.code)
    .map((d) => ({ code: d.code, name: l(d.name) }));
  const [department, setDepartment] = useState('');
  const [priority, setPriority] = useState<Priority>(PRIORITIES.find((p) => p !== ws.priority) ?? 'normal');
  const [into, setInto] = useState('');
  const [code, setCode] = useState('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Assigning within the department needs no reason (it is optional); resolving has a code instead.
  const needsReason = action !== 'resolve' && action !== 'assign';
  const people = useAssignees(action === 'assign' ? ws.number : null);
  const [assignee, setAssignee] = useState('');

  const build = (): TicketAction | Record<string, string> => {
    const found: Record<string, string> = {};
    const why = reason.trim();
    if (needsReason) {
      const p = reasonProblem(reason, t);
      if (p) found.reason = p;
    }
    if (action === 'transfer' && !department) found.department = t('console.do.pickDepartment');
    if (action === 'assign' && !assignee) found.assignee = t('console.do.pickPerson');
    if (action === 'merge' && !into.trim()) found.into = t('console.do.pickNumber');
    if (action === 'resolve' && !code) found.code = t('console.do.pickResolution');
    if (Object.keys(found).length) return found;
    switch (action) {
      case 'assign':
        return { kind: 'assign', staffId: assignee, ...(why ? { reason: why } : {}) };
      case 'transfer':
        return { kind: 'transfer', departmentCode: department, reason: why };
      case 'priority':
        return { kind: 'priority', priority, reason: why };
      case 'merge':
        return { kind: 'merge', into: into.trim(), reason: why };
      case 'resolve':
        return { kind: 'resolve', resolutionCode: code, ...(message.trim() ? { body: message.trim() } : {}) };
      default:
        return { kind: action, reason: why };
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const built = build();
    if (!('kind' in built)) {
      setProblems(built);
      return;
    }
    setProblems({});
    setFailure(null);
    setBusy(true);
    try {
      await runTicketAction(ws.number, built as TicketAction);
      onDone();
    } catch (error) {
      setFailure(actionError(error, t));
      setBusy(false);
    }
  };

  /** The frame's props of one field: its id, label and problem. */
  const frame = (key: string, label: string) => ({ look: 'compact' as const, id: `${id}-${key}`, label, error: problems[key] });
  const hint = HINTS[action];

  return (
    <Dialog open title={t(TITLES[action])} onClose={onClose}>
      <form className="dialog-form" onSubmit={(e) => void submit(e)} noValidate>
        {hint && <p className="dialog-form__hint">{t(hint)}</p>}
        {failure && <Alert tone="error">{failure}</Alert>}
        {action === 'assign' && (
          <Select
            {...frame('assignee', t('console.do.person'))}
            hint={
              people.status === 'error'
                ? t('console.do.peopleFailed')
                : people.status === 'ready' && people.items.length === 0
                  ? t('console.do.noPeople')
                  : undefined
            }
            value={assignee}
            disabled={people.status !== 'ready'}
            onChange={(value) => {
              setAssignee(value);
              setProblems(({ assignee: _gone, ...rest }) => rest);
            }}
            options={[
              ['', people.status === 'loading' ? t('console.do.loadingPeople') : t('console.do.choose')],
              ...(people.status === 'ready' ? people.items : []).map(
                (p) =>
                  [
                    p.id,
                    `${t('console.do.personOption', { name: p.name, tier: p.tier })}${p.current ? ` — ${t('console.do.personCurrent')}` : ''}`,
                    p.current,
                  ] as const,
              ),
            ]}
          />
        )}
        {action === 'transfer' && (
          <Select
            {...frame('department', t('console.do.department'))}
            value={department}
            onChange={setDepartment}
            options={[['', t('console.do.choose')], ...departmentOptions.map((d) => [d.code, d.name] as const)]}
          />
        )}
        {action === 'priority' && (
          <Select
            {...frame('priority', t('console.do.newPriority'))}
            value={priority}
            onChange={setPriority}
            options={PRIORITIES.map((p) => [p, t(`console.priority.${p}`), p === ws.priority] as const)}
          />
        )}
        {action === 'merge' && (
          <TextField
            {...frame('into', t('console.do.mergeInto'))}
            value={into}
            placeholder={t('console.numberExample')}
            onChange={(e) => setInto(e.target.value)}
          />
        )}
        {action === 'resolve' && (
          <Select
            {...frame('code', t('console.do.resolution'))}
            value={code}
            onChange={setCode}
            options={[['', t('console.do.choose')], ...RESOLUTION_CODES.map((c) => [c, resolutionName(c, t)] as const)]}
          />
        )}
        {action === 'resolve' && (
          <TextArea
            {...frame('message', t('console.do.resolveMessage'))}
            hint={t('console.do.resolveMessageHint')}
            rows={4}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
          />
        )}
        {(needsReason || action === 'assign') && (
          <TextArea
            {...frame('reason', needsReason ? t('console.do.reason') : t('console.do.reasonOptional'))}
            rows={3}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
        <div className="dialog-form__buttons">
          <button type="button" className="button button--ghost button--small" onClick={onClose}>
            {t('console.cancel')}
          </button>
          <button type="submit" className="button button--primary button--small" disabled={busy}>
            {busy ? t('console.saving') : t(TITLES[action])}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
