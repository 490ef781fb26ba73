import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { FormValues } from '../../../common/forms/types';
import type { TicketChannel, TicketStatus } from '../../../common/tickets';
import { customers, staffUsers } from './auth';
import { categories, departments, forms, slaPolicies, type Priority } from './catalog';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Feeds the human-friendly request numbers (PD-<n><check digit>). */
export const ticketNumberSeq = pgSequence('ticket_number_seq', { startWith: 100000 });

export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => categories.id),
    /** The exact form version the request was filed with. */
    formId: uuid('form_id')
      .notNull()
      .references(() => forms.id),
    departmentId: uuid('department_id').references(() => departments.id),
    /** Tier within the department (1–3); escalation raises it. */
    tier: integer('tier').notNull().default(1),
    assigneeId: uuid('assignee_id').references(() => staffUsers.id),
    priority: text('priority').$type<Priority>().notNull(),
    /** The customer has the paid Priority package: sorted first in every queue. */
    priorityCustomer: boolean('priority_customer').notNull().default(false),
    mergedIntoId: uuid('merged_into_id'),
    resolutionCode: text('resolution_code'),
    /** Identification of the customer by an operator (S0, S2): result, who, when. */
    identification: text('identification').$type<'identified' | 'failed'>(),
    identifiedBy: uuid('identified_by'),
    identifiedAt: timestamp('identified_at', { withTimezone: true, mode: 'date' }),
    status: text('status').$type<TicketStatus>().notNull(),
    channel: text('channel').$type<TicketChannel>().notNull(),
    subject: text('subject').notNull(),
    customerId: uuid('customer_id').references(() => customers.id),
    /** Guests: the address the request was filed with (lower case). */
    guestEmail: text('guest_email'),
    requesterName: text('requester_name').notNull().default(''),
    locale: text('locale').notNull().default('ru'),
    replyChannel: text('reply_channel').$type<'email' | 'portal'>().notNull().default('email'),
    /** Submitted values; personal fields appear here masked only. */
    fields: jsonb('fields').$type<FormValues>().notNull(),
    /** Personal fields (passport data…) sealed with AES-256-GCM (platform/crypto.ts). */
    sealedFields: jsonb('sealed_fields').$type<Record<string, string>>().notNull().default({}),
    slaPolicyId: uuid('sla_policy_id').references(() => slaPolicies.id),
    firstResponseDueAt: tz('first_response_due_at'),
    resolutionDueAt: tz('resolution_due_at'),
    /** Business minutes left when the clock was paused (pending_customer). */
    slaRemainingMinutes: integer('sla_remaining_minutes'),
    slaPausedAt: tz('sla_paused_at'),
    atRiskAt: tz('at_risk_at'),
    breachedAt: tz('breached_at'),
    firstRespondedAt: tz('first_responded_at'),
    confirmTokenHash: text('confirm_token_hash'),
    confirmedAt: tz('confirmed_at'),
    resolvedAt: tz('resolved_at'),
    archivedAt: tz('archived_at'),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tickets_number_uq').on(t.number),
    uniqueIndex('tickets_confirm_token_uq').on(t.confirmTokenHash),
    index('tickets_customer_idx').on(t.customerId, t.updatedAt, t.id),
    index('tickets_status_idx').on(t.status, t.resolutionDueAt),
    index('tickets_unconfirmed_idx')
      .on(t.createdAt)
      .where(sql`status = 'unconfirmed'`),
    // Queues (partial indexes over the working statuses), each in queue order: Priority
    // customers first, then the SLA due time, then id for a stable keyset.
    index('tickets_q_mine_idx')
      .on(t.assigneeId, t.priorityCustomer.desc(), t.resolutionDueAt, t.id)
      .where(sql`status IN ('new', 'open', 'reopened', 'pending_customer')`),
    index('tickets_q_unassigned_idx')
      .on(t.departmentId, t.priorityCustomer.desc(), t.resolutionDueAt, t.id)
      .where(sql`assignee_id IS NULL AND status IN ('new', 'open', 'reopened')`),
    index('tickets_q_waiting_idx')
      .on(t.departmentId, t.priorityCustomer.desc(), t.updatedAt, t.id)
      .where(sql`status = 'pending_customer'`),
    index('tickets_q_all_idx')
      .on(t.priorityCustomer.desc(), t.resolutionDueAt, t.id)
      .where(sql`status IN ('new', 'open', 'reopened', 'pending_customer')`),
    index('tickets_q_department_idx')
      .on(t.departmentId, t.priorityCustomer.desc(), t.resolutionDueAt, t.id)
      .where(sql`status IN ('new', 'open', 'reopened', 'pending_customer')`),
    index('tickets_q_at_risk_idx')
      .on(t.priorityCustomer.desc(), t.resolutionDueAt, t.id)
      .where(sql`at_risk_at IS NOT NULL AND breached_at IS NULL AND status IN ('new', 'open', 'reopened')`),
    // Console search: words of the subject (trigrams serve ILIKE '%…%'), a guest's e-mail.
    index('tickets_subject_trgm_idx').using('gin', sql`${t.subject} gin_trgm_ops`),
    index('tickets_guest_email_idx').on(sql`lower(${t.guestEmail})`),
    index('tickets_q_breached_idx')
      .on(t.priorityCustomer.desc(), t.resolutionDueAt, t.id)
      .where(sql`breached_at IS NOT NULL AND status IN ('new', 'open', 'reopened', 'pending_customer')`),
  ],
);

export const ticketMessages = pgTable(
  'ticket_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    authorKind: text('author_kind').$type<'customer' | 'guest' | 'staff' | 'system'>().notNull(),
    authorId: uuid('author_id'),
    body: text('body').notNull(),
    /** Internal notes are never shown to the customer. */
    internal: boolean('internal').notNull().default(false),
    channel: text('channel').$type<TicketChannel>().notNull().default('web'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [index('ticket_messages_ticket_idx').on(t.ticketId, t.createdAt)],
);

export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    messageId: uuid('message_id').references(() => ticketMessages.id),
    /** The form field the file was uploaded for (receipt scan…), if any. */
    fieldKey: text('field_key'),
    name: text('name').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    contentType: text('content_type').notNull(),
    storageKey: text('storage_key').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [index('attachments_ticket_idx').on(t.ticketId)],
);

/** Guests' tracking links: a long random token, stored hashed, scoped to one request, revocable. */
export const ticketAccessTokens = pgTable(
  'ticket_access_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    tokenHash: text('token_hash').notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
    lastUsedAt: tz('last_used_at'),
    revokedAt: tz('revoked_at'),
  },
  (t) => [uniqueIndex('ticket_access_tokens_hash_uq').on(t.tokenHash), index('ticket_access_tokens_ticket_idx').on(t.ticketId)],
);

/** Answers to Idempotency-Key requests, replayed for the same key and body. */
export const idempotencyKeys = pgTable('idempotency_keys', {
  key: text('key').primaryKey(),
  requestHash: text('request_hash').notNull(),
  statusCode: integer('status_code').notNull(),
  response: jsonb('response').$type<Record<string, unknown>>().notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
});

/** Fixed-window counters for rate limits shared by all nodes (key = limit name + subject). */
export const rateCounters = pgTable('rate_counters', {
  key: text('key').primaryKey(),
  windowStart: tz('window_start').notNull().defaultNow(),
  count: integer('count').notNull().default(0),
});
