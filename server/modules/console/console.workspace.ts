import { and, asc, eq } from 'drizzle-orm';
import type { Locale } from '../../../common/errors';
import type { FormDef, L10n } from '../../../common/forms/types';
import type { AppContext, RequestMeta } from '../../context';
import { attachments, cannedAnswers, customers, departmentMembers, staffUsers, type tickets } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../../platform/audit';
import { emit, withTransaction } from '../../platform/outbox';
import { normalizePhone } from '../../../common/forms/validate';
import { can, displayValue, parseTicketNumber } from '../tickets';
import { canReveal, seesSecurity, type StaffScope } from '../staff';
import { loadForWork, recordIdentification, sealedDocumentKind } from '../tickets/commands';
import { consoleL10n } from './console.messages';

/** Leaves whose money went missing: the seeds' order is technical support first, then the security service. */
const LOST_MONEY = new Set([
  'wallet-money-lost',
  'wallet-payment-failed',
  'security-lost-money-escalation',
  'terminal-payment-with-receipt',
  'terminal-payment-without-receipt',
]);

/**
 * The whole workspace of a request in one statement (a named prepared statement on PostgreSQL):
 * the request, its form, department, category path, thread with files and authors, history,
 * customer and their earlier requests. Was a dozen round trips, each parsed and planned anew.
 */
const WORKSPACE_SQL = `
SELECT t.id, t.number, t.subject, t.status, t.priority, t.priority_customer, t.channel, t.tier, t.locale, t.reply_channel,
       t.department_id, t.category_id, t.assignee_id, t.customer_id, t.guest_email, t.requester_name,
       t.fields, t.sealed_fields, t.identification, t.identified_by, t.identified_at, t.resolution_code,
       t.created_at, t.updated_at, t.first_response_due_at, t.resolution_due_at, t.sla_paused_at, t.at_risk_at,
       t.breached_at, t.first_responded_at,
       (SELECT f.definition FROM forms f WHERE f.id = t.form_id) AS form_definition,
       (SELECT json_build_object('id', d.id, 'code', d.code, 'name', d.name) FROM departments d WHERE d.id = t.department_id) AS department,
       (WITH RECURSIVE up(id, name, slug, parent_id, depth) AS (
            SELECT c.id, c.name, c.slug, c.parent_id, 0 FROM categories c WHERE c.id = t.category_id
            UNION ALL
            SELECT c.id, c.name, c.slug, c.parent_id, up.depth + 1 FROM categories c JOIN up ON c.id = up.parent_id WHERE up.depth < 19)
        SELECT json_agg(json_build_object('id', up.id, 'name', up.name, 'slug', up.slug) ORDER BY up.depth DESC) FROM up) AS category_path,
       (SELECT coalesce(json_agg(json_build_object('id', m.id, 'internal', m.internal, 'authorKind', m.author_kind,
                 'authorName', u.name, 'body', m.body, 'createdAt', m.created_at) ORDER BY m.created_at, m.id), '[]'::json)
          FROM ticket_messages m LEFT JOIN staff_users u ON u.id = m.author_id WHERE m.ticket_id = t.id) AS messages,
       (SELECT coalesce(json_agg(json_build_object('id', a.id, 'messageId', a.message_id, 'name', a.name, 'size', a.size,
                 'type', a.content_type) ORDER BY a.created_at, a.id), '[]'::json)
          FROM attachments a WHERE a.ticket_id = t.id) AS files,
       (SELECT coalesce(json_agg(json_build_object('at', h.at, 'action', h.action, 'actorKind', h.actor_kind, 'actorName', u.name,
                 'data', h.data) ORDER BY h.at, h.id), '[]'::json)
          FROM audit_log h LEFT JOIN staff_users u ON u.id = h.actor_id
         WHERE h.entity_type = 'ticket' AND h.entity_id = t.id::text) AS history,
       (SELECT u.name FROM staff_users u WHERE u.id = t.assignee_id) AS assignee_name,
       (SELECT u.name FROM staff_users u WHERE u.id = t.identified_by) AS identified_by_name,
       (SELECT json_build_object('name', c.name, 'email', c.email, 'phone', c.phone, 'priority', c.priority,
                 'answerNotices', c.answer_notices)
          FROM customers c WHERE c.id = t.customer_id) AS customer,
       (SELECT coalesce(json_agg(json_build_object('number', e.number, 'subject', e.subject, 'status', e.status,
                 'createdAt', e.created_at) ORDER BY e.created_at DESC), '[]'::json)
          FROM (SELECT e.number, e.subject, e.status, e.created_at FROM tickets e
                 WHERE e.customer_id = t.customer_id AND e.id <> t.id
                   AND e.status NOT IN ('unconfirmed', 'expired')
                   -- the second parameter: the department of the security service when this person may not see its requests
                   AND ($2::uuid IS NULL OR e.department_id IS DISTINCT FROM $2::uuid)
                 ORDER BY e.created_at DESC LIMIT 10) e) AS earlier
  FROM tickets t
 WHERE t.number = $1`;

