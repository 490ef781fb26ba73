import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Locale } from '../../../common/errors';
import { filingPriority } from '../../../common/tickets';
import { fieldErrorMessage } from '../../../common/forms/messages';
import type { FieldErrors, FileDescriptor, FormDef, FormValues } from '../../../common/forms/types';
import { validateFormValues } from '../../../common/forms/validate';
import type { AppContext, RequestMeta } from '../../context';
import type { Tx } from '../../db/connection';
import { categories, forms, idempotencyKeys } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../../platform/audit';
import type { AuthUser } from '../../platform/auth/sessions';
import { randomToken, sha256 } from '../../platform/crypto';
import type { Upload } from '../../platform/files/multipart';
import { messageIdDomain } from '../../platform/mail/queue';
import { emit } from '../../platform/outbox';
import { referenceCache } from '../../platform/refcache';
import { automaticMailHeaders, loadBrand, queueTemplateMail } from '../mail/mail.service';
import { renderMail } from '../mail/templates';
import { announceDue, cachedPolicy, cachedPolicyByCode, computeDue } from '../sla/sla.service';
import { formatTicketNumber } from './numbers';
import { roomsOf } from './rooms';
import type { FileTicketBody, FiledResponse } from './tickets.schema';

export type { Upload };
type Customer = Extract<AuthUser, { kind: 'customer' }>;

/** Public filing limits per client address and per e-mail (or account), per hour. */
const filingLimits = (config: AppContext['config']) => ({
  perIp: { name: 'tickets.file.ip', limit: config.TICKETS_PER_IP_HOUR, windowSeconds: 3600 },
  perEmail: { name: 'tickets.file.email', limit: config.TICKETS_PER_EMAIL_HOUR, windowSeconds: 3600 },
});

/** Masks all but the last two characters: "4510 123456" → "•••• ••••56". */
export function maskPersonal(value: string): string {
  return value.replace(/[\p{L}\p{N}]/gu, (ch, offset: number) =>
    value.slice(offset + 1).replace(/[^\p{L}\p{N}]/gu, '').length < 2 ? ch : '•',
  );
}

/** Seals personal fields: the values keep a mask, the sealed map the encrypted original. */
function sealPersonal(
  form: FormDef,
  values: FormValues,
  cipher: AppContext['cipher'],
): { fields: FormValues; sealed: Record<string, string> } {
  const fields = { ...values };
  const sealed: Record<string, string> = {};
  for (const field of form.fields) {
    const value = values[field.key];
    if (!field.personal || typeof value !== 'string') continue;
    sealed[field.key] = cipher.encrypt(value);
    fields[field.key] = maskPersonal(value);
  }
  return { fields, sealed };
}

/** The leaf a request is filed under, with its current form; NOT_FOUND unless active and a leaf. */
export async function loadLeaf(db: AppContext['db'], categoryId: string) {
  const [row] = await db
    .select({ category: categories, form: forms })
    .from(categories)
    .innerJoin(forms, eq(forms.id, categories.currentFormId))
    .where(and(eq(categories.id, categoryId), eq(categories.active, true), eq(categories.isLeaf, true)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'category' });
  return row;
}

/** loadLeaf through the reference cache (cleared when an admin edits the catalogue). */
export function cachedLeaf(ctx: Pick<AppContext, 'db'>, categoryId: string): ReturnType<typeof loadLeaf> {
  return referenceCache(ctx.db).get(`leaf:${categoryId}`, () => loadLeaf(ctx.db, categoryId));
}

/** The per-field errors as the API answers them: code plus a message in the request's language. */
export function fieldErrorBody(errors: FieldErrors, locale: Locale) {
  return Object.fromEntries(
    Object.entries(errors).map(([key, e]) => [
      key,
      { code: e.code, message: fieldErrorMessage(e, locale), ...(e.params ? { params: e.params } : {}) },
    ]),
  );
}

function describeUploads(uploads: Upload[]): Record<string, FileDescriptor[]> {
  const byField: Record<string, FileDescriptor[]> = {};
  for (const u of uploads) (byField[u.fieldKey] ??= []).push({ name: u.name, size: u.stored.size, type: u.stored.contentType });
  return byField;
}

export type FileInput = {
  body: FileTicketBody;
  uploads: Upload[];
  customer: Customer | null;
  meta: RequestMeta;
  idempotencyKey?: string;
};

