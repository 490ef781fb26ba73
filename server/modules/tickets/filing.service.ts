import type { Locale } from '../../../common/errors';
import { fieldErrorMessage } from '../../../common/forms/messages';
import type { FieldErrors, FileDescriptor, FormDef, FormValues } from '../../../common/forms/types';
import { validateFormValues } from '../../../common/forms/validate';
import type { AppContext, RequestMeta } from '../../context';
import { AppError } from '../../errors';
import type { AuthUser } from '../../platform/auth/sessions';
import { sha256 } from '../../platform/crypto';
import type { Upload } from '../../platform/files/multipart';
import { cachedLeaf, openRequest, type Opened } from './commands';
import { honeypotAnswer } from './honeypot';
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

export type Filed = { status: number; body: FiledResponse; replayed: boolean };

/**
 * The web form's adapter of `openRequest`: the honeypot, the form's validation and the sealing
 * of personal fields happen here; the limits, the Idempotency-Key, the request with its message,
 * files, history, events and first mail are the command's one statement. Answers at once with
 * the number and the expected review time.
 */
export async function fileTicket(ctx: AppContext, input: FileInput): Promise<Filed> {
  const { body, uploads, customer, meta } = input;
  const locale: Locale = body.locale ?? (customer?.locale as Locale | undefined) ?? ctx.config.DEFAULT_LOCALE;
  const email = customer ? customer.email : body.email;
  if (!customer && !email) {
    throw new AppError('VALIDATION_FAILED', {
      fields: { email: { code: 'required', message: fieldErrorMessage({ code: 'required' }, locale) } },
    });
  }

  const scope = customer ? `c:${customer.id}` : `ip:${meta.ip}`;
  const limits = filingLimits(ctx.config);
  const { category, form } = await cachedLeaf(ctx, body.categoryId);
  const values = { ...body.fields, ...describeUploads(uploads) };
  const checked = validateFormValues(form.definition as FormDef, values, { now: new Date() });
  if (!checked.ok) throw new AppError('VALIDATION_FAILED', { fields: fieldErrorBody(checked.errors, locale) });
  // A bot's filled hidden field: answered like a filing (after the same checks), nothing kept.
  if (body.website) {
    const answer = await honeypotAnswer(ctx, {
      slaPolicyId: category.slaPolicyId,
      priority: Boolean(customer?.priority),
      guest: !customer,
      perIp: limits.perIp,
      meta,
    });
    return { status: 201, body: answer, replayed: false };
  }

  const { fields, sealed } = sealPersonal(form.definition as FormDef, checked.values, ctx.cipher);
  const subject = body.subject?.trim() || category.name[locale];
  const guest = !customer;
  const result = await openRequest(ctx, {
    channel: 'web',
    categoryId: category.id,
    requester: customer ? { kind: 'customer', customer } : { kind: 'guest', email: email ?? null, confirmed: false },
    requesterName: body.name ?? customer?.name ?? '',
    subject,
    locale,
    replyChannel: body.replyChannel ?? customer?.replyChannel ?? 'email',
    fields,
    sealedFields: sealed,
    body: typeof checked.values.description === 'string' ? checked.values.description : subject,
    files: uploads.map((u) => ({ fieldKey: u.fieldKey, name: u.name, stored: u.stored })),
    contact: email ?? null,
    limits: [
      { ...limits.perIp, subject: meta.ip },
      { ...limits.perEmail, subject: customer ? customer.id : (email ?? '') },
    ].map((l) => ({ name: l.name, limit: l.limit, windowSeconds: l.windowSeconds, subject: l.subject })),
    idempotency: input.idempotencyKey
      ? {
          key: `${scope}:${input.idempotencyKey}`,
          hash: sha256(JSON.stringify({ body, files: uploads.map((u) => [u.fieldKey, u.stored.sha256]) })),
          answer: (o) => ({ status: 201, response: filedBody(o, guest) }),
        }
      : undefined,
    origin: meta,
  });
  if (result.kind === 'replayed') return { status: result.status, body: result.response as FiledResponse, replayed: true };
  return { status: 201, body: filedBody(result.opened, guest), replayed: false };
}

function filedBody(o: Opened, guest: boolean): FiledResponse {
  return {
    number: o.number,
    status: o.status,
    expectedBy: o.due?.resolutionDueAt.toISOString() ?? null,
    confirmationRequired: guest,
  };
}
