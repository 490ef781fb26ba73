import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Locale } from '../../../../common/errors';
import type { FormDef, FormValues } from '../../../../common/forms/types';
import { filingPriority, type ReplyChannel, type TicketChannel } from '../../../../common/tickets';
import type { AppContext } from '../../../context';
import type { Executor } from '../../../db/connection';
import { categories, departments, forms, idempotencyKeys } from '../../../db/schema';
import { AppError } from '../../../errors';
import { randomToken, sha256 } from '../../../platform/crypto';
import { messageIdDomain } from '../../../platform/mail/queue';
import { referenceCache } from '../../../platform/refcache';
import { automaticMailHeaders, loadBrand } from '../../mail';
import { renderMail, type MailTemplate, type MailVars } from '../../mail';
import { computeDue, type SlaDue } from '../../sla';
import { roomsOf } from '../rooms';
import { FILING, type FilingParam, type FilingRow } from './filing-statement';
import { freeTextSealer, withSealedDocuments } from './free-text';
import { runInTx, runOnHandle } from './named-sql';
import { attachmentRows, drawNumber, drawNumberIn, policyFor, type NewAttachment, type Origin } from './shared';
import { appealLinks } from './appeal';

/** A known customer as the domain needs them (from the session or matched by e-mail). */
export type RequesterCustomer = {
  id: string;
  email: string | null;
  name: string;
  locale?: string | null;
  replyChannel?: ReplyChannel | null;
  priority?: boolean | null;
};

/**
 * Who opens a request. A guest is `confirmed` when the channel itself proves the address (a letter
 * from it); a web guest confirms by the link mailed to them and is `unconfirmed` until then.
 */
export type Requester =
  { kind: 'customer'; customer: RequesterCustomer } | { kind: 'guest'; email: string | null; confirmed: boolean };

/** A filing limit counted in the same statement (all share one window). */
export type FilingLimit = { name: string; subject: string; limit: number; windowSeconds: number };

export type OpenRequestInput = {
  channel: TicketChannel;
  /** The catalogue leaf; its current form, department, priority and SLA policy apply. */
  categoryId: string;
  /** A department other than the leaf's (mail routing); or by code. */
  departmentId?: string | null;
  departmentCode?: string;
  requester: Requester;
  requesterName: string;
  subject: string;
  locale: Locale;
  replyChannel: ReplyChannel;
  /** The form's values (personal ones already masked) and the sealed originals. */
  fields: FormValues;
  sealedFields?: Record<string, string>;
  /** The first message. */
  body: string;
  files: NewAttachment[];
  /** Where the first mail goes (the customer's address, or the letter's sender); null: no mail. */
  contact: string | null;
  /**
   * What ties the request to its source (mailbox, routing, a chat session…): kept in the history.
   * An appeal (`channel: 'appeal'`) names the appealed request: `{ appealOf: 'PD-…' }`.
   */
  links?: Record<string, unknown>;
  limits?: FilingLimit[];
  /** An Idempotency-Key: a repeat answers what the first got; `answer` is what is stored for it. */
  idempotency?: { key: string; hash: string; answer: (opened: Opened) => { status: number; response: unknown } };
  origin?: Origin;
};

export type Opened = {
  id: string;
  number: string;
  status: 'new' | 'unconfirmed';
  departmentId: string | null;
  messageId: string;
  due: SlaDue | null;
  /** For a web guest: the link's token (only its hash is stored). */
  confirmToken: string | null;
  /** For a confirmed guest: the tracking token (only its hash is stored). */
  trackingToken: string | null;
};

export type OpenResult = { kind: 'opened'; opened: Opened } | { kind: 'replayed'; status: number; response: unknown };

/** The leaf a request is filed under, with its current form; NOT_FOUND unless active and a leaf. */
export async function loadLeaf(db: Executor, categoryId: string, options: { activeOnly?: boolean } = {}) {
  const where = [eq(categories.id, categoryId), eq(categories.isLeaf, true)];
  if (options.activeOnly ?? true) where.push(eq(categories.active, true));
  const [row] = await db
    .select({ category: categories, form: forms })
    .from(categories)
    .innerJoin(forms, eq(forms.id, categories.currentFormId))
    .where(and(...where))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'category' });
  return row;
}

/** loadLeaf through the reference cache (cleared when an admin edits the catalogue). */
export function cachedLeaf(ctx: Pick<AppContext, 'db'>, categoryId: string): ReturnType<typeof loadLeaf> {
  return referenceCache(ctx.db).get(`leaf:${categoryId}`, () => loadLeaf(ctx.db, categoryId));
}

/**
 * Opens a request from any channel: the request, its first message and files, the history row
 * (`ticket.filed`), the events (`ticket.created`, `ticket.sla_scheduled`, `mail.queued`) and the
 * first mails (acknowledgement; a guest's confirmation or tracking link) — one statement, so one
 * transaction. With `tx` it runs inside the caller's transaction (mail intake marks its letter in
 * the same one); without, on its own as a prepared statement (the web form's fast path).
 * Form validation, honeypots and attachment storage belong to the channel's adapter.
 */
