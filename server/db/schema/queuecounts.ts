import { boolean, integer, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';

/** `department_key` of requests without a department (a key column cannot be null). */
export const NO_DEPARTMENT = '00000000-0000-0000-0000-000000000000';

/**
 * How many requests in working statuses (new, open, reopened, pending_customer) each console
 * queue bucket holds, kept exact by statement-level triggers on `tickets` in the same
 * transaction as every change (migration 0006). The queue counts read a few hundred rows here
 * instead of counting up to 10 001 rows per queue. Each bucket is spread over 8 shards so
 * concurrent filings into one department do not queue on one row lock; readers sum them.
 */
export const ticketQueueCounts = pgTable(
  'ticket_queue_counts',
  {
    departmentKey: uuid('department_key').notNull(),
    assigned: boolean('assigned').notNull(),
    status: text('status').notNull(),
    atRisk: boolean('at_risk').notNull(),
    breached: boolean('breached').notNull(),
    shard: smallint('shard').notNull(),
    n: integer('n').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.departmentKey, t.assigned, t.status, t.atRisk, t.breached, t.shard] })],
);

/**
 * How many requests in working statuses each person has assigned, per department of the request
 * (so security-service invisibility applies to "mine" too), kept exact by statement-level triggers
 * on `tickets` like ticket_queue_counts (migration 0013). "Mine" sums a few rows here instead of
 * counting the person's requests; 8 shards per bucket as above.
 */
export const ticketAssigneeCounts = pgTable(
  'ticket_assignee_counts',
  {
    assigneeId: uuid('assignee_id').notNull(),
    departmentKey: uuid('department_key').notNull(),
    shard: smallint('shard').notNull(),
    n: integer('n').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.assigneeId, t.departmentKey, t.shard] })],
);
