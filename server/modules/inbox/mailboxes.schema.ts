import { z } from 'zod';

export const imapInput = z.object({
  host: z.string().trim().min(1).max(255),
  port: z.number().int().min(1).max(65535),
  secure: z.boolean(),
  user: z.string().trim().min(1).max(255),
  /** Omitted on update: the stored password is kept. */
  password: z.string().min(1).max(500).optional(),
  folder: z.string().trim().min(1).max(255).default('INBOX'),
});

export const mailboxInput = z.object({
  address: z.string().trim().toLowerCase().email().max(254),
  name: z.string().trim().max(120).default(''),
  departmentId: z.string().uuid().nullable().default(null),
  categoryId: z.string().uuid().nullable().default(null),
  active: z.boolean().default(true),
  imap: imapInput.nullable().default(null),
});

export const mailboxView = z.object({
  id: z.string(),
  address: z.string(),
  name: z.string(),
  departmentId: z.string().nullable(),
  categoryId: z.string().nullable(),
  active: z.boolean(),
  imap: z
    .object({
      host: z.string(),
      port: z.number(),
      secure: z.boolean(),
      user: z.string(),
      folder: z.string(),
      passwordSet: z.boolean(),
      lastUid: z.number(),
      lastPolledAt: z.string().nullable(),
      lastError: z.string().nullable(),
    })
    .nullable(),
  /** Letters stored but not processed yet, and those that failed processing. */
  waiting: z.number(),
  failed: z.number(),
});
export type MailboxInput = z.infer<typeof mailboxInput>;
export type MailboxView = z.infer<typeof mailboxView>;
