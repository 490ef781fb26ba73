/** What the payment core tells support about a wallet (server connector and console alike). */
export type SecurityFlags = {
  smsConfirmationOff: boolean;
  unknownIpLogin: boolean;
  cardWithdrawalsBypassing: boolean;
  transfersFromComplainedAccount: boolean;
  weeklyLimitExceeded: boolean;
};

export type WalletInfo = {
  walletNumber: string;
  ownerName: string;
  blocked: boolean;
  blockReason: string | null;
  flags: SecurityFlags;
  /** Decimal string in roubles. */
  balance: string;
};