export async function openRequest(ctx: AppContext, input: OpenRequestInput, tx?: Executor): Promise<OpenResult> {
  // Inactive leaves are opened by intake (the unsorted-letter leaf is never offered on the portal).
  const { category, form } =
    input.channel === 'web'
      ? await cachedLeaf(ctx, input.categoryId)
      : await loadLeaf(tx ?? ctx.db, input.categoryId, { activeOnly: false });
  // An appeal names the request it appeals, checked before anything is drawn (commands/appeal.ts).
  const links = input.channel === 'appeal' ? await appealLinks(tx ?? ctx.db, input.requester, input.links) : input.links;
  const customer = input.requester.kind === 'customer' ? input.requester.customer : null;
  const guest = input.requester.kind === 'guest' ? input.requester : null;
  const entered = !guest || guest.confirmed;
  const status = entered ? ('new' as const) : ('unconfirmed' as const);
  const departmentId =
    input.departmentId !== undefined
      ? input.departmentId
      : input.departmentCode
        ? await departmentIdByCode(tx ?? ctx.db, input.departmentCode)
        : category.departmentId;
  // Inside a caller's transaction every read goes through it (PGlite has one connection: a read
  // beside an open transaction would wait for it); on its own, reference data comes from the cache.
  const reader = tx ? { db: tx } : ctx;
  const policy = await policyFor(reader, category.slaPolicyId, Boolean(customer?.priority));
  const now = new Date();
  const due = policy ? computeDue(policy, now) : null;
  const number = tx ? await drawNumberIn(tx) : await drawNumber(ctx.handle);
  const id = randomUUID();
  const messageId = randomUUID();
  const confirmToken = entered ? null : randomToken(32);
  const trackingToken = guest?.confirmed ? randomToken(32) : null;
  const locale = input.locale;
  const opened: Opened = { id, number, status, departmentId, messageId, due, confirmToken, trackingToken };
  // Every channel's free text: document and card numbers masked, the originals sealed (free-text.ts).
  const sealer = freeTextSealer(ctx.cipher);
  const subject = sealer.text(input.subject);
  const body = sealer.text(input.body);
  // The name typed in a form or a letter's `From:` name is free text too.
  const requesterName = sealer.text(input.requesterName);
  const identity = withSealedDocuments(
    {
      fields: sealer.fields(input.fields, form.definition as FormDef, input.sealedFields),
      sealedFields: input.sealedFields ?? {},
    },
    sealer.documents,
  );

  // The first mails: an acknowledgement when it entered the queue, the confirmation link for a web
  // guest, the tracking link for a guest who is confirmed already. Branding from the cached settings.
  const url = `${ctx.config.publicUrl}/requests/${number}`;
  const plan: Array<{ key: string; template: MailTemplate; vars: MailVars }> = [];
  if (input.contact && entered)
    plan.push({
      key: `ticket:${id}:ack`,
      template: 'ticket.acknowledgement',
      vars: { number, url, expectedBy: due?.resolutionDueAt },
    });
  if (input.contact && confirmToken)
    plan.push({
      key: `ticket:${id}:confirm`,
      template: 'ticket.guest_confirmation',
      vars: { number, url: `${ctx.config.publicUrl}/requests/confirm?token=${confirmToken}` },
    });
  if (input.contact && trackingToken)
    plan.push({
      key: `ticket:${id}:tracking:mail`,
      template: 'ticket.tracking_link',
      vars: { number, url: `${url}?token=${trackingToken}` },
    });
  const brand =
    plan.length > 0 ? await referenceCache(reader.db).get('mail.brand', () => loadBrand(reader.db, ctx.config.publicUrl)) : null;
  const domain = messageIdDomain(ctx.config.publicUrl);
  const mails = plan.map((m) => {
    const rendered = renderMail(m.template, locale, m.vars, brand ?? undefined);
    return {
      id: randomUUID(),
      dedupe_key: m.key,
      template: m.template,
      to_address: input.contact,
      subject: rendered.subject,
      text_body: rendered.text,
      html_body: rendered.html,
      message_id: `<${randomUUID()}@${domain}>`,
      // The headers queueTemplateMail gives a request's first mail (no thread yet).
      headers: automaticMailHeaders(m.template),
    };
  });

  // The same events, in the same order, as a guest's confirmation announces (announceEntered).
  const events: Array<{ type: string; aggregate_type: string; aggregate_id: string; payload: Record<string, unknown> }> = [];
  if (entered) {
    events.push({
      type: 'ticket.created',
      aggregate_type: 'ticket',
      aggregate_id: id,
      payload: { rooms: roomsOf({ id, departmentId }) },
    });
    if (due)
      events.push({
        type: 'ticket.sla_scheduled',
        aggregate_type: 'ticket',
        aggregate_id: id,
        payload: Object.fromEntries(Object.entries(due).map(([k, v]) => [k, v.toISOString()])),
      });
  }
  for (const m of mails) events.push({ type: 'mail.queued', aggregate_type: 'mail', aggregate_id: m.id, payload: {} });

  const limits = input.limits ?? [];
  const windowSeconds = limits[0]?.windowSeconds ?? 3600;
  if (limits.some((l) => l.windowSeconds !== windowSeconds)) throw new Error('openRequest: the limits must share a window');
  const limitKeys = limits.map((l) => `${l.name}:${l.subject}`);
  const answer = input.idempotency?.answer(opened);

  const values: Record<FilingParam, unknown> = {
    idem_key: input.idempotency?.key ?? null,
    idem_hash: input.idempotency?.hash ?? null,
    idem_status: answer?.status ?? null,
    idem_response: answer ? JSON.stringify(answer.response) : null,
    limit_keys: limitKeys,
    limit_values: limits.map((l) => l.limit),
    limit_window: windowSeconds,
    id,
    number,
    category_id: category.id,
    form_id: form.id,
    department_id: departmentId,
    priority: filingPriority(category.priority, Boolean(customer?.priority)),
    priority_customer: Boolean(customer?.priority),
    status,
    channel: input.channel,
    subject,
    customer_id: customer?.id ?? null,
    guest_email: guest ? guest.email : null,
    requester_name: requesterName,
    locale,
    reply_channel: input.replyChannel,
    fields: JSON.stringify(identity.fields),
    sealed_fields: JSON.stringify(identity.sealedFields),
    sla_policy_id: policy?.id ?? null,
    // A web guest's clock starts when the address is confirmed.
    first_response_due_at: entered ? (due?.firstResponseDueAt.toISOString() ?? null) : null,
    resolution_due_at: entered ? (due?.resolutionDueAt.toISOString() ?? null) : null,
    confirm_token_hash: confirmToken ? sha256(confirmToken) : null,
    confirmed_at: guest?.confirmed ? now.toISOString() : null,
    message_id: messageId,
    author_kind: customer ? 'customer' : 'guest',
    body,
    files: JSON.stringify(
      attachmentRows(id, messageId, input.files).map((a) => ({
        field_key: a.fieldKey,
        name: a.name,
        size: a.size,
        content_type: a.contentType,
        storage_key: a.storageKey,
        sha256: a.sha256,
      })),
    ),
    actor_kind: customer ? 'customer' : 'guest',
    ip: input.origin?.ip ?? null,
    request_id: input.origin?.requestId ?? null,
    audit_data: JSON.stringify({
      number,
      categoryId: category.id,
      formVersion: form.version,
      ...(input.channel === 'web' ? {} : { channel: input.channel }),
      ...links,
      status,
    }),
    events: JSON.stringify(events.map((e, n) => ({ n, ...e }))),
    mails: JSON.stringify(mails),
    access_token_hash: trackingToken ? sha256(trackingToken) : null,
  };

  let row: FilingRow | undefined;
  try {
    row = (
      tx
        ? await runInTx<FilingRow, FilingParam>(tx, FILING, values)
        : await runOnHandle<FilingRow, FilingParam>(ctx.handle, FILING, values)
    )[0];
  } catch (err) {
    // Two identical requests at once: the second lost the race on the key; answer as the first.
    if (input.idempotency && !tx && isUniqueViolation(err)) {
      const replay = await findReplay(ctx, input.idempotency.key, input.idempotency.hash);
      if (replay) return replay;
    }
    throw err;
  }
  if (row?.replay) {
    if (row.replay.hash !== input.idempotency?.hash) throw new AppError('CONFLICT', { reason: 'idempotency_key_reused' });
    return { kind: 'replayed', status: row.replay.status, response: row.replay.response };
  }
  if (!row?.id) {
    for (const [i, l] of limits.entries()) {
      const hit = row?.hits?.find((y) => y.key === limitKeys[i]);
      if (!hit || hit.count <= l.limit) continue;
      const windowEnd = new Date(hit.window_start).getTime() + windowSeconds * 1000;
      throw new AppError('RATE_LIMITED', {
        retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - Date.now()) / 1000)),
        limit: l.name,
      });
    }
    throw new AppError('INTERNAL');
  }
  if (!tx) ctx.outbox.kick();
  return { kind: 'opened', opened };
}

async function departmentIdByCode(db: Executor, code: string): Promise<string | null> {
  const [d] = await db.select({ id: departments.id }).from(departments).where(eq(departments.code, code)).limit(1);
  if (!d) throw new AppError('NOT_FOUND', { entity: 'department' });
  return d.id;
}

async function findReplay(ctx: AppContext, key: string, hash: string): Promise<OpenResult | null> {
  const [row] = await ctx.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key)).limit(1);
  if (!row) return null;
  if (row.requestHash !== hash) throw new AppError('CONFLICT', { reason: 'idempotency_key_reused' });
  return { kind: 'replayed', status: row.statusCode, response: row.response };
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e.code === '23505' || e.cause?.code === '23505';
}
