import { FIRST_LINE } from '../../../common/tickets';
import type { Workspace } from '../../api/console';
import { ApiError } from '../../api/client';
import { isMessageKey } from '../../i18n/catalogues';
import type { Translate } from '../../i18n/I18nProvider';
import { describeError } from '../../ui/errorMessage';

/** The actions that open a dialog (take runs at once). */
export type DialogAction = 'assign' | 'transfer' | 'escalate' | 'return' | 'priority' | 'merge' | 'resolve' | 'reopen';

export const MIN_REASON = 3;

const CLOSED = new Set(['resolved', 'archived', 'expired', 'unconfirmed']);

/** Whether the request is closed for answers (solved, archived, never confirmed). */
export function isClosed(ws: Pick<Workspace, 'status'>): boolean {
  return CLOSED.has(ws.status);
}

type Available = { take: boolean } & Record<DialogAction, boolean>;

/** Which actions make sense now (the server still decides; `can.work` false hides them all). */
export function availableActions(ws: Workspace, selfId: string): Available {
  if (!ws.can.work) {
    return {
      take: false,
      assign: false,
      transfer: false,
      escalate: false,
      return: false,
      priority: false,
      merge: false,
      resolve: false,
      reopen: false,
    };
  }
  const closed = isClosed(ws);
  const open = !closed;
  return {
    take: open && ws.assignee?.id !== selfId,
    assign: open && ws.can.assign,
    transfer: open,
    escalate: open && ws.tier < 3,
    return: open && !(ws.department?.code === FIRST_LINE && ws.tier === 1),
    priority: open,
    merge: open,
    resolve: open,
    reopen: ws.status === 'resolved' || ws.status === 'archived',
  };
}

/** A reason is required (at least three characters) where the API asks for one. */
export function reasonProblem(reason: string, t: Translate): string | null {
  const length = reason.trim().length;
  if (length === 0) return t('console.action.reasonMissing');
  if (length < MIN_REASON) return t('console.action.reasonShort', { n: MIN_REASON });
  return null;
}

/** An action's failure: the conflict's own reason when the server names one, else the error code's message. */
export function actionError(error: unknown, t: Translate): string {
  if (error instanceof ApiError && error.code === 'CONFLICT') {
    const reason = error.details.reason;
    const key = `console.conflict.${typeof reason === 'string' ? reason : ''}`;
    if (isMessageKey(key)) return t(key);
  }
  if (error instanceof ApiError && error.status === 404) return t('console.problem.notFoundText');
  if (error instanceof ApiError && error.status === 403) return t('console.problem.forbiddenAction');
  return describeError(error, t);
}
