import type { Locale } from '../../../common/errors';
import type { TerminalPayment } from '../customers';
import type { WalletInfo } from '../../../common/paycore';
import { fromKopecks, maskAccount, PROCESSING_USUALLY_HOURS } from './payments.match';
import type { CheckResult } from './payments.schema';

type Status = CheckResult['status'];

/** The statuses as the seeds name them (S0: «В обработке», «Выполнен»), per language. */
const STATUS_TEXT: Record<Locale, Record<Status, string>> = {
  ru: { processing: 'В обработке', done: 'Выполнен', cancelled: 'Отменён', not_found: 'Платёж не найден' },
  uk: { processing: 'В обробці', done: 'Виконано', cancelled: 'Скасовано', not_found: 'Платіж не знайдено' },
  en: { processing: 'Processing', done: 'Done', cancelled: 'Cancelled', not_found: 'Payment not found' },
};

export const statusText = (status: Status, locale: Locale): string => STATUS_TEXT[locale][status];

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
