import { and, eq } from 'drizzle-orm';
import type { Locale } from '../../../../common/errors';
import { FIRST_LINE, MERGED_RESOLUTION } from '../../../../common/tickets';
import type { AppContext } from '../../../context';
import type { Executor, Tx } from '../../../db/connection';
import { departmentMembers, departments, resolutionCodes, staffUsers, tickets, type Priority } from '../../../db/schema';
import { AppError } from '../../../errors';
import { ownIssue } from '../../../issues';
import { recordAudit } from '../../../platform/audit';
import { emit, withTransaction } from '../../../platform/outbox';
import type { StaffScope } from '../../staff';
import { parseTicketNumber } from '../../../../common/ticket-numbers';
import { roomsOf } from '../rooms';
import { ticketsText } from '../tickets.messages';
import { authorize, type TicketAction } from '../tickets.policy';
import { appendMessage, insertMessage } from './append-message';
import { notifyCustomer } from './notify';
import { reopenRequest, transition, type NewAttachment, type Origin, type Ticket } from './shared';

/** Status moves made by staff commands are recorded as the system's, as the console always did. */
const SYSTEM = { kind: 'system' } as const;
const UNANSWERED = new Set(['new', 'reopened']);

/** The request for a staff action: 404 if this person may not see it, 403 if they may not work it (tickets.policy). */
export async function loadForWork(
  tx: Executor,
  scope: StaffScope,
  numberInput: string,
  options: { lock?: boolean; work?: boolean; action?: TicketAction } = {},
): Promise<Ticket> {
  const number = parseTicketNumber(numberInput);
  if (!number) throw new AppError('NOT_FOUND');
  const query = tx.select().from(tickets).where(eq(tickets.number, number)).limit(1);
  const [ticket] = options.lock ? await query.for('update') : await query;
  if (!ticket) throw new AppError('NOT_FOUND');
  authorize({ kind: 'staff', scope }, options.action ?? ((options.work ?? true) ? 'work' : 'view'), ticket);
  return ticket;
}

/** Who acts (a staff member's scope) and from where; the same for every channel a staff member uses. */
export type StaffActionContext = { ctx: AppContext; scope: StaffScope; meta: Origin };
type ActionContext = StaffActionContext;

/** One staff command: the change, a history (audit) row and an event named after it, in one transaction. */
async function act<T>(
  a: ActionContext,
  number: string,
  action: string,
  fn: (
    tx: Tx,
    ticket: Ticket,
  ) => Promise<{ data?: Record<string, unknown>; result?: T; extraDepartments?: Array<string | null> } | void>,
  permission: TicketAction,
): Promise<T | undefined> {
  return withTransaction(a.ctx, async (tx) => {
    const ticket = await loadForWork(tx, a.scope, number, { lock: true, action: permission });
    const out = (await fn(tx, ticket)) ?? {};
    await tx.update(tickets).set({ updatedAt: new Date() }).where(eq(tickets.id, ticket.id));
    await recordAudit(tx, {
      actor: { kind: 'staff', id: a.scope.id },
      action,
      entityType: 'ticket',
      entityId: ticket.id,
      ip: a.meta?.ip ?? null,
      requestId: a.meta?.requestId ?? null,
      // The number makes the audit entry a link to the request.
      data: { number: ticket.number, ...out.data },
    });
    await emit(tx, {
      type: action,
      aggregateType: 'ticket',
      aggregateId: ticket.id,
      payload: { rooms: roomsOf(ticket, out.extraDepartments) },
    });
    return out.result;
  });
}

const nobody = { assigneeId: null };

export async function take(a: ActionContext, number: string) {
  await act(
    a,
    number,
    'ticket.taken',
    async (tx, t) => {
      await tx.update(tickets).set({ assigneeId: a.scope.id }).where(eq(tickets.id, t.id));
      if (UNANSWERED.has(t.status)) await transition(tx, t, 'open', SYSTEM, a.meta);
      return { data: { from: t.assigneeId, to: a.scope.id } };
    },
    'take',
  );
}

