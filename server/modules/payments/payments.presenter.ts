import type { Locale } from '../../../common/errors';
import type { TerminalPayment } from '../customers';
import type { WalletInfo } from '../../../common/paycore';
import { paymentsText } from './payments.messages';
import { fromKopecks, maskAccount, PROCESSING_USUALLY_HOURS } from './payments.match';
import type { CheckResult } from './payments.schema';

type Status = CheckResult['status'];

/** A status as the seeds name it (S0: «В обработке», «Выполнен»), in a language (payments.messages.ts). */
export const statusText = (status: Status, locale: Locale): string => paymentsText(locale, `payments.status.${status}`);

/** The one answer for "no such payment" — the same whichever attribute did not match. */
export const notFound = (locale: Locale): CheckResult => ({ status: 'not_found', statusText: statusText('not_found', locale) });

/** A matched payment: status, times, amount and the account masked. */
export function presentCheck(p: TerminalPayment, locale: Locale, now = Date.now()): CheckResult {
  const base: CheckResult = {
    status: p.status,
    statusText: statusText(p.status, locale),
    paidAt: p.paidAt.toISOString(),
    accountMasked: maskAccount(p.account),
    amount: { amount: fromKopecks(p.amountKopecks), currency: p.currency },
  };
  if (p.creditedAt && p.status === 'done') base.creditedAt = p.creditedAt.toISOString();
  if (p.status === 'processing') {
    base.expectedWithinHours = PROCESSING_USUALLY_HOURS;
    base.overdue = now - p.paidAt.getTime() > PROCESSING_USUALLY_HOURS * 3_600_000;
  }
  return base;
}

/** One of the customer's own operations (their account: shown in full to them, masked beside). */
export function presentOperation(p: TerminalPayment, locale: Locale) {
  return {
    receiptNumber: p.receiptNumber,
    terminalId: p.terminalId,
    account: p.account,
    accountMasked: maskAccount(p.account),
    service: p.service,
    amount: { amount: fromKopecks(p.amountKopecks), currency: p.currency },
    paidAt: p.paidAt.toISOString(),
    creditedAt: p.creditedAt ? p.creditedAt.toISOString() : null,
    status: p.status,
    statusText: statusText(p.status, locale),
  };
}

/** A customer's own wallet, for themselves: the number to prefill and whether it is blocked (no balance, no flags). */
export const presentWallet = (w: WalletInfo) => ({ walletNumber: w.walletNumber, blocked: w.blocked });
