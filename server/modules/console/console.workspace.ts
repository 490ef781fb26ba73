import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Locale } from '../../../common/errors';
import type { FormDef } from '../../../common/forms/types';
import type { AppContext, RequestMeta } from '../../context';
import {
  attachments,
  auditLog,
  cannedAnswers,
  categories,
  customers,
  departmentMembers,
  departments,
  forms,
  staffUsers,
  ticketMessages,
  tickets,
} from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../../platform/audit';
import { emit, withTransaction } from '../../platform/outbox';
import { normalizePhone } from '../../../common/forms/validate';
import { categoryPath, displayValue } from '../tickets/tickets.presenter';
import { canAssignOthers, canReveal, canWork, type StaffScope } from '../staff/staff.policy';
import { roomsOf } from '../tickets/rooms';
import { loadForWork } from './console.actions';

/** Leaves whose money went missing: the seeds' order is technical support first, then the security service. */
const LOST_MONEY = new Set([
  'wallet-money-lost',
  'wallet-payment-failed',
  'security-lost-money-escalation',
  'terminal-payment-with-receipt',
  'terminal-payment-without-receipt',
]);

/** Everything an operator sees of a request: the whole thread with internal notes, history, the customer panel. */
export async function workspace(ctx: AppContext, scope: StaffScope, number: string, locale: Locale) {
  const t = await loadForWork(ctx.db, scope, number, { work: false });
  const db = ctx.db;
  const [form] = await db.select({ definition: forms.definition }).from(forms).where(eq(forms.id, t.formId)).limit(1);
  const [category] = await db.select({ slug: categories.slug }).from(categories).where(eq(categories.id, t.categoryId)).limit(1);
  const [dep] = t.departmentId ? await db.select().from(departments).where(eq(departments.id, t.departmentId)).limit(1) : [];
  const messages = await db
    .select()
    .from(ticketMessages)
    .where(eq(ticketMessages.ticketId, t.id))
    .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id));
  const files = await db.select().from(attachments).where(eq(attachments.ticketId, t.id));
  const history = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'ticket'), eq(auditLog.entityId, t.id)))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  const staffIds = [
    ...new Set(
      [...messages.map((m) => m.authorId), ...history.map((h) => h.actorId), t.assigneeId, t.identifiedBy].filter(
        (x): x is string => Boolean(x),
      ),
    ),
  ];
  const staff = staffIds.length
    ? await db.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers).where(inArray(staffUsers.id, staffIds))
    : [];
  const nameOf = new Map(staff.map((s) => [s.id, s.name]));
  const [customer] = t.customerId ? await db.select().from(customers).where(eq(customers.id, t.customerId)).limit(1) : [];
  const earlier = t.customerId
    ? await db
        .select({ number: tickets.number, subject: tickets.subject, status: tickets.status, createdAt: tickets.createdAt })
        .from(tickets)
        .where(and(eq(tickets.customerId, t.customerId), ne(tickets.id, t.id)))
        .orderBy(desc(tickets.createdAt))
        .limit(10)
    : [];
  const definition = (form?.definition ?? { fields: [] }) as FormDef;
  const identified = t.identification === 'identified';
  const walletField = definition.fields.find((f) => f.type === 'wallet');
  const walletNumber =
    (walletField && typeof t.fields[walletField.key] === 'string' ? (t.fields[walletField.key] as string) : null) ??
    customer?.phone ??
    null;
  // Account data (wallet state, security flags, balance) stays closed until the customer is identified.
  const wallets =
    identified && t.customerId
      ? await ctx.paycore.walletsOfCustomer(t.customerId)
      : identified && walletNumber
        ? [await ctx.paycore.findWallet(walletNumber)].filter((w) => w !== null)
        : [];
  return {
    id: t.id,
    number: t.number,
    subject: t.subject,
    status: t.status,
    priority: t.priority,
    priorityCustomer: t.priorityCustomer,
    channel: t.channel,
    tier: t.tier,
    locale: t.locale,
    replyChannel: t.replyChannel,
    department: dep ? { id: dep.id, code: dep.code, name: dep.name } : null,
    category: { id: t.categoryId, slug: category?.slug ?? '', path: await categoryPath(db, t.categoryId) },
    assignee: t.assigneeId ? { id: t.assigneeId, name: nameOf.get(t.assigneeId) ?? '' } : null,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    sla: {
      firstResponseDueAt: t.firstResponseDueAt?.toISOString() ?? null,
      resolutionDueAt: t.resolutionDueAt?.toISOString() ?? null,
      pausedAt: t.slaPausedAt?.toISOString() ?? null,
      atRisk: t.atRiskAt !== null,
      breached: t.breachedAt !== null,
      firstRespondedAt: t.firstRespondedAt?.toISOString() ?? null,
    },
    resolutionCode: t.resolutionCode,
    routingHint: LOST_MONEY.has(category?.slug ?? '') ? ('lost_money_order' as const) : null,
    fields: definition.fields
      .filter((f) => t.fields[f.key] !== undefined)
      .map((f) => ({
        key: f.key,
        label: f.label,
        type: f.type,
        value: displayValue(f, t.fields[f.key], locale),
        personal: Boolean(f.personal),
        revealable: Boolean(f.personal && t.sealedFields[f.key]),
      })),
    messages: messages.map((m) => ({
      id: m.id,
      internal: m.internal,
      author: {
        kind: m.authorKind === 'guest' ? 'customer' : m.authorKind,
        name:
          m.authorKind === 'staff'
            ? (nameOf.get(m.authorId ?? '') ?? '')
            : m.authorKind === 'system'
              ? 'paydesk'
              : customer?.name || t.requesterName,
      },
      body: m.body,
      createdAt: m.createdAt.toISOString(),
      attachments: files
        .filter((f) => f.messageId === m.id)
        .map((f) => ({ id: f.id, name: f.name, size: f.size, type: f.contentType })),
    })),
    history: history.map((h) => ({
      at: h.at.toISOString(),
      action: h.action,
      actor: h.actorKind === 'staff' ? (nameOf.get(h.actorId ?? '') ?? '') : h.actorKind,
      data: h.data,
    })),
    customer: {
      kind: t.customerId ? ('account' as const) : ('guest' as const),
      name: customer?.name || t.requesterName,
      email: customer?.email ?? t.guestEmail,
      phone: customer?.phone ?? null,
      priority: customer?.priority ?? false,
      walletNumber,
      earlier: earlier.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
      identification: {
        state: (t.identification ?? 'not_identified') as 'identified' | 'failed' | 'not_identified',
        by: t.identifiedBy ? (nameOf.get(t.identifiedBy) ?? '') : null,
        at: t.identifiedAt?.toISOString() ?? null,
      },
      wallets,
    },
    can: { work: canWork(scope, t), reveal: canReveal(scope), assign: canWork(scope, t) && canAssignOthers(scope, t) },
  };
}

