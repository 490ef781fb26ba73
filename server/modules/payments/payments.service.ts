import type { Locale } from '../../../common/errors';
import type { AppContext } from '../../context';
import { PAYMENT_CHECK_SOURCES, type PaymentCheckSource } from '../../db/schema';
import { AppError } from '../../errors';
import { enforceBatchedRateLimit } from '../../platform/ratelimit';
import type { TerminalPayment } from '../customers';
import type { StaffScope } from '../staff';
import { authorize, parseTicketNumber } from '../tickets';
import { normalizeAccount, normalizeReceipt, normalizeTerminal, paidWindow, toKopecks } from './payments.match';
import { notFound, presentCheck, presentOperation, presentWallet } from './payments.presenter';
import { countCheck, flushCounts } from './payments.counter';
import { checkCounts, ticketForOperations } from './payments.repo';
import type { CheckResult, StatsResponse } from './payments.schema';

/** Recent operations shown to a customer or an operator. */
const RECENT_LIMIT = 10;
/** Checks one operator may make per 15 minutes. */
const STAFF_CHECKS_PER_WINDOW = 300;
const RECEIPT = /^[A-Z0-9\u0400-\u042F\u0401-]{4,30}$/;
const TERMINAL = /^\d{4,10}$/;

export type CheckInput = {
  receiptNumber?: string | undefined;
  terminalId?: string | undefined;
  paidAt: string;
  amount: { amount: string; currency: string };
  account: string;
};

/**
 * Asks the payment core, which is outside the company: never inside a transaction, and for at most
 * PAYCORE_TIMEOUT_MS. No answer (or a failure) is PAYMENT_CHECK_UNAVAILABLE (503), never a 500.
 */
export async function askCore<T>(ctx: AppContext, what: string, call: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new AppError('PAYMENT_CHECK_UNAVAILABLE', { reason: 'timeout' })),
      ctx.config.PAYCORE_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([call(), timeout]);
  } catch (err) {
    if (err instanceof AppError) {
      ctx.logger.warn({ what, timeoutMs: ctx.config.PAYCORE_TIMEOUT_MS }, 'payment core did not answer in time');
      throw err;
    }
    // The connector's own failure: logged without the question (it carries receipt and account).
    ctx.logger.error({ what, err: err instanceof Error ? err.name : 'unknown' }, 'payment core failed');
    throw new AppError('PAYMENT_CHECK_UNAVAILABLE', { reason: 'failed' });
  } finally {
    clearTimeout(timer);
  }
}

const invalid = (field: string, code: string) => new AppError('VALIDATION_FAILED', { fields: { [field]: { code } } });

/**
 * The payment check (issue 18): a payment is shown only when every given attribute matches — the
 * amount, the account and the receipt number or the terminal, within the time of paying. Any
 * mismatch is the same `not_found`, produced by the same single lookup (the core is asked the
 * whole question), so neither the answer nor its timing tells which attribute was wrong. Public
 * callers are limited per IP address (enumeration); every check is counted, without its data.
 */
export async function checkPayment(
  ctx: AppContext,
  input: CheckInput,
  options: { source: PaymentCheckSource; locale: Locale; limitBy: string; categoryId?: string | undefined },
): Promise<CheckResult> {
  // Customers per IP address (enumeration); operators per person, with room for a busy shift.
  const limit =
    options.source === 'console'
      ? { name: 'payments.check.staff', limit: STAFF_CHECKS_PER_WINDOW, windowSeconds: 900 }
      : { name: 'payments.check.ip', limit: ctx.config.PAYMENT_CHECKS_PER_IP, windowSeconds: 900 };
  await enforceBatchedRateLimit(ctx, limit, options.limitBy);
  const receiptNumber = input.receiptNumber === undefined ? undefined : normalizeReceipt(input.receiptNumber);
  const terminalId = input.terminalId === undefined ? undefined : normalizeTerminal(input.terminalId);
  if (receiptNumber === undefined && terminalId === undefined) throw invalid('receiptNumber', 'receipt_or_terminal_required');
  if (receiptNumber !== undefined && !RECEIPT.test(receiptNumber)) throw invalid('receiptNumber', 'invalid_receipt_number');
  if (terminalId !== undefined && !TERMINAL.test(terminalId)) throw invalid('terminalId', 'invalid_terminal_id');
  const window = paidWindow(input.paidAt);
  if (!window) throw invalid('paidAt', 'invalid_date');
  const amountKopecks = toKopecks(input.amount.amount);
  if (amountKopecks === null) throw invalid('amount', 'invalid_amount');
  const account = normalizeAccount(input.account);
  if (account.length < 3) throw invalid('account', 'invalid_account');

  const payment = await askCore(ctx, 'findTerminalPayment', () =>
    ctx.paycore.findTerminalPayment({
      ...(receiptNumber !== undefined ? { receiptNumber } : {}),
      ...(terminalId !== undefined ? { terminalId } : {}),
      paidFrom: window.from,
      paidTo: window.to,
      account,
      amountKopecks,
      currency: input.amount.currency,
    }),
  );
  countCheck(ctx.handle, { source: options.source, outcome: payment?.status ?? 'not_found', categoryId: options.categoryId });
  return payment ? presentCheck(payment, options.locale) : notFound(options.locale);
}

