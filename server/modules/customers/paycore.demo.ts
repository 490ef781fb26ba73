import { asc, desc, eq } from 'drizzle-orm';
import type { Database, SqlRunner } from '../../db/connection';
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

/** What the lookup reads of a payment; times as epoch milliseconds, the amount as text (bigint). */
type PaymentRow = {
  receipt_number: string;
  terminal_id: string;
  account: string;
  service: string;
  amount_kopecks: string;
  currency: string;
  paid_ms: number;
  credited_ms: number | null;
  status: TerminalPayment['status'];
};

const LOOKUP_BY = {
  receipt: 'receipt_number = $1',
  terminal: 'terminal_id = $1',
  both: 'receipt_number = $1 AND terminal_id = $7',
};

/**
 * The demo core's lookup: one statement with every attribute in it, served by an index on
 * (account, paid_at), the receipt's unique one or (terminal_id, paid_at), so a wrong amount costs the
 * same as an unknown receipt. A named prepared statement per shape (receipt, terminal or both):
 * parsed and planned once, not per check (bench:payment-check). Exported for the plan test and the bench.
 */
export function terminalPaymentStatement(m: TerminalPaymentMatch): { name: string; text: string; params: unknown[] } {
  const by = m.receiptNumber !== undefined ? (m.terminalId !== undefined ? 'both' : 'receipt') : 'terminal';
  const params: unknown[] = [
    m.receiptNumber ?? m.terminalId,
    m.paidFrom.toISOString(),
    m.paidTo.toISOString(),
    m.account,
    m.amountKopecks,
    m.currency,
  ];
  if (by === 'both') params.push(m.terminalId);
  return {
    name: `paycore_payment_by_${by}`,
    text: `SELECT receipt_number, terminal_id, account, service, amount_kopecks::text AS amount_kopecks, currency,
        (extract(epoch FROM paid_at) * 1000)::float8 AS paid_ms, (extract(epoch FROM credited_at) * 1000)::float8 AS credited_ms, status
      FROM demo_payments
      WHERE ${LOOKUP_BY[by]} AND paid_at >= $2 AND paid_at < $3 AND account = $4 AND amount_kopecks = $5 AND currency = $6
      ORDER BY paid_at DESC LIMIT 1`,
    params,
  };
}

const fromRow = (r: PaymentRow): TerminalPayment => ({
  receiptNumber: r.receipt_number,
  terminalId: r.terminal_id,
  account: r.account,
  service: r.service,
  amountKopecks: Number(r.amount_kopecks),
  currency: r.currency,
  paidAt: new Date(Number(r.paid_ms)),
  creditedAt: r.credited_ms === null ? null : new Date(Number(r.credited_ms)),
  status: r.status,
});

/**
 * DEMO adapter: the payment core mocked by the `demo_wallets` and `demo_payments` tables. The real
 * core is outside the company (its own API); this adapter exists so the product can be run and
 * tested without it, and is the only code that reads those tables.
 */
export function createDemoPaymentCore(deps: { db: Database; handle: SqlRunner; cipher: PiiCipher }): PaymentCore {
  return {
    async walletsOfCustomer(customerId) {
      // The oldest first (the customer's main wallet), then by number: the same order every time.
      return (
        await deps.db
          .select()
          .from(demoWallets)
          .where(eq(demoWallets.customerId, customerId))
          .orderBy(asc(demoWallets.createdAt), asc(demoWallets.walletNumber))
      ).map(toInfo);
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
      const { name, text, params } = terminalPaymentStatement(m);
      const { rows } = await deps.handle.query<PaymentRow>(text, params, { name });
      return rows[0] ? fromRow(rows[0]) : null;
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