/**
 * Records the identification check (S0, S2): passport series and number against the wallet owner's,
 * and the wallet number against the customer's phone. Only the result is kept, never the passport.
 */
export async function identify(
  ctx: AppContext,
  scope: StaffScope,
  number: string,
  input: { walletNumber: string; passport: string },
  meta: RequestMeta,
) {
  const wallet = normalizePhone(input.walletNumber);
  if (!wallet) throw new AppError('VALIDATION_FAILED', { fields: { walletNumber: { code: 'invalid_wallet' } } });
  // The payment core is an outside system: ask it before the transaction, never inside one
  // (and on PGlite a query outside the open transaction would wait for it forever).
  const before = await loadForWork(ctx.db, scope, number);
  const check = await ctx.paycore.verifyIdentity({ walletNumber: wallet, passport: input.passport });
  return withTransaction(ctx, async (tx) => {
    const t = await loadForWork(tx, scope, before.number, { lock: true });
    const [customer] = t.customerId
      ? await tx.select({ phone: customers.phone }).from(customers).where(eq(customers.id, t.customerId)).limit(1)
      : [];
    const phoneMatches = !customer?.phone || customer.phone === wallet;
    const result: 'identified' | 'failed' = check === 'match' && phoneMatches ? 'identified' : 'failed';
    await tx
      .update(tickets)
      .set({ identification: result, identifiedBy: scope.id, identifiedAt: new Date(), updatedAt: new Date() })
      .where(eq(tickets.id, t.id));
    await recordAudit(tx, {
      actor: { kind: 'staff', id: scope.id },
      action: 'customer.identification',
      entityType: 'ticket',
      entityId: t.id,
      ip: meta.ip,
      requestId: meta.requestId,
      data: { number: t.number, result, check, phoneMatches, wallet: `…${wallet.slice(-4)}` },
    });
    await emit(tx, { type: 'ticket.identification', aggregateType: 'ticket', aggregateId: t.id, payload: { rooms: roomsOf(t) } });
    return { result, reason: result === 'identified' ? null : check !== 'match' ? check : 'phone_mismatch' };
  });
}

