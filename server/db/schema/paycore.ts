import { boolean, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