/** The latest terminal payments into these wallets, newest first (from the payment core). */
async function operationsOf(ctx: AppContext, walletNumbers: string[], locale: Locale) {
  const lists = await askCore(ctx, 'recentPayments', () =>
    Promise.all(walletNumbers.map((w) => ctx.paycore.recentPayments(normalizeAccount(w), RECENT_LIMIT))),
  );
  return lists
    .flat()
    .sort((a: TerminalPayment, b: TerminalPayment) => b.paidAt.getTime() - a.paidAt.getTime())
    .slice(0, RECENT_LIMIT)
    .map((p) => presentOperation(p, locale));
}

/** A signed-in customer's recent wallet operations with their statuses. */
export async function customerOperations(ctx: AppContext, customerId: string, locale: Locale) {
  const wallets = await askCore(ctx, 'walletsOfCustomer', () => ctx.paycore.walletsOfCustomer(customerId));
  return operationsOf(
    ctx,
    wallets.map((w) => w.walletNumber),
    locale,
  );
}

/** The signed-in customer's wallets, as the payment core knows them (numbers and whether blocked). */
export async function customerWallets(ctx: AppContext, customerId: string) {
  const wallets = await askCore(ctx, 'walletsOfCustomer', () => ctx.paycore.walletsOfCustomer(customerId));
  return wallets.map(presentWallet);
}

/**
 * The operations of a request's customer, for the operator — only once the customer has been
 * identified on this request (S0, S2: nothing about an account before that).
 */
export async function ticketOperations(ctx: AppContext, scope: StaffScope, number: string, locale: Locale) {
  // Visibility by the request domain's policy, as in the console: a request this person may not
  // see (or that is not yet or no longer a request) answers as one that does not exist.
  const parsed = parseTicketNumber(number);
  const ticket = parsed ? await ticketForOperations(ctx.db, parsed) : null;
  if (!ticket) throw new AppError('NOT_FOUND');
  authorize({ kind: 'staff', scope }, 'view', ticket);
  if (ticket.identification !== 'identified') throw new AppError('FORBIDDEN', { reason: 'not_identified' });
  const wallet = typeof ticket.fields.wallet === 'string' ? ticket.fields.wallet : null;
  const wallets = ticket.customerId
    ? (await askCore(ctx, 'walletsOfCustomer', () => ctx.paycore.walletsOfCustomer(ticket.customerId as string))).map(
        (w) => w.walletNumber,
      )
    : wallet
      ? [wallet]
      : [];
  return operationsOf(ctx, wallets, locale);
}

/** The counts screen: checks of the last `days` days per source, with the deflections. */
export async function checkStats(ctx: AppContext, days: number): Promise<StatsResponse> {
  const since = new Date(Date.now() - days * 24 * 3_600_000);
  // Counts still waiting in memory first, so no check made so far is missing.
  await flushCounts(ctx.handle);
  const counts = await checkCounts(ctx.db, since);
  return {
    since: since.toISOString(),
    days,
    total: counts.total,
    deflections: counts.deflections,
    bySource: PAYMENT_CHECK_SOURCES.map((source) => {
      const o = counts.bySource[source] ?? {};
      const outcomes = {
        processing: o.processing ?? 0,
        done: o.done ?? 0,
        cancelled: o.cancelled ?? 0,
        not_found: o.not_found ?? 0,
      };
      return { source, total: Object.values(outcomes).reduce((a, b) => a + b, 0), outcomes };
    }),
  };
}
