import { and, desc, eq, gte, lt } from 'drizzle-orm';
import type { Database } from '../../db/connection';
import { demoPayments, demoWallets } from '../../db/schema';
import type { PiiCipher } from '../../platform/crypto';
import { safeEqual } from '../../platform/crypto';
import { normalizePassport, type PaymentCore, type TerminalPayment, type TerminalPaymentMatch, type WalletInfo } from './paycore';

type Row = typeof demoWallets.$inferSelect;

const toInfo = (r: Row): WalletInfo => ({
  walletNumber: r.walletNumber,
  ownerName: r.ownerName,
  blocked: r.blocked,
  blockReason: r.blockReason,
  flags: {
    smsConfirmationOff: r.smsConfirmationOff,
    unknownIpLogin: r.unknownIpLogin,
    cardWithdrawalsBypassing: r.cardWithdrawalsBypassing,
    transfersFromComplainedAccount: r.transfersFromComplainedAccount,
    weeklyLimitExceeded: r.weeklyLimitExceeded,
  },
  balance: (Number(r.balanceKopecks) / 100).toFixed(2),
});

const toPayment = (r: typeof demoPayments.$inferSelect): TerminalPayment => ({
  receiptNumber: r.receiptNumber,
  terminalId: r.terminalId,
  account: r.account,
  service: r.service,
  amountKopecks: Number(r.amountKopecks),
  currency: r.currency,
  paidAt: r.paidAt,
  creditedAt: r.creditedAt,
  status: r.status,
});

/**
 * The demo core's lookup: one statement with every attribute in it, served by the receipt's unique
 * index or by (terminal_id, paid_at), so a wrong amount costs the same as an unknown receipt.
 * Exported for the plan test.
 */
export function terminalPaymentQuery(db: Database, m: TerminalPaymentMatch) {
  return db
    .select()
    .from(demoPayments)
    .where(
      and(
        m.receiptNumber !== undefined ? eq(demoPayments.receiptNumber, m.receiptNumber) : undefined,
        m.terminalId !== undefined ? eq(demoPayments.terminalId, m.terminalId) : undefined,
        gte(demoPayments.paidAt, m.paidFrom),
        lt(demoPayments.paidAt, m.paidTo),
        eq(demoPayments.account, m.account),
        eq(demoPayments.amountKopecks, m.amountKopecks),
        eq(demoPayments.currency, m.currency),
      ),
    )
    .orderBy(desc(demoPayments.paidAt))
    .limit(1);
}

/**
 * DEMO adapter: the payment core mocked by the `demo_wallets` and `demo_payments` tables. The real
 * core is outside the company (its own API); this adapter exists so the product can be run and
 * tested without it, and is the only code that reads those tables.
 */
export function createDemoPaymentCore(deps: { db: Database; cipher: PiiCipher }): PaymentCore {
  return {
    async walletsOfCustomer(customerId) {
      return (await deps.db.select().from(demoWallets).where(eq(demoWallets.customerId, customerId))).map(toInfo);
    },
    async findWallet(walletNumber) {
      const [row] = await deps.db.select().from(demoWallets).where(eq(demoWallets.walletNumber, walletNumber)).limit(1);
      return row ? toInfo(row) : null;
    },
    async verifyIdentity({ walletNumber, passport }) {
      const [row] = await deps.db.select().from(demoWallets).where(eq(demoWallets.walletNumber, walletNumber)).limit(1);
      if (!row) return 'unknown_wallet';
      const stored = normalizePassport(deps.cipher.decrypt(row.passportSealed));
      return safeEqual(stored, normalizePassport(passport)) ? 'match' : 'mismatch';
    },
    async findTerminalPayment(m) {
      const [row] = await terminalPaymentQuery(deps.db, m);
      return row ? toPayment(row) : null;
    },
    async recentPayments(account, limit) {
      const rows = await deps.db
        .select()
        .from(demoPayments)
        .where(eq(demoPayments.account, account))
        .orderBy(desc(demoPayments.paidAt))
        .limit(limit);
      return rows.map(toPayment);
    },
  };
}
