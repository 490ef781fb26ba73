import { eq } from 'drizzle-orm';
import type { Database } from '../../db/connection';
import { demoWallets } from '../../db/schema';
import type { PiiCipher } from '../../platform/crypto';
import { safeEqual } from '../../platform/crypto';
import { normalizePassport, type PaymentCore, type WalletInfo } from './paycore';

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

/** DEMO adapter: the payment core mocked by the `demo_wallets` table (outside the company in reality). */
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
  };
}
