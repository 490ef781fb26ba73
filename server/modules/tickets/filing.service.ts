import { and, eq, sql } from 'drizzle-orm';
import type { Locale } from '../../../common/errors';
import { fieldErrorMessage } from '../../../common/forms/messages';
import type { FieldErrors, FileDescriptor, FormDef, FormValues } from '../../../common/forms/types';
import { validateFormValues } from '../../../common/forms/validate';
import type { AppContext, RequestMeta } from '../../context';
import type { Tx } from '../../db/connection';
import {
  attachments,
  categories,
  customers,
  forms,
  idempotencyKeys,
  slaPolicies,
  ticketMessages,
  tickets,
} from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../../platform/audit';
import type { AuthUser } from '../../platform/auth/sessions';
import { randomToken, sha256 } from '../../platform/crypto';
import type { Upload } from '../../platform/files/multipart';
import { emit, withTransaction } from '../../platform/outbox';
import { enforceRateLimit } from '../../platform/ratelimit';
import { queueTemplateMail } from '../mail/mail.service';
import { announceDue, computeDue, loadPolicy } from '../sla/sla.service';
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

  // A replay of the same Idempotency-Key answers what the first request got.
  const scope = customer ? `c:${customer.id}` : `ip:${meta.ip}`;
  const idemKey = input.idempotencyKey ? `${scope}:${input.idempotencyKey}` : null;
  const requestHash = sha256(JSON.stringify({ body, files: uploads.map((u) => [u.fieldKey, u.stored.sha256]) }));
  if (idemKey) {
    const replay = await findReplay(ctx, idemKey, requestHash);
    if (replay) return replay;
  }

  const limits = filingLimits(ctx.config);
  await enforceRateLimit(ctx.db, limits.perIp, meta.ip);
  await enforceRateLimit(ctx.db, limits.perEmail, customer ? customer.id : (email ?? ''));

  const { category, form } = await loadLeaf(ctx.db, body.categoryId);
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

  try {
    return await withTransaction(ctx, async (tx) => {
      const number = await nextNumber(tx);
      const [ticket] = await tx
        .insert(tickets)
        .values({
          number,
          categoryId: category.id,
          formId: form.id,
          departmentId: category.departmentId,
          priority: customer?.priority && category.priority === 'normal' ? 'high' : category.priority,
          priorityCustomer: Boolean(customer?.priority),
          status: guest ? 'unconfirmed' : 'new',
          channel: 'web',
          subject,
          customerId: customer?.id ?? null,
          guestEmail: guest ? (email ?? null) : null,
          requesterName: body.name ?? customer?.name ?? '',
          locale,
          replyChannel: body.replyChannel ?? (customer ? await defaultReplyChannel(tx, customer.id) : 'email'),
          fields,
          sealedFields: sealed,
          slaPolicyId: policy?.id ?? null,
          // A guest's clock starts when the address is confirmed.
          firstResponseDueAt: guest ? null : (due?.firstResponseDueAt ?? null),
          resolutionDueAt: guest ? null : (due?.resolutionDueAt ?? null),
          confirmTokenHash: confirmToken ? sha256(confirmToken) : null,
        })
        .returning();
      if (!ticket) throw new AppError('INTERNAL');
      const [message] = await tx
        .insert(ticketMessages)
        .values({
          ticketId: ticket.id,
          authorKind: guest ? 'guest' : 'customer',
          authorId: customer?.id ?? null,
          body: description,
          channel: 'web',
        })
        .returning({ id: ticketMessages.id });
      if (uploads.length > 0) {
        await tx.insert(attachments).values(
          uploads.map((u) => ({
            ticketId: ticket.id,
            messageId: message?.id ?? null,
            fieldKey: u.fieldKey,
            name: u.name,
            size: u.stored.size,
            contentType: u.stored.contentType,
            storageKey: u.stored.key,
            sha256: u.stored.sha256,
          })),
        );
      }
      await recordAudit(tx, {
        actor: customer ? { kind: 'customer', id: customer.id } : { kind: 'guest' },
        action: 'ticket.filed',
        entityType: 'ticket',
        entityId: ticket.id,
        ip: meta.ip,
        requestId: meta.requestId,
        data: { number, categoryId: category.id, formVersion: form.version, status: ticket.status },
      });
      if (guest) {
        await queueTemplateMail(tx, ctx.config, {
          dedupeKey: `ticket:${ticket.id}:confirm`,
          template: 'ticket.guest_confirmation',
          locale,
          to: email ?? '',
          ticketId: ticket.id,
          vars: { number, url: `${ctx.config.publicUrl}/requests/confirm?token=${confirmToken}` },
        });
      } else {
        await announceEntered(tx, ctx, {
          id: ticket.id,
          number,
          departmentId: ticket.departmentId,
          locale,
          to: email,
          expectedBy: due?.resolutionDueAt,
          due,
        });
      }
      const result = {
        replayed: false,
        status: 201,
        body: {
          number,
          status: ticket.status,
          expectedBy: due?.resolutionDueAt.toISOString() ?? null,
          confirmationRequired: guest,
        },
      };
      if (idemKey) {
        await tx.insert(idempotencyKeys).values({ key: idemKey, requestHash, statusCode: result.status, response: result.body });
      }
      return result;
    });
  } catch (err) {
    // Two identical requests at once: the second lost the race on the key; answer as the first.
    if (idemKey && isUniqueViolation(err)) {
      const replay = await findReplay(ctx, idemKey, requestHash);
      if (replay) return replay;
    }
    throw err;
  }
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
  const leafPolicy = policyId ? await loadPolicy(ctx.db, policyId) : null;
  if (!priorityCustomer) return leafPolicy;
  const [row] = await ctx.db.select({ id: slaPolicies.id }).from(slaPolicies).where(eq(slaPolicies.code, 'priority')).limit(1);
  const priority = row ? await loadPolicy(ctx.db, row.id) : null;
  if (!priority) return leafPolicy;
  if (!leafPolicy) return priority;
  const now = new Date();
  return computeDue(priority, now).resolutionDueAt < computeDue(leafPolicy, now).resolutionDueAt ? priority : leafPolicy;
}

async function nextNumber(tx: Tx): Promise<string> {
  const result = await tx.execute<{ n: string }>(sql`SELECT nextval('ticket_number_seq')::text AS n`);
  const n = (result as unknown as { rows: Array<{ n: string }> }).rows[0]?.n;
  if (!n) throw new AppError('INTERNAL');
  return formatTicketNumber(BigInt(n));
}

async function defaultReplyChannel(tx: Tx, customerId: string): Promise<'email' | 'portal'> {
  const [c] = await tx
    .select({ replyChannel: customers.replyChannel })
    .from(customers)
    .where(eq(customers.id, customerId))
    .limit(1);
  return c?.replyChannel ?? 'email';
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
