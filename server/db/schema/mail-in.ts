import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, real, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { categories, departments } from './catalog';
import { ticketMessages, tickets } from './tickets';
import { bytea, tz } from './columns';

/**
 * Addresses paydesk receives mail at: each routes its letters to a department and/or a category
 * (a generic mailbox with neither category routes by content). Optional IMAP settings make the
 * worker poll it; the built-in SMTP listener accepts only active addresses listed here.
 */
export const mailboxes = pgTable(
  'mailboxes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Lower case. */
    address: text('address').notNull(),
    name: text('name').notNull().default(''),
    departmentId: uuid('department_id').references(() => departments.id),
    categoryId: uuid('category_id').references(() => categories.id),
    active: boolean('active').notNull().default(true),
    imapHost: text('imap_host'),
    imapPort: integer('imap_port'),
    imapSecure: boolean('imap_secure').notNull().default(true),
    imapUser: text('imap_user'),
    /** Sealed with platform/crypto (AES-256-GCM); never returned by the API. */
    imapPasswordSealed: text('imap_password_sealed'),
    imapFolder: text('imap_folder').notNull().default('INBOX'),
    /** The folder's UIDVALIDITY the last UID belongs to; a change means the UIDs were renumbered. */
    imapUidValidity: bigint('imap_uid_validity', { mode: 'number' }),
    /** The highest UID stored (in the same transaction as the letter): a restart resumes after it. */
    imapLastUid: bigint('imap_last_uid', { mode: 'number' }).notNull().default(0),
    imapLastPolledAt: tz('imap_last_polled_at'),
    imapLastError: text('imap_last_error'),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('mailboxes_address_uq').on(sql`lower(${t.address})`)],
);

export type IncomingState = 'received' | 'processed' | 'ignored' | 'bounce' | 'failed';

/**
 * Every letter received, stored (raw, encrypted) before the sender is told 250, then processed
 * by the `mail.incoming` job. Unique per mailbox and Message-ID: a second delivery is one row.
 */
export const incomingMail = pgTable(
  'incoming_mail',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mailboxId: uuid('mailbox_id')
      .notNull()
      .references(() => mailboxes.id),
    source: text('source').$type<'smtp' | 'imap'>().notNull(),
    /** Normalised `<id@host>`; letters without one get `<sha256-of-raw@no-message-id>`. */
    messageId: text('message_id').notNull(),
    /** AES-256-GCM of the raw letter (it may carry passport data): iv | tag | ciphertext. */
    rawSealed: bytea('raw_sealed').notNull(),
    size: integer('size').notNull(),
    imapUid: bigint('imap_uid', { mode: 'number' }),
    state: text('state').$type<IncomingState>().notNull().default('received'),
    /** Why a letter was ignored or failed (`auto_submitted`, `bulk`, `bounce`…), never its content. */
    reason: text('reason'),
    fromAddress: text('from_address'),
    /** Subject and text with passport numbers masked; the sanitised HTML likewise. */
    subject: text('subject'),
    textBody: text('text_body'),
    htmlSanitized: text('html_sanitized'),
    ticketId: uuid('ticket_id').references(() => tickets.id),
    ticketMessageId: uuid('ticket_message_id').references(() => ticketMessages.id),
    /** How the thread was found: in_reply_to, references, subject_token, or new. */
    threadedBy: text('threaded_by'),
    /** A threaded letter from an address other than the request's contact. */
    otherSender: boolean('other_sender').notNull().default(false),
    /** Content routing of a generic mailbox's letter: the guess and its confidence 0..1. */
    routedCategoryId: uuid('routed_category_id').references(() => categories.id),
    routeConfidence: real('route_confidence'),
    refusedFiles: jsonb('refused_files').$type<Array<{ name: string; reason: string }>>().notNull().default([]),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    receivedAt: tz('received_at').notNull().defaultNow(),
    processedAt: tz('processed_at'),
  },
  (t) => [
    uniqueIndex('incoming_mail_mailbox_message_uq').on(t.mailboxId, t.messageId),
    index('incoming_mail_message_id_idx').on(t.messageId),
    index('incoming_mail_ticket_idx').on(t.ticketId),
    index('incoming_mail_received_idx')
      .on(t.receivedAt)
      .where(sql`state = 'received'`),
  ],
);