export async function assign(a: ActionContext, number: string, staffId: string, reason?: string) {
  await act(
    a,
    number,
    'ticket.assigned',
    async (tx, t) => {
      const [member] = await tx
        .select({ id: staffUsers.id, name: staffUsers.name })
        .from(staffUsers)
        .innerJoin(departmentMembers, eq(departmentMembers.staffId, staffUsers.id))
        .where(
          and(
            eq(staffUsers.id, staffId),
            eq(staffUsers.active, true),
            eq(departmentMembers.departmentId, t.departmentId ?? '00000000-0000-0000-0000-000000000000'),
          ),
        )
        .limit(1);
      if (!member)
        throw new AppError('VALIDATION_FAILED', {
          issues: [ownIssue(['body', 'staffId'], 'console.not_a_member')],
        });
      await tx.update(tickets).set({ assigneeId: staffId }).where(eq(tickets.id, t.id));
      return { data: { from: t.assigneeId, to: staffId, toName: member.name, reason: reason ?? null } };
    },
    'assign',
  );
}

export async function transfer(a: ActionContext, number: string, departmentCode: string, reason: string) {
  await act(
    a,
    number,
    'ticket.transferred',
    async (tx, t) => {
      const [dep] = await tx
        .select()
        .from(departments)
        .where(and(eq(departments.code, departmentCode), eq(departments.active, true)))
        .limit(1);
      if (!dep)
        throw new AppError('VALIDATION_FAILED', { issues: [ownIssue(['body', 'departmentCode'], 'staff.no_department')] });
      if (dep.id === t.departmentId) throw new AppError('CONFLICT', { reason: 'same_department' });
      await tx
        .update(tickets)
        .set({ departmentId: dep.id, tier: 1, ...nobody })
        .where(eq(tickets.id, t.id));
      return { data: { from: t.departmentId, to: dep.id, toCode: dep.code, reason }, extraDepartments: [dep.id] };
    },
    'transfer',
  );
}

export async function escalate(a: ActionContext, number: string, reason: string) {
  await act(
    a,
    number,
    'ticket.escalated',
    async (tx, t) => {
      if (t.tier >= 3) throw new AppError('CONFLICT', { reason: 'highest_tier' });
      await tx
        .update(tickets)
        .set({ tier: t.tier + 1, ...nobody })
        .where(eq(tickets.id, t.id));
      return { data: { from: t.tier, to: t.tier + 1, reason } };
    },
    'escalate',
  );
}

export async function returnToFirstLine(a: ActionContext, number: string, reason: string) {
  await act(
    a,
    number,
    'ticket.returned',
    async (tx, t) => {
      const [dep] = await tx.select().from(departments).where(eq(departments.code, FIRST_LINE)).limit(1);
      if (!dep) throw new AppError('INTERNAL');
      if (dep.id === t.departmentId && t.tier === 1) throw new AppError('CONFLICT', { reason: 'already_first_line' });
      await tx
        .update(tickets)
        .set({ departmentId: dep.id, tier: 1, ...nobody })
        .where(eq(tickets.id, t.id));
      return { data: { from: t.departmentId, to: dep.id, reason }, extraDepartments: [dep.id] };
    },
    'return',
  );
}

export async function setPriority(a: ActionContext, number: string, priority: Priority, reason: string) {
  await act(
    a,
    number,
    'ticket.priority_changed',
    async (tx, t) => {
      if (t.priority === priority) throw new AppError('CONFLICT', { reason: 'same_priority' });
      await tx.update(tickets).set({ priority }).where(eq(tickets.id, t.id));
      return { data: { from: t.priority, to: priority, reason } };
    },
    'set_priority',
  );
}

/** Public answer (with files), or a question (`ask`: the request waits for the customer, SLA paused). */
export async function reply(
  a: ActionContext,
  number: string,
  body: string,
  files: NewAttachment[],
  kind: 'reply' | 'ask' = 'reply',
) {
  return act(
    a,
    number,
    kind === 'ask' ? 'ticket.question_asked' : 'ticket.answered',
    async (tx, t) => {
      const { messageId } = await appendMessage(tx, a.ctx, {
        ticket: t,
        author: { kind: 'staff', id: a.scope.id },
        visibility: 'public',
        body,
        files,
        source: 'web',
        asks: kind === 'ask',
        origin: a.meta,
      });
      return { data: { messageId }, result: messageId };
    },
    kind === 'ask' ? 'ask' : 'reply',
  );
}

