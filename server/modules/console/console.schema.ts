import { z } from 'zod';
import { l10nText } from '../../../common/l10n';
import { TICKET_CHANNELS, TICKET_STATUSES } from '../../../common/tickets';
import { PRIORITIES } from '../../db/schema';
import { QUEUES } from './console.queries';

const l10n = l10nText;
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const numberParams = z.object({ number: z.string().min(3).max(40) });
export const attachmentParams = numberParams.extend({ id: z.string().uuid() });

export const queuesResponse = z.object({
  items: z.array(z.object({ queue: z.enum(QUEUES), count: z.number().int(), capped: z.boolean() })),
});

export const listQuery = z.object({
  queue: z.enum(QUEUES).default('mine'),
  q: z.string().trim().max(200).optional(),
  status: z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(TICKET_STATUSES)))
    .optional(),
  department: z.string().max(60).optional(),
  category: z.string().uuid().optional(),
  priority: z.enum(PRIORITIES).optional(),
  channel: z.enum(TICKET_CHANNELS).optional(),
  tier: z.coerce.number().int().min(1).max(3).optional(),
  priorityCustomer: bool.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const listResponse = z.object({
  items: z.array(
    z.object({
      number: z.string(),
      subject: z.string(),
      status: z.enum(TICKET_STATUSES),
      priority: z.enum(PRIORITIES),
      priorityCustomer: z.boolean(),
      channel: z.enum(TICKET_CHANNELS),
      tier: z.number().int(),
      department: z.object({ id: z.string(), code: z.string(), name: l10n }).nullable(),
      category: z.object({ id: z.string(), name: l10n }),
      assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
      customer: z.object({ name: z.string(), email: z.string().nullable() }),
      slaDueAt: z.string().nullable(),
      atRisk: z.boolean(),
      breached: z.boolean(),
      updatedAt: z.string(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

const attachment = z.object({ id: z.string(), name: z.string(), size: z.number(), type: z.string() });
const walletInfo = z.object({
  walletNumber: z.string(),
  ownerName: z.string(),
  blocked: z.boolean(),
  blockReason: z.string().nullable(),
  flags: z.object({
    smsConfirmationOff: z.boolean(),
    unknownIpLogin: z.boolean(),
    cardWithdrawalsBypassing: z.boolean(),
    transfersFromComplainedAccount: z.boolean(),
    weeklyLimitExceeded: z.boolean(),
  }),
  balance: z.string(),
});

export const workspaceResponse = z.object({
  /** For the realtime room `ticket:<id>` (presence, live updates). */
  id: z.string().uuid(),
  number: z.string(),
  subject: z.string(),
  status: z.enum(TICKET_STATUSES),
  priority: z.enum(PRIORITIES),
  priorityCustomer: z.boolean(),
  channel: z.enum(TICKET_CHANNELS),
  tier: z.number().int(),
  locale: z.string(),
  replyChannel: z.enum(['email', 'portal']),
  department: z.object({ id: z.string(), code: z.string(), name: l10n }).nullable(),
  category: z.object({ id: z.string(), slug: z.string(), path: z.array(z.object({ id: z.string(), name: l10n })) }),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  sla: z.object({
    firstResponseDueAt: z.string().nullable(),
    resolutionDueAt: z.string().nullable(),
    pausedAt: z.string().nullable(),
    atRisk: z.boolean(),
    breached: z.boolean(),
    firstRespondedAt: z.string().nullable(),
  }),
  resolutionCode: z.string().nullable(),
  routingHint: z.enum(['lost_money_order']).nullable(),
  fields: z.array(
    z.object({
      key: z.string(),
      label: l10n,
      type: z.string(),
      value: z.string(),
      personal: z.boolean(),
      revealable: z.boolean(),
    }),
  ),
  messages: z.array(
    z.object({
      id: z.string(),
      internal: z.boolean(),
      author: z.object({ kind: z.enum(['customer', 'staff', 'system']), name: z.string() }),
      body: z.string(),
      createdAt: z.string(),
      attachments: z.array(attachment),
    }),
  ),
  history: z.array(z.object({ at: z.string(), action: z.string(), actor: z.string(), data: z.record(z.string(), z.unknown()) })),
  customer: z.object({
    kind: z.enum(['account', 'guest']),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    priority: z.boolean(),
    walletNumber: z.string().nullable(),
    earlier: z.array(
      z.object({ number: z.string(), subject: z.string(), status: z.enum(TICKET_STATUSES), createdAt: z.string() }),
    ),
    identification: z.object({
      state: z.enum(['identified', 'failed', 'not_identified']),
      by: z.string().nullable(),
      at: z.string().nullable(),
    }),
    wallets: z.array(walletInfo),
  }),
  /**
   * Where a public answer goes (console.actions notifyCustomer): the personal section when there is an
   * account; by mail the whole text (`full`), a short notice (`notice`) or nothing (`none`).
   * Neither a portal nor mail: the customer cannot be reached and the console warns before sending.
   */
  reach: z.object({ portal: z.boolean(), email: z.string().nullable(), mail: z.enum(['full', 'notice', 'none']) }),
  can: z.object({
    work: z.boolean(),
    reveal: z.boolean(),
    /** May assign the request to a named colleague (supervisors, tier 2+ of its department). */
    assign: z.boolean(),
  }),
});

const reason = z.string().trim().min(3, 'give a reason').max(1000);
export const reasonBody = z.object({ reason });
export const assignBody = z.object({ staffId: z.string().uuid(), reason: z.string().trim().max(1000).optional() });
export const transferBody = z.object({ departmentCode: z.string().min(1).max(60), reason });
export const priorityBody = z.object({ priority: z.enum(PRIORITIES), reason });
export const mergeBody = z.object({ into: z.string().min(3).max(40), reason });
export const textBody = z.object({ body: z.string().trim().min(1).max(20_000) });
export const resolveBody = z.object({
  resolutionCode: z.string().min(1).max(60),
  body: z.string().trim().max(20_000).optional(),
});
export const identifyBody = z.object({
  walletNumber: z.string().trim().min(5).max(30),
  passport: z.string().trim().min(6).max(30),
});
export const identifyResponse = z.object({ result: z.enum(['identified', 'failed']), reason: z.string().nullable() });
export const revealBody = z.object({ field: z.string().min(1).max(40), reason });
export const revealResponse = z.object({ field: z.string(), value: z.string() });
export const cannedResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      body: z.string(),
      /** Placeholders left out because the request has no value for them (the picker warns). */
      emptyPlaceholders: z.array(z.string()),
      scope: z.enum(['category', 'department', 'general']),
    }),
  ),
});
export const okResponse = z.object({ ok: z.literal(true), messageId: z.string().optional() });

export const auditQuery = z.object({
  actor: z.string().uuid().optional(),
  action: z.string().max(80).optional(),
  number: z.string().max(40).optional(),
  entityType: z.string().max(40).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  cursor: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const auditResponse = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      at: z.string(),
      actor: z.object({ kind: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
      action: z.string(),
      entityType: z.string(),
      entityId: z.string().nullable(),
      /** The request's number when the row is about a request (for the link). */
      number: z.string().nullable(),
      ip: z.string().nullable(),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
  nextCursor: z.number().nullable(),
});

export const assigneesResponse = z.object({
  items: z.array(
    z.object({ id: z.string(), name: z.string(), tier: z.number().int(), roles: z.array(z.string()), current: z.boolean() }),
  ),
});
