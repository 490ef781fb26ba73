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
  /**
   * The terminal payment matching every given attribute (the receipt number and/or the terminal,
   * the time window, the account, the amount and currency), or null. One lookup whatever attribute
   * is wrong: the core is asked the whole question, never "does this receipt exist".
   */
  findTerminalPayment(match: TerminalPaymentMatch): Promise<TerminalPayment | null>;
  /** The latest terminal payments into an account (a wallet's recent operations), newest first. */
  recentPayments(account: string, limit: number): Promise<TerminalPayment[]>;
};

export type TerminalPaymentStatus = 'processing' | 'done' | 'cancelled';

export type TerminalPayment = {
  receiptNumber: string;
  terminalId: string;
  /** Normalised: a phone in +7… form, or a wallet/contract number without spaces. */
  account: string;
  service: string;
  amountKopecks: number;
  currency: string;
  paidAt: Date;
  creditedAt: Date | null;
  status: TerminalPaymentStatus;
};

export type TerminalPaymentMatch = {
  receiptNumber?: string;
  terminalId?: string;
  /** The payment's time lies in [paidFrom, paidTo). */
  paidFrom: Date;
  paidTo: Date;
  account: string;
  amountKopecks: number;
  currency: string;
};

/** Passport text as compared: letters and digits only, upper case ("45 10 123456" → "4510123456"). */
export function normalizePassport(input: string): string {
  return input.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
}