type Ticket = typeof tickets.$inferSelect;
type Stamp = Date | string;
type WorkspaceRow = {
  id: string;
  number: string;
  subject: string;
  status: Ticket['status'];
  priority: Ticket['priority'];
  priority_customer: boolean;
  channel: Ticket['channel'];
  tier: number;
  locale: string;
  reply_channel: Ticket['replyChannel'];
  department_id: string | null;
  category_id: string;
  assignee_id: string | null;
  customer_id: string | null;
  guest_email: string | null;
  requester_name: string;
  fields: Ticket['fields'];
  sealed_fields: Ticket['sealedFields'];
  identification: Ticket['identification'];
  identified_by: string | null;
  identified_at: Stamp | null;
  resolution_code: string | null;
  created_at: Stamp;
  updated_at: Stamp;
  first_response_due_at: Stamp | null;
  resolution_due_at: Stamp | null;
  sla_paused_at: Stamp | null;
  at_risk_at: Stamp | null;
  breached_at: Stamp | null;
  first_responded_at: Stamp | null;
  form_definition: FormDef | null;
  department: { id: string; code: string; name: L10n } | null;
  category_path: Array<{ id: string; name: L10n; slug: string }> | null;
  messages: Array<{
    id: string;
    internal: boolean;
    authorKind: 'customer' | 'guest' | 'staff' | 'system';
    authorName: string | null;
    body: string;
    createdAt: string;
  }>;
  files: Array<{ id: string; messageId: string | null; name: string; size: number; type: string }>;
  history: Array<{ at: string; action: string; actorKind: string; actorName: string | null; data: Record<string, unknown> }>;
  assignee_name: string | null;
  identified_by_name: string | null;
  customer: { name: string; email: string | null; phone: string | null; priority: boolean; answerNotices: boolean } | null;
  earlier: Array<{ number: string; subject: string; status: Ticket['status']; createdAt: string }>;
};

const iso = (v: Stamp): string => new Date(v).toISOString();
const isoOrNull = (v: Stamp | null): string | null => (v === null ? null : iso(v));

/** Everything an operator sees of a request: the whole thread with internal notes, history, the customer panel. */
export async function workspace(ctx: AppContext, scope: StaffScope, number: string, locale: Locale) {
  const parsed = parseTicketNumber(number);
  if (!parsed) throw new AppError('NOT_FOUND');
  // The customer's earlier requests follow the same rule as the request itself (canSee): the
  // security service's requests are left out for those who may not see them.
  const hidden = seesSecurity(scope) ? null : scope.securityDepartmentId;
  const { rows } = await ctx.handle.query<WorkspaceRow>(WORKSPACE_SQL, [parsed, hidden], { name: 'paydesk_console_workspace' });
  const t = rows[0];
  // The customer id only matters to the customer side of the policy; staff rules look at department and assignee.
  const ref = t
    ? { id: t.id, customerId: null, departmentId: t.department_id, assigneeId: t.assignee_id, status: t.status }
    : null;
  const actor = { kind: 'staff' as const, scope };
  // Same rule as loadForWork (tickets.policy): unconfirmed and expired requests, and ones this person may not see, do not exist.
  if (!t || !ref || !can(actor, 'view', ref)) throw new AppError('NOT_FOUND');
  const customer = t.customer;
  const path = t.category_path ?? [];
  const slug = path.at(-1)?.slug ?? '';
  const definition = t.form_definition ?? ({ fields: [] } as unknown as FormDef);
  const identified = t.identification === 'identified';
  const walletField = definition.fields.find((f) => f.type === 'wallet');
  const walletNumber =
    (walletField && typeof t.fields[walletField.key] === 'string' ? (t.fields[walletField.key] as string) : null) ??
    customer?.phone ??
    null;
  // Account data (wallet state, security flags, balance) stays closed until the customer is identified.
  const wallets =
    identified && t.customer_id
      ? await ctx.paycore.walletsOfCustomer(t.customer_id)
      : identified && walletNumber
        ? [await ctx.paycore.findWallet(walletNumber)].filter((w) => w !== null)
        : [];
  return {
    id: t.id,
    number: t.number,
    subject: t.subject,
    status: t.status,
    priority: t.priority,
    priorityCustomer: t.priority_customer,
    channel: t.channel,
    tier: t.tier,
    locale: t.locale,
    replyChannel: t.reply_channel,
    department: t.department ? { id: t.department.id, code: t.department.code, name: t.department.name } : null,
    category: { id: t.category_id, slug, path: path.map((c) => ({ id: c.id, name: c.name })) },
    assignee: t.assignee_id ? { id: t.assignee_id, name: t.assignee_name ?? '' } : null,
    createdAt: iso(t.created_at),
    updatedAt: iso(t.updated_at),
    sla: {
      firstResponseDueAt: isoOrNull(t.first_response_due_at),
      resolutionDueAt: isoOrNull(t.resolution_due_at),
      pausedAt: isoOrNull(t.sla_paused_at),
      atRisk: t.at_risk_at !== null,
      breached: t.breached_at !== null,
      firstRespondedAt: isoOrNull(t.first_responded_at),
    },
    resolutionCode: t.resolution_code,
    routingHint: LOST_MONEY.has(slug) ? ('lost_money_order' as const) : null,
    fields: definition.fields
      .filter((f) => t.fields[f.key] !== undefined)
      .map((f) => ({
        key: f.key,
        label: f.label,
        type: f.type,
        value: displayValue(f, t.fields[f.key], locale),
        personal: Boolean(f.personal),
        revealable: Boolean(f.personal && t.sealed_fields[f.key]),
      }))
      .concat(freeTextDocuments(t, definition)),
    messages: t.messages.map((m) => ({
      id: m.id,
      internal: m.internal,
      author: {
        kind: m.authorKind === 'guest' ? 'customer' : m.authorKind,
        name:
          m.authorKind === 'staff'
            ? (m.authorName ?? '')
            : m.authorKind === 'system'
              ? 'paydesk'
              : customer?.name || t.requester_name,
      },
      body: m.body,
      createdAt: iso(m.createdAt),
      attachments: t.files
        .filter((f) => f.messageId === m.id)
        .map((f) => ({ id: f.id, name: f.name, size: Number(f.size), type: f.type })),
    })),
    history: t.history.map((h) => ({
      at: iso(h.at),
      action: h.action,
      actor: h.actorKind === 'staff' ? (h.actorName ?? '') : h.actorKind,
      data: h.data,
    })),
    customer: {
      kind: t.customer_id ? ('account' as const) : ('guest' as const),
      name: customer?.name || t.requester_name,
      email: customer?.email ?? t.guest_email,
      phone: customer?.phone ?? null,
      priority: customer?.priority ?? false,
      walletNumber,
      earlier: t.earlier.map((e) => ({ ...e, createdAt: iso(e.createdAt) })),
      identification: {
        state: (t.identification ?? 'not_identified') as 'identified' | 'failed' | 'not_identified',
        by: t.identified_by ? (t.identified_by_name ?? '') : null,
        at: isoOrNull(t.identified_at),
      },
      wallets,
    },
    reach: reachOf(t),
    can: { work: can(actor, 'work', ref), reveal: can(actor, 'reveal', ref), assign: can(actor, 'assign', ref) },
  };
}