/**
 * Files a request: checks limits and the form, writes the request, its first message, files,
 * audit, events and the mail (a confirmation link for guests, an acknowledgement otherwise)
 * in one transaction. Answers at once with the number and the expected review time.
 */
export type Filed = { status: number; body: FiledResponse; replayed: boolean };

export async function fileTicket(ctx: AppContext, input: FileInput): Promise<Filed> {
  const { body, uploads, customer, meta } = input;
  const locale: Locale = body.locale ?? (customer?.locale as Locale | undefined) ?? ctx.config.DEFAULT_LOCALE;
  if (body.website) {
    await recordAudit(ctx.db, {
      actor: { kind: 'guest' },
      action: 'ticket.spam_refused',
      entityType: 'ticket',
      ip: meta.ip,
      requestId: meta.requestId,
    });
    throw new AppError('BAD_REQUEST', { reason: 'honeypot' });
  }
  const email = customer ? customer.email : body.email;
  if (!customer && !email) {
    throw new AppError('VALIDATION_FAILED', {
      fields: { email: { code: 'required', message: fieldErrorMessage({ code: 'required' }, locale) } },
    });
  }

  const scope = customer ? `c:${customer.id}` : `ip:${meta.ip}`;
  const idemKey = input.idempotencyKey ? `${scope}:${input.idempotencyKey}` : null;
  const requestHash = sha256(JSON.stringify({ body, files: uploads.map((u) => [u.fieldKey, u.stored.sha256]) }));
  const limits = filingLimits(ctx.config);
  const hits = [
    { limit: limits.perIp, subject: meta.ip },
    { limit: limits.perEmail, subject: customer ? customer.id : (email ?? '') },
  ];
  const windowSeconds = limits.perIp.windowSeconds;
  if (hits.some((x) => x.limit.windowSeconds !== windowSeconds)) throw new Error('fileTicket: the limits must share a window');
  const limitKeys = hits.map((x) => `${x.limit.name}:${x.subject}`);

  const { category, form } = await cachedLeaf(ctx, body.categoryId);
  const values = { ...body.fields, ...describeUploads(uploads) };
  const checked = validateFormValues(form.definition as FormDef, values, { now: new Date() });
  if (!checked.ok) throw new AppError('VALIDATION_FAILED', { fields: fieldErrorBody(checked.errors, locale) });

  const { fields, sealed } = sealPersonal(form.definition as FormDef, checked.values, ctx.cipher);
  const policy = await policyFor(ctx, category.slaPolicyId, Boolean(customer?.priority));
  const now = new Date();
  const due = policy ? computeDue(policy, now) : null;
  const guest = !customer;
  const subject = body.subject?.trim() || category.name[locale];
  const description = typeof checked.values.description === 'string' ? checked.values.description : subject;
  const confirmToken = guest ? randomToken(32) : null;
  const domain = messageIdDomain(ctx.config.publicUrl);
  // Drawn before the write (the mail carries it); a replay or a refused request leaves a gap.
  const number = formatTicketNumber(await ticketNumbers(ctx.handle).next());
  const ticketId = randomUUID();
  const status = guest ? 'unconfirmed' : 'new';

  // The mail: a confirmation link for guests, an acknowledgement for customers (when they have an address).
  // Branding comes from settings, cached like the other reference data (settings edits clear it).
  const to = guest ? (email ?? '') : email;
  const brand = to ? await referenceCache(ctx.db).get('mail.brand', () => loadBrand(ctx.db, ctx.config.publicUrl)) : null;
  const mail = to
    ? guest
      ? {
          dedupeKey: `ticket:${ticketId}:confirm`,
          template: 'ticket.guest_confirmation' as const,
          ...renderMail(
            'ticket.guest_confirmation',
            locale,
            { number, url: `${ctx.config.publicUrl}/requests/confirm?token=${confirmToken}` },
            brand ?? undefined,
          ),
        }
      : {
          dedupeKey: `ticket:${ticketId}:ack`,
          template: 'ticket.acknowledgement' as const,
          ...renderMail(
            'ticket.acknowledgement',
            locale,
            { number, url: `${ctx.config.publicUrl}/requests/${number}`, expectedBy: due?.resolutionDueAt },
            brand ?? undefined,
          ),
        }
    : null;
  const mailId = mail ? randomUUID() : null;
  // The same events, in the same order, as announceEntered writes for a customer's request.
  const events: Array<{ type: string; aggregate_type: string; aggregate_id: string; payload: Record<string, unknown> }> = [];
  if (!guest) {
    events.push({
      type: 'ticket.created',
      aggregate_type: 'ticket',
      aggregate_id: ticketId,
      payload: { rooms: roomsOf({ id: ticketId, departmentId: category.departmentId }) },
    });
    if (due) {
      events.push({
        type: 'ticket.sla_scheduled',
        aggregate_type: 'ticket',
        aggregate_id: ticketId,
        payload: Object.fromEntries(Object.entries(due).map(([k, v]) => [k, v.toISOString()])),
      });
    }
  }
  if (mailId) events.push({ type: 'mail.queued', aggregate_type: 'mail', aggregate_id: mailId, payload: {} });

  const response: FiledResponse = {
    number,
    status,
    expectedBy: due?.resolutionDueAt.toISOString() ?? null,
    confirmationRequired: guest,
  };
  const result: Filed = { replayed: false, status: 201, body: response };
  const messageId = randomUUID();
  const params: unknown[] = [
    ticketId, // $1
    number,
    category.id,
    form.id,
    category.departmentId,
    filingPriority(category.priority, Boolean(customer?.priority)), // $6
    Boolean(customer?.priority),
    status,
    subject,
    customer?.id ?? null, // $10
    guest ? (email ?? null) : null,
    body.name ?? customer?.name ?? '',
    locale,
    body.replyChannel ?? customer?.replyChannel ?? 'email',
    JSON.stringify(fields), // $15
    JSON.stringify(sealed),
    policy?.id ?? null,
    // A guest's clock starts when the address is confirmed.
    guest ? null : (due?.firstResponseDueAt.toISOString() ?? null),
    guest ? null : (due?.resolutionDueAt.toISOString() ?? null),
    confirmToken ? sha256(confirmToken) : null, // $20
    messageId,
    guest ? 'guest' : 'customer',
    description,
    JSON.stringify(
      uploads.map((u) => ({
        field_key: u.fieldKey,
        name: u.name,
        size: u.stored.size,
        content_type: u.stored.contentType,
        storage_key: u.stored.key,
        sha256: u.stored.sha256,
      })),
    ),
    customer ? 'customer' : 'guest', // $25 audit
    meta.ip ?? null,
    meta.requestId ?? null,
    JSON.stringify({ number, categoryId: category.id, formVersion: form.version, status }),
    JSON.stringify(events.map((e, n) => ({ n, ...e }))),
    mailId, // $30
    mail?.dedupeKey ?? null,
    mail?.template ?? null,
    to ?? null,
    mail?.subject ?? null,
    mail?.text ?? null, // $35
    mail?.html ?? null,
    mailId ? `<${randomUUID()}@${domain}>` : null,
    idemKey,
    requestHash,
    result.status, // $40
    JSON.stringify(response),
    // The headers queueTemplateMail gives a request's first mail (no thread yet).
    mail ? JSON.stringify(automaticMailHeaders(mail.template)) : null,
    limitKeys, // $43
    windowSeconds,
    hits.map((x) => x.limit.limit), // $45
  ];
  let row: FileRow | undefined;
  try {
    row = (await ctx.handle.query<FileRow>(FILE_SQL, params, { name: 'paydesk_file_ticket' })).rows[0];
  } catch (err) {
    // Two identical requests at once: the second lost the race on the key; answer as the first.
    if (idemKey && isUniqueViolation(err)) {
      const replay = await findReplay(ctx, idemKey, requestHash);
      if (replay) return replay;
    }
    throw err;
  }
  if (row?.replay) {
    if (row.replay.hash !== requestHash) throw new AppError('CONFLICT', { reason: 'idempotency_key_reused' });
    return { status: row.replay.status, body: row.replay.response, replayed: true };
  }
  if (!row?.id) {
    for (const [i, x] of hits.entries()) {
      const hit = row?.hits?.find((y) => y.key === limitKeys[i]);
      if (!hit || hit.count <= x.limit.limit) continue;
      const windowEnd = new Date(hit.window_start).getTime() + windowSeconds * 1000;
      throw new AppError('RATE_LIMITED', {
        retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - Date.now()) / 1000)),
        limit: x.limit.name,
      });
    }
    throw new AppError('INTERNAL');
  }
  ctx.outbox.kick();
  return result;
}

