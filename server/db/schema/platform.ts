import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Domain events written in the command's transaction and delivered after commit. */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    type: text('type').notNull(),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: tz('created_at').notNull().defaultNow(),
    deliveredAt: tz('delivered_at'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: tz('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    /** The process instance holding the lease (`process_instances.instance`); null when not leased. */
    claimedBy: text('claimed_by'),
  },
  (t) => [
    index('outbox_events_pending_idx')
      .on(t.nextAttemptAt, t.id)
      .where(sql`delivered_at IS NULL`),
  ],
);

/** Who did what to which record; append-only. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: tz('at').notNull().defaultNow(),
    actorKind: text('actor_kind').$type<'staff' | 'customer' | 'system' | 'guest'>().notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    ip: text('ip'),
    requestId: text('request_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('audit_log_entity_idx').on(t.entityType, t.entityId, t.at), index('audit_log_actor_idx').on(t.actorId, t.at)],
);

/**
 * The keys personal data has been sealed with (platform/keycheck.ts): each key's id and a known
 * value sealed with it, so a process started with another key refuses to run instead of failing
 * on the first reveal. `retired_at`: `rotate-key` re-sealed everything under a newer key.
 */
export const secretKeys = pgTable('secret_keys', {
  keyId: text('key_id').primaryKey(),
  check: text('check').notNull(),
  addedAt: tz('added_at').notNull().defaultNow(),
  retiredAt: tz('retired_at'),
});

/**
 * Running processes (platform/liveness.ts): a row per process instance, refreshed every few
 * seconds. A process that restarts under the same node name, or stops refreshing, is gone, and
 * the outbox leases it held are released at once instead of after their 60 s.
 */
export const processInstances = pgTable('process_instances', {
  instance: text('instance').primaryKey(),
  node: text('node').notNull(),
  pid: integer('pid').notNull(),
  startedAt: tz('started_at').notNull().defaultNow(),
  seenAt: tz('seen_at').notNull().defaultNow(),
});
