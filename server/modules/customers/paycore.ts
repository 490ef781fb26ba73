import type { SecurityFlags, WalletInfo } from '../../../common/paycore';

export type { SecurityFlags, WalletInfo };

/**
 * The payment core is outside the support system: paydesk reads wallets, blocks and security
 * flags through this connector. `paycore.demo.ts` is the built-in demo adapter over demo tables;
 * a real adapter implements the same type against the core's API.
 */

export type IdentityCheck = 'match' | 'mismatch' | 'unknown_wallet';

export type PaymentCore = {
  walletsOfCustomer(customerId: string): Promise<WalletInfo[]>;
  findWallet(walletNumber: string): Promise<WalletInfo | null>;
  /** Compares passport series and number with the wallet owner's; never returns the stored value. */
  verifyIdentity(input: { walletNumber: string; passport: string }): Promise<IdentityCheck>;
};

/** Passport text as compared: letters and digits only, upper case ("45 10 123456" → "4510123456"). */
export function normalizePassport(input: string): string {
  return input.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
}
