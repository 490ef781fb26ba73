import { z } from 'zod';
import { MAIL_TEMPLATES } from './templates';

export const MAIL_STATUSES = ['queued', 'sent', 'failed', 'stored'] as const;

export const mailListQuery = z.object({
  status: z.enum(MAIL_STATUSES).optional(),
  template: z.enum(MAIL_TEMPLATES).optional(),
  /** Part of the recipient's address, case-insensitive. */
  to: z.string().trim().min(1).max(200).optional(),
  /** A request number as typed (PD-1000014, 1000014). */
  number: z.string().trim().min(1).max(30).optional(),
  /** Created on or after / before (ISO date or date-time). */
  from: z.coerce.date().optional(),
  until: z.coerce.date().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type MailListQuery = z.infer<typeof mailListQuery>;

const iso = z.string();

export const mailSummary = z.object({
  id: z.string().uuid(),
  createdAt: iso,
  status: z.enum(MAIL_STATUSES),
  template: z.string(),
  locale: z.string(),
  to: z.string(),
  subject: z.string(),
  ticketNumber: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  sentAt: iso.nullable(),
});

export const mailListResponse = z.object({ items: z.array(mailSummary), nextCursor: z.string().nullable() });

export const mailDetail = mailSummary.extend({
  from: z.string(),
  messageId: z.string(),
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
  headers: z.record(z.string(), z.string()),
  text: z.string(),
  html: z.string(),
  /** Whether an admin may resend it now (failed messages only). */
  canResend: z.boolean(),
});

export const mailIdParams = z.object({ id: z.string().uuid() });
