import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Every outgoing message, rendered and kept whether or not SMTP is configured: admins read
 * them in the console; nothing is silently dropped. `dedupeKey` makes rendering idempotent
 * (an event delivered twice renders one message).
 */
export const outgoingMail = pgTable(
  'outgoing_mail',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dedupeKey: text('dedupe_key').notNull(),
    template: text('template').notNull(),
    locale: text('locale').notNull(),
    to: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('text_body').notNull(),
    html: text('html_body').notNull(),
    ticketId: uuid('ticket_id'),
    messageId: text('message_id').notNull(),
    inReplyTo: text('in_reply_to'),
    /** Earlier Message-IDs of the request's thread, oldest first, space-separated (capped). */
    references: text('references_ids'),
    /** Extra headers sent as they are (Auto-Submitted, X-Auto-Response-Suppress). */
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    /** queued → sent | failed; `stored` when no SMTP is configured. */
    status: text('status').$type<'queued' | 'sent' | 'failed' | 'stored'>().notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: tz('sent_at'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('outgoing_mail_dedupe_uq').on(t.dedupeKey),
    index('outgoing_mail_ticket_idx').on(t.ticketId),
    index('outgoing_mail_created_idx').on(t.createdAt),
    // The admin list: newest first, keyset on (created_at, id).
    index('outgoing_mail_list_idx').on(t.createdAt.desc(), t.id.desc()),
    index('outgoing_mail_status_idx').on(t.status, t.createdAt.desc()),
    // Incoming replies and bounces are matched to what we sent by Message-ID, case-insensitively.
    index('outgoing_mail_message_id_idx').on(sql`lower(${t.messageId})`),
  ],
);
