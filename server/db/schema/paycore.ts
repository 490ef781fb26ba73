import { bigint, boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { customers } from './auth';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * DEMO ONLY — stands in for the payment core, which lives outside the support system.
 * The demo connector (modules/customers/paycore.demo.ts) reads these tables; a real adapter
 * calls the core's API instead and needs none of them.
 */
export const demoWallets = pgTable('demo_wallets', {
  id: uuid('id').primaryKey().defaultRandom(),
  customerId: uuid('customer_id').references(() => customers.id),
  walletNumber: text('wallet_number').notNull().unique(),
  /** The owner's passport (series + number), sealed with SECRET_KEY. */
  passportSealed: text('passport_sealed').notNull(),
  ownerName: text('owner_name').notNull(),
  blocked: boolean('blocked').notNull().default(false),
  blockReason: text('block_reason'),
  smsConfirmationOff: boolean('sms_confirmation_off').notNull().default(false),
  unknownIpLogin: boolean('unknown_ip_login').notNull().default(false),
  cardWithdrawalsBypassing: boolean('card_withdrawals_bypassing').notNull().default(false),
  transfersFromComplainedAccount: boolean('transfers_from_complained_account').notNull().default(false),
  weeklyLimitExceeded: boolean('weekly_limit_exceeded').notNull().default(false),
  balanceKopecks: text('balance_kopecks').notNull().default('0'),
  createdAt: tz('created_at').notNull().defaultNow(),
});

export const DEMO_PAYMENT_STATUSES = ['processing', 'done', 'cancelled'] as const;
export type DemoPaymentStatus = (typeof DEMO_PAYMENT_STATUSES)[number];

/**
 * DEMO ONLY — terminal payments as the payment core would know them (the real core is outside the
 * company). ~100,000 rows generated at seed time by one INSERT … SELECT generate_series, plus the
 * fixed examples the README lists. `account` is what was paid (a phone in +7… form, a wallet or a
 * contract number), normalised as the check normalises it.
 */
export const demoPayments = pgTable(
  'demo_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    receiptNumber: text('receipt_number').notNull(),
    terminalId: text('terminal_id').notNull(),
    account: text('account').notNull(),
    service: text('service').notNull(),
    amountKopecks: bigint('amount_kopecks', { mode: 'number' }).notNull(),
    currency: text('currency').notNull().default('RUB'),
    paidAt: tz('paid_at').notNull(),
    creditedAt: tz('credited_at'),
    status: text('status').$type<DemoPaymentStatus>().notNull(),
  },
  (t) => [
    // The check: by the receipt, or by the terminal and the time of paying; a wallet's recent operations.
    uniqueIndex('demo_payments_receipt_uq').on(t.receiptNumber),
    index('demo_payments_terminal_paid_idx').on(t.terminalId, t.paidAt),
    index('demo_payments_account_paid_idx').on(t.account, t.paidAt),
  ],
);