type FileRow = {
  replay: { hash: string; status: number; response: FiledResponse } | null;
  hits: Array<{ key: string; count: number; window_start: string }> | null;
  id: string | null;
};

/**
 * The whole filing as ONE statement (atomic on its own, so no BEGIN/COMMIT round trips):
 * - `k`: a replay of the same Idempotency-Key answers what the first request got (no limit counted);
 * - `h`: both filing limits counted, as one two-row upsert;
 * - `ok`: a row only when it is not a replay and no limit is exceeded; every write below selects
 *   from it, so a replay or a refusal writes nothing but the counters;
 * - then the request, its first message, its files, the audit row, the outbox events, the mail and
 *   the idempotency key. Ids and the number are drawn in the app, so every row is known before it
 *   is written; the foreign keys are checked at the end of the statement.
 * A named prepared statement on PostgreSQL: parsed and planned once per connection. Keep in step
 * with the Drizzle schema (server/db/schema); filing.service.test.ts checks every row it writes.
 */
const FILE_SQL = `
WITH k AS (
  SELECT request_hash, status_code, response FROM idempotency_keys WHERE key = $38::text
), h AS (
  INSERT INTO rate_counters AS rc (key, window_start, count)
  SELECT u.key, now(), 1 FROM unnest($43::text[]) AS u(key) WHERE NOT EXISTS (SELECT 1 FROM k)
  ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN rc.window_start <= now() - make_interval(secs => $44::integer) THEN 1 ELSE rc.count + 1 END,
    window_start = CASE WHEN rc.window_start <= now() - make_interval(secs => $44::integer) THEN now() ELSE rc.window_start END
  RETURNING key, count, window_start
), ok AS (
  SELECT 1 AS ok
   WHERE NOT EXISTS (SELECT 1 FROM k)
     AND NOT EXISTS (SELECT 1 FROM h JOIN unnest($43::text[], $45::integer[]) AS l(key, lim) ON l.key = h.key WHERE h.count > l.lim)
), t AS (
  INSERT INTO tickets (id, number, category_id, form_id, department_id, priority, priority_customer, status, channel,
    subject, customer_id, guest_email, requester_name, locale, reply_channel, fields, sealed_fields, sla_policy_id,
    first_response_due_at, resolution_due_at, confirm_token_hash)
  SELECT $1::uuid, $2::text, $3::uuid, $4::uuid, $5::uuid, $6::text, $7::boolean, $8::text, 'web',
    $9::text, $10::uuid, $11::text, $12::text, $13::text, $14::text, $15::jsonb, $16::jsonb, $17::uuid,
    $18::timestamptz, $19::timestamptz, $20::text
    FROM ok
  RETURNING id
), m AS (
  INSERT INTO ticket_messages (id, ticket_id, author_kind, author_id, body, channel)
  SELECT $21::uuid, $1::uuid, $22::text, $10::uuid, $23::text, 'web' FROM ok
), f AS (
  INSERT INTO attachments (ticket_id, message_id, field_key, name, size, content_type, storage_key, sha256)
  SELECT $1::uuid, $21::uuid, a.field_key, a.name, a.size, a.content_type, a.storage_key, a.sha256
    FROM ok, jsonb_to_recordset($24::jsonb) AS a(field_key text, name text, size bigint, content_type text, storage_key text, sha256 text)
), au AS (
  INSERT INTO audit_log (actor_kind, actor_id, action, entity_type, entity_id, ip, request_id, data)
  SELECT $25::text, $10::uuid, 'ticket.filed', 'ticket', $1::text, $26::text, $27::text, $28::jsonb FROM ok
), e AS (
  INSERT INTO outbox_events (type, aggregate_type, aggregate_id, payload)
  SELECT e.type, e.aggregate_type, e.aggregate_id, e.payload
    FROM ok, jsonb_to_recordset($29::jsonb) AS e(n integer, type text, aggregate_type text, aggregate_id text, payload jsonb)
   ORDER BY e.n
), ml AS (
  INSERT INTO outgoing_mail (id, dedupe_key, template, locale, to_address, subject, text_body, html_body, ticket_id, message_id, headers)
  SELECT $30::uuid, $31::text, $32::text, $13::text, $33::text, $34::text, $35::text, $36::text, $1::uuid, $37::text, $42::jsonb
    FROM ok WHERE $30::uuid IS NOT NULL
), ik AS (
  INSERT INTO idempotency_keys (key, request_hash, status_code, response)
  SELECT $38::text, $39::text, $40::integer, $41::jsonb FROM ok WHERE $38::text IS NOT NULL
)
SELECT
  (SELECT json_build_object('hash', request_hash, 'status', status_code, 'response', response) FROM k) AS replay,
  (SELECT json_agg(json_build_object('key', h.key, 'count', h.count, 'window_start', h.window_start)) FROM h) AS hits,
  (SELECT id::text FROM t) AS id`;

