import { and, eq } from 'drizzle-orm';
import type { Locale } from '../../../common/errors';
import { MERGED_RESOLUTION } from '../../../common/tickets';
import type { AppContext, RequestMeta } from '../../context';
import type { Tx } from '../../db/connection';
import {
  attachments,
  customers,
  departmentMembers,
  departments,
  resolutionCodes,
  staffUsers,
  ticketMessages,
  tickets,
  type Priority,
} from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../../platform/audit';
import type { Upload } from '../../platform/files/multipart';
import { emit, withTransaction } from '../../platform/outbox';
import { queueTemplateMail } from '../mail/mail.service';
import type { MailTemplate } from '../mail/templates';
import { announceDue, computeDue, loadPolicy } from '../sla/sla.service';
import { FIRST_LINE, canAssignOthers, canSee, canWork, type StaffScope } from '../staff/staff.policy';
import { changeStatus } from '../tickets/follow.service';
import { roomsOf } from '../tickets/rooms';
import { parseTicketNumber } from '../tickets/numbers';
import { ownIssue } from '../../issues';

type Ticket = typeof tickets.$inferSelect;
const UNANSWERED = new Set(['new', 'reopened']);

/** The request for a staff action: 404 if this person may not see it, 403 if they may not work it. */
export async function loadForWork(
  tx: Tx | AppContext['db'],
  scope: StaffScope,
  numberInput: string,
  options: { lock?: boolean; work?: boolean } = {},
): Promise<Ticket> {
  const number = parseTicketNumber(numberInput);
  if (!number) throw new AppError('NOT_FOUND');
  const query = tx.select().from(tickets).where(eq(tickets.number, number)).limit(1);
  const [ticket] = options.lock ? await query.for('update') : await query;
  if (!ticket || ticket.status === 'unconfirmed' || ticket.status === 'expired' || !canSee(scope, ticket))
    throw new AppError('NOT_FOUND');
  if ((options.work ?? true) && !canWork(scope, ticket)) throw new AppError('FORBIDDEN');
  return ticket;
}

type ActionContext = { ctx: AppContext; scope: StaffScope; meta: RequestMeta };