/** Numbers taken out of the request's free text (tickets/commands/free-text.ts): masks, revealable like personal fields. */
function freeTextDocuments(t: WorkspaceRow, definition: FormDef) {
  const own = new Set(definition.fields.map((f) => f.key));
  return Object.keys(t.sealed_fields).flatMap((key) => {
    const kind = sealedDocumentKind(key);
    const mask = t.fields[key];
    if (!kind || own.has(key) || typeof mask !== 'string') return [];
    const label = consoleL10n(`console.freeText.${kind}`);
    return [{ key, label, type: 'text' as const, value: mask, personal: true, revealable: true }];
  });
}

/** Where a public answer goes; the same rule as console.actions notifyCustomer (docs/MAIL.md). */
function reachOf(t: WorkspaceRow): { portal: boolean; email: string | null; mail: 'full' | 'notice' | 'none' } {
  const email = t.guest_email ?? t.customer?.email ?? null;
  const mail = !email
    ? 'none'
    : t.reply_channel === 'email'
      ? 'full'
      : !t.customer_id || (t.customer?.answerNotices ?? true)
        ? 'notice'
        : 'none';
  return { portal: Boolean(t.customer_id), email, mail };
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
  return recordIdentification({ ctx, scope, meta }, before.number, { wallet, check });
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
    const t = await loadForWork(tx, scope, number, { action: 'reveal' });
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
  const t = await loadForWork(ctx.db, scope, number, { action: 'assign' });
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
    // Links in canned answers (e.g. the payment check, /payments/check).
    'portal.url': ctx.config.publicUrl.replace(/\/$/, ''),
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
      ...(({ text, empty }) => ({ body: text, emptyPlaceholders: empty }))(fillPlaceholders(c.body, vars)),
      scope: (c.categoryId ? 'category' : c.departmentId ? 'department' : 'general') as 'category' | 'department' | 'general',
    }));
}

/**
 * `{{customer.name}}` → the value; unknown placeholders stay as written so the operator sees them.
 * A known placeholder with no value (a guest who gave no name) goes away with the comma and spaces
 * before it, so «Здравствуйте, {{customer.name}}!» becomes the neutral «Здравствуйте!», and is listed
 * in `empty` for the picker to warn about.
 */
export function fillPlaceholders(text: string, vars: Record<string, string>): { text: string; empty: string[] } {
  const empty = new Set<string>();
  const filled = text.replace(/(,?[ \t]*)\{\{\s*([\w.]+)\s*\}\}/g, (whole, before: string, key: string) => {
    const value = vars[key];
    if (value === undefined) return whole;
    if (value.trim() === '') {
      empty.add(key);
      return before.startsWith(',') ? '' : before;
    }
    return `${before}${value}`;
  });
  return { text: filled, empty: [...empty] };
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