/**
 * Request numbers drawn from the sequence 50 at a time per database handle (one round trip per
 * 50 filings instead of one each). Numbers stay unique; they are not strictly in filing order
 * across nodes, and a restart leaves a gap of the unused rest of a block.
 */
const numberBlocks = new WeakMap<object, { next(): Promise<bigint> }>();
const NUMBER_BLOCK = 50;
function ticketNumbers(handle: AppContext['handle']): { next(): Promise<bigint> } {
  let allocator = numberBlocks.get(handle);
  if (allocator) return allocator;
  let pool: bigint[] = [];
  let refill: Promise<void> | null = null;
  allocator = {
    async next() {
      for (;;) {
        const n = pool.shift();
        if (n !== undefined) return n;
        refill ??= handle
          .query<{ n: string }>(`SELECT nextval('ticket_number_seq')::text AS n FROM generate_series(1, $1::integer)`, [
            NUMBER_BLOCK,
          ])
          .then(({ rows }) => {
            pool = pool.concat(rows.map((r) => BigInt(r.n)));
          })
          .finally(() => {
            refill = null;
          });
        await refill;
      }
    },
  };
  numberBlocks.set(handle, allocator);
  return allocator;
}

/** What happens when a request enters the queue (filed by a customer, or a guest confirmed). */
export async function announceEntered(
  tx: Tx,
  ctx: AppContext,
  t: {
    id: string;
    number: string;
    departmentId: string | null;
    locale: Locale;
    to: string | null | undefined;
    expectedBy?: Date;
    due: ReturnType<typeof computeDue> | null;
  },
): Promise<void> {
  await emit(tx, {
    type: 'ticket.created',
    aggregateType: 'ticket',
    aggregateId: t.id,
    payload: { rooms: roomsOf(t) },
  });
  if (t.due) await announceDue(tx, t.id, t.due);
  if (t.to) {
    await queueTemplateMail(tx, ctx.config, {
      dedupeKey: `ticket:${t.id}:ack`,
      template: 'ticket.acknowledgement',
      locale: t.locale,
      to: t.to,
      ticketId: t.id,
      vars: { number: t.number, url: `${ctx.config.publicUrl}/requests/${t.number}`, expectedBy: t.expectedBy },
    });
  }
}

/**
 * The leaf's SLA policy; for a customer with the Priority package the `priority` policy
 * when it is the tighter one (S1: Priority customers are answered first).
 */
async function policyFor(ctx: AppContext, policyId: string | null, priorityCustomer: boolean) {
  const leafPolicy = policyId ? await cachedPolicy(ctx, policyId) : null;
  if (!priorityCustomer) return leafPolicy;
  const priority = await cachedPolicyByCode(ctx, 'priority');
  if (!priority) return leafPolicy;
  if (!leafPolicy) return priority;
  const now = new Date();
  return computeDue(priority, now).resolutionDueAt < computeDue(leafPolicy, now).resolutionDueAt ? priority : leafPolicy;
}

async function findReplay(ctx: AppContext, key: string, requestHash: string): Promise<Filed | null> {
  const [row] = await ctx.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key)).limit(1);
  if (!row) return null;
  if (row.requestHash !== requestHash) throw new AppError('CONFLICT', { reason: 'idempotency_key_reused' });
  return { status: row.statusCode, body: row.response as FiledResponse, replayed: true };
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e.code === '23505' || e.cause?.code === '23505';
}
