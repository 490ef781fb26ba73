import { z } from 'zod';
import { l10nText } from '../../../common/l10n';
import { LOCALES } from '../../../common/errors';
import { REPLY_CHANNELS, TICKET_CHANNELS, TICKET_STATUSES } from '../../../common/tickets';

const l10n = l10nText;

/** The JSON of a new request (the `data` part when multipart). */
export const fileTicketBody = z.object({
  categoryId: z.string().uuid(),
  subject: z.string().trim().max(200).optional(),
  fields: z.record(z.string(), z.unknown()).default({}),
  email: z.string().trim().toLowerCase().email().max(254).optional(),
  name: z.string().trim().max(120).optional(),
  locale: z.enum(LOCALES).optional(),
  replyChannel: z.enum(REPLY_CHANNELS).optional(),
  /** Honeypot: people never see it, so it stays empty. */
  website: z.string().max(500).optional(),
});
export type FileTicketBody = z.infer<typeof fileTicketBody>;

export const filedResponse = z.object({
  number: z.string(),
  status: z.enum(TICKET_STATUSES),
  expectedBy: z.string().nullable(),
  confirmationRequired: z.boolean(),
});
export type FiledResponse = z.infer<typeof filedResponse>;

export const confirmBody = z.object({ token: z.string().min(20).max(200) });
export const confirmResponse = z.object({ number: z.string(), trackingToken: z.string() });

export const numberParams = z.object({ number: z.string().min(3).max(40) });
export const attachmentParams = numberParams.extend({ id: z.string().uuid() });

export const listQuery = z.object({
  tab: z.enum(['active', 'archive']).default('active'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

const categoryRef = z.object({ id: z.string().uuid(), name: l10n });

export const ticketListResponse = z.object({
  items: z.array(
    z.object({
      number: z.string(),
      subject: z.string(),
      status: z.enum(TICKET_STATUSES),
      category: categoryRef,
      createdAt: z.string(),
      updatedAt: z.string(),
      expectedBy: z.string().nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const attachmentSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  size: z.number(),
  type: z.string(),
  fieldKey: z.string().nullable(),
});

export const messageSchema = z.object({
  id: z.string().uuid(),
  author: z.object({ kind: z.enum(['customer', 'staff', 'system']), name: z.string() }),
  body: z.string(),
  createdAt: z.string(),
  attachments: z.array(attachmentSchema),
});

export const ticketResponse = z.object({
  id: z.string().uuid(),
  number: z.string(),
  subject: z.string(),
  status: z.enum(TICKET_STATUSES),
  channel: z.enum(TICKET_CHANNELS),
  createdAt: z.string(),
  updatedAt: z.string(),
  expectedBy: z.string().nullable(),
  replyChannel: z.enum(REPLY_CHANNELS),
  category: categoryRef.extend({ path: z.array(categoryRef) }),
  fields: z.array(z.object({ key: z.string(), label: l10n, type: z.string(), value: z.string() })),
  messages: z.array(messageSchema),
  attachments: z.array(attachmentSchema),
  can: z.object({ reply: z.boolean(), resolve: z.boolean(), reopen: z.boolean() }),
});
export type TicketResponse = z.infer<typeof ticketResponse>;

export const replyBody = z.object({ body: z.string().trim().min(1).max(10_000) });
export const reopenBody = z.object({ message: z.string().trim().min(1).max(10_000) });
export const replyChannelBody = z.object({ replyChannel: z.enum(REPLY_CHANNELS) });