/** A question to the customer (no files): the request waits for them and the SLA clock stops. */
export function askCustomer(a: ActionContext, number: string, body: string) {
  return reply(a, number, body, [], 'ask');
}

/** An internal note: for staff only. */
export async function note(a: ActionContext, number: string, body: string) {
  return act(
    a,
    number,
    'ticket.note_added',
    async (tx, t) => {
      const { messageId } = await appendMessage(tx, a.ctx, {
        ticket: t,
        author: { kind: 'staff', id: a.scope.id },
        visibility: 'internal',
        body,
        source: 'web',
        origin: a.meta,
      });
      return { data: { messageId }, result: messageId };
    },
    'note',
  );
}

export async function resolve(a: ActionContext, number: string, resolutionCode: string, body?: string) {
  await act(
    a,
    number,
    'ticket.resolved',
    async (tx, t) => {
      const [code] = await tx
        .select()
        .from(resolutionCodes)
        .where(and(eq(resolutionCodes.code, resolutionCode), eq(resolutionCodes.active, true)))
        .limit(1);
      if (!code)
        throw new AppError('VALIDATION_FAILED', {
          issues: [ownIssue(['body', 'resolutionCode'], 'console.unknown_resolution')],
        });
      const final = body
        ? await insertMessage(tx, a.ctx.cipher, t.id, { author: { kind: 'staff', id: a.scope.id }, body })
        : null;
      const finalMessageId = final?.id ?? null;
      const now = new Date();
      // One mail: "resolved" with the final answer in it (a portal-only customer gets the short notice when there is an answer).
      await notifyCustomer(a.ctx, tx, t, {
        kind: 'resolved',
        key: finalMessageId ? `message:${finalMessageId}` : `ticket:${t.id}:resolved:${now.toISOString()}`,
        body: final?.body ?? null,
      });
      await transition(tx, t, 'resolved', SYSTEM, a.meta, {
        resolvedAt: now,
        resolutionCode,
        firstRespondedAt: t.firstRespondedAt ?? (body ? now : null),
        slaPausedAt: null,
        slaRemainingMinutes: null,
      });
      return { data: { resolutionCode } };
    },
    'resolve',
  );
}

/** Back in work after a solution (staff): a new resolution target; the customer is told. */
export async function reopen(a: ActionContext, number: string, reason: string) {
  await act(
    a,
    number,
    'ticket.reopened_by_staff',
    async (tx, t) => {
      const due = await reopenRequest(tx, t, SYSTEM, a.meta, true);
      // The reason is for staff (history); the customer hears only that work goes on, and by when.
      await notifyCustomer(a.ctx, tx, t, {
        kind: 'reopened',
        key: `ticket:${t.id}:reopened:${new Date().toISOString()}`,
        expectedBy: due?.resolutionDueAt ?? null,
      });
      return { data: { reason } };
    },
    'reopen',
  );
}

/** Merges a duplicate into another request: the duplicate is resolved and the customer is told where the conversation goes on. */
export async function merge(a: ActionContext, number: string, intoNumber: string, reason: string) {
  await act(
    a,
    number,
    'ticket.merged',
    async (tx, t) => {
      const target = await loadForWork(tx, a.scope, intoNumber, { lock: true, action: 'merge' });
      if (target.id === t.id) throw new AppError('CONFLICT', { reason: 'merge_into_itself' });
      if (['resolved', 'archived'].includes(target.status)) throw new AppError('CONFLICT', { reason: 'target_closed' });
      const locale = t.locale as Locale;
      const told = ticketsText(locale, 'tickets.merged', { number: target.number });
      await insertMessage(tx, a.ctx.cipher, t.id, { author: SYSTEM, body: told });
      await insertMessage(tx, a.ctx.cipher, target.id, {
        author: SYSTEM,
        body: `${t.number} → ${target.number}: ${reason}`,
        internal: true,
      });
      await transition(tx, t, 'resolved', SYSTEM, a.meta, {
        resolvedAt: new Date(),
        resolutionCode: MERGED_RESOLUTION,
        mergedIntoId: target.id,
      });
      return { data: { into: target.id, intoNumber: target.number, reason } };
    },
    'merge',
  );
}