/** Shows one sealed field once, to a permitted role, with a reason; exactly one audit row. */
export async function reveal(
  ctx: AppContext,
  scope: StaffScope,
  number: string,
  field: string,
  reason: string,
  meta: RequestMeta,
) {
  if (!canReveal(scope)) throw new AppError('FORBIDDEN');
  return withTransaction(ctx, async (tx) => {
    const t = await loadForWork(tx, scope, number, { work: false });
    const sealed = t.sealedFields[field];
    if (!sealed) throw new AppError('NOT_FOUND', { field });
    const value = ctx.cipher.decrypt(sealed);
    await recordAudit(tx, {
      actor: { kind: 'staff', id: scope.id },
      action: 'pii.revealed',
      entityType: 'ticket',
      entityId: t.id,
      ip: meta.ip,
      requestId: meta.requestId,
      data: { field, reason, number: t.number },
    });
    // Others on the request see the reveal in its history at once (ids only on the bus).
    // Only the request's own room: the queues do not change.
    await emit(tx, {
      type: 'ticket.pii_revealed',
      aggregateType: 'ticket',
      aggregateId: t.id,
      payload: { rooms: [`ticket:${t.id}`] },
    });
    return { field, value };
  });
}

/**
 * Whom the request can be assigned to: the active members of its department with their tiers,
 * for those who may assign others (supervisors, tier 2+ of the department).
 */
export async function assignees(ctx: AppContext, scope: StaffScope, number: string) {
  const t = await loadForWork(ctx.db, scope, number, { work: false });
  if (!canAssignOthers(scope, t)) throw new AppError('FORBIDDEN');
  if (!t.departmentId) return [];
  const rows = await ctx.db
    .select({ id: staffUsers.id, name: staffUsers.name, tier: departmentMembers.tier, roles: staffUsers.roles })
    .from(departmentMembers)
    .innerJoin(staffUsers, eq(staffUsers.id, departmentMembers.staffId))
    .where(and(eq(departmentMembers.departmentId, t.departmentId), eq(staffUsers.active, true)))
    .orderBy(asc(departmentMembers.tier), asc(staffUsers.name));
  return rows.map((r) => ({ ...r, current: r.id === t.assigneeId }));
}

/** Canned answers for a request: its category's, its department's and the general ones, with placeholders filled. */
export async function cannedFor(ctx: AppContext, scope: StaffScope, number: string) {
  const t = await loadForWork(ctx.db, scope, number, { work: false });
  const rows = await ctx.db.select().from(cannedAnswers).where(eq(cannedAnswers.active, true)).orderBy(asc(cannedAnswers.title));
  const [customer] = t.customerId
    ? await ctx.db.select({ name: customers.name }).from(customers).where(eq(customers.id, t.customerId)).limit(1)
    : [];
  const vars: Record<string, string> = {
    'customer.name': customer?.name || t.requesterName || '',
    'ticket.number': t.number,
    'ticket.subject': t.subject,
    'operator.name': scope.name.split(' ')[0] ?? scope.name,
  };
  return rows
    .filter(
      (c) =>
        (!c.categoryId || c.categoryId === t.categoryId) &&
        (!c.departmentId || c.departmentId === t.departmentId) &&
        (c.locale === t.locale || c.locale === 'ru'),
    )
    .map((c) => ({
      id: c.id,
      title: c.title,
      body: fillPlaceholders(c.body, vars),
      scope: (c.categoryId ? 'category' : c.departmentId ? 'department' : 'general') as 'category' | 'department' | 'general',
    }));
}

/** `{{customer.name}}` → the value; unknown placeholders stay as written so the operator sees them. */
export function fillPlaceholders(text: string, vars: Record<string, string>): string {
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, key: string) => vars[key] ?? whole);
}

/** A request's attachment for staff who may see the request (internal notes' files included). */
export async function openStaffAttachment(ctx: AppContext, scope: StaffScope, number: string, attachmentId: string) {
  const t = await loadForWork(ctx.db, scope, number, { work: false });
  const [file] = await ctx.db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.ticketId, t.id)))
    .limit(1);
  if (!file) throw new AppError('NOT_FOUND');
  return { name: file.name, contentType: file.contentType, size: file.size, stream: ctx.storage.read(file.storageKey) };
}