/** One staff action: the change, a history (audit) row and an event, in one transaction. */
async function act<T>(
  a: ActionContext,
  number: string,
  action: string,
  fn: (
    tx: Tx,
    ticket: Ticket,
  ) => Promise<{ data?: Record<string, unknown>; result?: T; extraDepartments?: Array<string | null> } | void>,
  options: { work?: boolean } = {},
): Promise<T | undefined> {
  return withTransaction(a.ctx, async (tx) => {
    const ticket = await loadForWork(tx, a.scope, number, { lock: true, work: options.work ?? true });
    const out = (await fn(tx, ticket)) ?? {};
    await tx.update(tickets).set({ updatedAt: new Date() }).where(eq(tickets.id, ticket.id));
    await recordAudit(tx, {
      actor: { kind: 'staff', id: a.scope.id },
      action,
      entityType: 'ticket',
      entityId: ticket.id,
      ip: a.meta.ip,
      requestId: a.meta.requestId,
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
  await act(a, number, 'ticket.taken', async (tx, t) => {
    await tx.update(tickets).set({ assigneeId: a.scope.id }).where(eq(tickets.id, t.id));
    if (UNANSWERED.has(t.status)) await changeStatus(tx, t, 'open', null, a.meta);
    return { data: { from: t.assigneeId, to: a.scope.id } };
  });
}

export async function assign(a: ActionContext, number: string, staffId: string, reason?: string) {
  await act(a, number, 'ticket.assigned', async (tx, t) => {
    if (!canAssignOthers(a.scope, t)) throw new AppError('FORBIDDEN');
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
  });
}

export async function transfer(a: ActionContext, number: string, departmentCode: string, reason: string) {
  await act(a, number, 'ticket.transferred', async (tx, t) => {
    const [dep] = await tx
      .select()
      .from(departments)
      .where(and(eq(departments.code, departmentCode), eq(departments.active, true)))
      .limit(1);
    if (!dep) throw new AppError('VALIDATION_FAILED', { issues: [ownIssue(['body', 'departmentCode'], 'staff.no_department')] });
    if (dep.id === t.departmentId) throw new AppError('CONFLICT', { reason: 'same_department' });
    await tx
      .update(tickets)
      .set({ departmentId: dep.id, tier: 1, ...nobody })
      .where(eq(tickets.id, t.id));
    return { data: { from: t.departmentId, to: dep.id, toCode: dep.code, reason }, extraDepartments: [dep.id] };
  });
}

export async function escalate(a: ActionContext, number: string, reason: string) {
  await act(a, number, 'ticket.escalated', async (tx, t) => {
    if (t.tier >= 3) throw new AppError('CONFLICT', { reason: 'highest_tier' });
    await tx
      .update(tickets)
      .set({ tier: t.tier + 1, ...nobody })
      .where(eq(tickets.id, t.id));
    return { data: { from: t.tier, to: t.tier + 1, reason } };
  });
}

export async function returnToFirstLine(a: ActionContext, number: string, reason: string) {
  await act(a, number, 'ticket.returned', async (tx, t) => {
    const [dep] = await tx.select().from(departments).where(eq(departments.code, FIRST_LINE)).limit(1);
    if (!dep) throw new AppError('INTERNAL');
    if (dep.id === t.departmentId && t.tier === 1) throw new AppError('CONFLICT', { reason: 'already_first_line' });
    await tx
      .update(tickets)
      .set({ departmentId: dep.id, tier: 1, ...nobody })
      .where(eq(tickets.id, t.id));
    return { data: { from: t.departmentId, to: dep.id, reason }, extraDepartments: [dep.id] };
  });
}

export async function setPriority(a: ActionContext, number: string, priority: Priority, reason: string) {
  await act(a, number, 'ticket.priority_changed', async (tx, t) => {
    if (t.priority === priority) throw new AppError('CONFLICT', { reason: 'same_priority' });
    await tx.update(tickets).set({ priority }).where(eq(tickets.id, t.id));
    return { data: { from: t.priority, to: priority, reason } };
  });
}

/** Public answer (with files); the first one stops the first-response clock. The customer is told. */
export async function reply(a: ActionContext, number: string, body: string, uploads: Upload[], kind: 'reply' | 'ask' = 'reply') {
  return act(a, number, kind === 'ask' ? 'ticket.question_asked' : 'ticket.answered', async (tx, t) => {
    if (t.status === 'resolved' || t.status === 'archived')
      throw new AppError('CONFLICT', { reason: 'closed', status: t.status });
    const [message] = await tx
      .insert(ticketMessages)
      .values({ ticketId: t.id, authorKind: 'staff', authorId: a.scope.id, body, channel: 'web' })
      .returning();
    if (!message) throw new AppError('INTERNAL');
    if (uploads.length > 0) {
      await tx.insert(attachments).values(
        uploads.map((u) => ({
          ticketId: t.id,
          messageId: message.id,
          name: u.name,
          size: u.stored.size,
          contentType: u.stored.contentType,
          storageKey: u.stored.key,
          sha256: u.stored.sha256,
        })),
      );
    }
    if (!t.firstRespondedAt) await tx.update(tickets).set({ firstRespondedAt: new Date() }).where(eq(tickets.id, t.id));
    let current = t;
    if (UNANSWERED.has(t.status)) {
      await changeStatus(tx, t, 'open', null, a.meta);
      current = { ...t, status: 'open' };
    }
    if (kind === 'ask' && current.status !== 'pending_customer')
      await changeStatus(tx, current, 'pending_customer', null, a.meta);
    await notifyCustomer(a.ctx, tx, t, {
      kind: kind === 'ask' ? 'question' : 'answer',
      key: `message:${message.id}`,
      body,
    });
    return { data: { messageId: message.id }, result: message.id };
  });
}

export async function note(a: ActionContext, number: string, body: string) {
  return act(a, number, 'ticket.note_added', async (tx, t) => {
    const [message] = await tx
      .insert(ticketMessages)
      .values({ ticketId: t.id, authorKind: 'staff', authorId: a.scope.id, body, internal: true })
      .returning({ id: ticketMessages.id });
    return { data: { messageId: message?.id }, result: message?.id };
  });
}

export async function resolve(a: ActionContext, number: string, resolutionCode: string, body?: string) {
  await act(a, number, 'ticket.resolved', async (tx, t) => {
    const [code] = await tx
      .select()
      .from(resolutionCodes)
      .where(and(eq(resolutionCodes.code, resolutionCode), eq(resolutionCodes.active, true)))
      .limit(1);
    if (!code)
      throw new AppError('VALIDATION_FAILED', {
        issues: [ownIssue(['body', 'resolutionCode'], 'console.unknown_resolution')],
      });
    let finalMessageId: string | null = null;
    if (body) {
      const [m] = await tx
        .insert(ticketMessages)
        .values({ ticketId: t.id, authorKind: 'staff', authorId: a.scope.id, body })
        .returning({ id: ticketMessages.id });
      finalMessageId = m?.id ?? null;
    }
    const now = new Date();
    // One mail: "resolved" with the final answer in it (a portal-only customer gets the short notice when there is an answer).
    await notifyCustomer(a.ctx, tx, t, {
      kind: 'resolved',
      key: finalMessageId ? `message:${finalMessageId}` : `ticket:${t.id}:resolved:${now.toISOString()}`,
      body: body ?? null,
    });
    await changeStatus(tx, t, 'resolved', null, a.meta, {
      resolvedAt: now,
      resolutionCode,
      firstRespondedAt: t.firstRespondedAt ?? (body ? now : null),
      slaPausedAt: null,
      slaRemainingMinutes: null,
    });
    return { data: { resolutionCode } };
  });
}

export async function reopenByStaff(a: ActionContext, number: string, reason: string) {
  await act(a, number, 'ticket.reopened_by_staff', async (tx, t) => {
    const policy = t.slaPolicyId ? await loadPolicy(tx, t.slaPolicyId) : null;
    const due = policy ? computeDue(policy, new Date()) : null;
    await changeStatus(tx, t, 'reopened', null, a.meta, {
      resolvedAt: null,
      archivedAt: null,
      resolutionCode: null,
      atRiskAt: null,
      breachedAt: null,
      resolutionDueAt: due?.resolutionDueAt ?? null,
    });
    if (due) await announceDue(tx, t.id, { resolutionDueAt: due.resolutionDueAt, resolutionAtRiskAt: due.resolutionAtRiskAt });
    // The reason is for staff (history); the customer hears only that work goes on, and by when.
    await notifyCustomer(a.ctx, tx, t, {
      kind: 'reopened',
      key: `ticket:${t.id}:reopened:${new Date().toISOString()}`,
      expectedBy: due?.resolutionDueAt ?? null,
    });
    return { data: { reason } };
  });
}

/** Merges a duplicate into another request: the duplicate is resolved and the customer is told where the conversation goes on. */
export async function merge(a: ActionContext, number: string, intoNumber: string, reason: string) {
  await act(a, number, 'ticket.merged', async (tx, t) => {
    const target = await loadForWork(tx, a.scope, intoNumber, { lock: true });
    if (target.id === t.id) throw new AppError('CONFLICT', { reason: 'merge_into_itself' });
    if (['resolved', 'archived'].includes(target.status)) throw new AppError('CONFLICT', { reason: 'target_closed' });
    const locale = t.locale as Locale;
    const told = {
      ru: `Обращение объединено с обращением ${target.number}: переписка продолжится там.`,
      uk: `Звернення об’єднано зі зверненням ${target.number}: листування продовжиться там.`,
      en: `This request was merged into ${target.number}; the conversation continues there.`,
    }[locale];
    await tx.insert(ticketMessages).values({ ticketId: t.id, authorKind: 'system', body: told });
    await tx
      .insert(ticketMessages)
      .values({ ticketId: target.id, authorKind: 'system', body: `${t.number} → ${target.number}: ${reason}`, internal: true });
    await changeStatus(tx, t, 'resolved', null, a.meta, {
      resolvedAt: new Date(),
      resolutionCode: MERGED_RESOLUTION,
      mergedIntoId: target.id,
    });
    return { data: { into: target.id, intoNumber: target.number, reason } };
  });
}

type CustomerNotice = {
  kind: 'answer' | 'question' | 'resolved' | 'reopened';
  /** Dedupe key of the mail (the message id for texts). */
  key: string;
  /** The operator's text, when there is one. */
  body?: string | null;
  expectedBy?: Date | null;
};

const FULL_TEMPLATE: Record<CustomerNotice['kind'], MailTemplate> = {
  answer: 'ticket.new_answer',
  question: 'ticket.question',
  resolved: 'ticket.resolved',
  reopened: 'ticket.reopened',
};

/**
 * Tells the customer by mail, honouring the request's reply channel (docs/MAIL.md):
 * `email` → the whole text (answer, question, final answer) or the status change;
 * `portal` → only a short "new answer in your personal section" notice for a text, unless the
 * customer turned those notices off (guests cannot: their mail is their only way back).
 * Internal notes never come here.
 */
async function notifyCustomer(ctx: AppContext, tx: Tx, t: Ticket, notice: CustomerNotice) {
  let to = t.guestEmail;
  let notices = true;
  if (!to && t.customerId) {
    const [c] = await tx
      .select({ email: customers.email, answerNotices: customers.answerNotices })
      .from(customers)
      .where(eq(customers.id, t.customerId))
      .limit(1);
    to = c?.email ?? null;
    notices = c?.answerNotices ?? true;
  }
  if (!to) return; // a customer known by phone only: the personal section is the channel
  let template: MailTemplate;
  if (t.replyChannel === 'email') template = FULL_TEMPLATE[notice.kind];
  else if (notice.body && (notices || !t.customerId)) template = 'ticket.answer_notice';
  else return;
  await queueTemplateMail(tx, ctx.config, {
    template,
    locale: t.locale as Locale,
    to,
    ticketId: t.id,
    dedupeKey: template === 'ticket.answer_notice' ? `${notice.key}:notice` : notice.key,
    vars: {
      number: t.number,
      url: `${ctx.config.publicUrl}/requests/${t.number}`,
      body: template === 'ticket.answer_notice' ? null : (notice.body ?? null),
      expectedBy: notice.expectedBy ?? null,
    },
  });
}
