import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const PAYMENT_CHECK_SOURCES = ['portal', 'agents', 'wizard', 'console'] as const;
export type PaymentCheckSource = (typeof PAYMENT_CHECK_SOURCES)[number];
export const PAYMENT_CHECK_OUTCOMES = ['processing', 'done', 'cancelled', 'not_found'] as const;
export type PaymentCheckOutcome = (typeof PAYMENT_CHECK_OUTCOMES)[number];

/**
 * One row per payment check (no receipt data, no account: only where it was asked and what it
 * answered). A check answered `done` or `processing` in the portal or the wizard is a deflection:
 * the customer had the answer without writing to support.
 */
export const paymentChecks = pgTable(
  'payment_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    source: text('source').$type<PaymentCheckSource>().notNull(),
    /** The wizard's leaf the check was made on, if any. */
    categoryId: uuid('category_id'),
    outcome: text('outcome').$type<PaymentCheckOutcome>().notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [index('payment_checks_created_idx').on(t.createdAt)],
);
