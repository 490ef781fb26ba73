import { CURRENCIES } from '../../../common/forms/types';
import type { MoneyValue } from '../../../common/forms/types';
import type { DraftValues } from '../contact/formDraft';

/** What the customer typed into the payment check (the form's own state, strings as typed). */
export type CheckDraft = {
  /** 'receipt': by the receipt number; 'terminal': by the terminal number (no receipt). */
  by: 'receipt' | 'terminal';
  receiptNumber: string;
  terminalId: string;
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM or '' */
  time: string;
  amount: string;
  currency: MoneyValue['currency'];
  account: string;
};

/** The wizard's leaves the check stands before, and where the check hands its data over. */
export const CHECK_LEAVES = {
  withReceipt: 'terminal-payment-with-receipt',
  withoutReceipt: 'terminal-payment-without-receipt',
  agent: 'agent-customer-payment',
} as const;

/** Where "write to support" leads from the standalone page, by what the customer has. */
export function formPathFor(draft: Pick<CheckDraft, 'by'>, audience: 'customer' | 'agent'): string {
  if (audience === 'agent') return `/agents/contact/agent-support/agent-terminals/${CHECK_LEAVES.agent}?step=form`;
  const leaf = draft.by === 'receipt' ? CHECK_LEAVES.withReceipt : CHECK_LEAVES.withoutReceipt;
  return `/contact/terminals/terminal-payment-not-arrived/${leaf}?step=form`;
}

/**
 * The check's data as values of the terminal forms' fields (demo catalogue keys): receipt or
 * terminal number, the time of paying (only with a time: the field is date-and-time), amount,
 * the recipient's account; the status the check showed goes into the description.
 */
export function formValuesFromCheck(draft: CheckDraft, statusLine: string): DraftValues {
  const values: DraftValues = {};
  if (draft.receiptNumber.trim()) values.receipt_number = draft.receiptNumber.trim();
  if (draft.terminalId.trim()) values.terminal_id = draft.terminalId.trim();
  if (draft.date && draft.time) values.payment_at = `${draft.date}T${draft.time}`;
  if (draft.amount.trim()) values.amount = { amount: draft.amount.trim(), currency: draft.currency };
  if (draft.account.trim()) values.recipient_account = draft.account.trim();
  if (statusLine) values.description = statusLine;
  return values;
}

/** A wallet operation (from the payment core) as a check draft, to write about it. */
export function draftFromOperation(op: {
  receiptNumber: string;
  terminalId: string;
  account: string;
  amount: { amount: string; currency: string };
  paidAt: string;
}): CheckDraft {
  // The receipt prints the terminal's (Moscow) time.
  const local = new Date(new Date(op.paidAt).getTime() + 3 * 3_600_000).toISOString();
  return {
    by: 'receipt',
    receiptNumber: op.receiptNumber,
    terminalId: op.terminalId,
    date: local.slice(0, 10),
    time: local.slice(11, 16),
    amount: op.amount.amount,
    currency: ((CURRENCIES as readonly string[]).includes(op.amount.currency)
      ? op.amount.currency
      : 'RUB') as MoneyValue['currency'],
    account: op.account,
  };
}

const KEY = 'paydesk.paymentCheck.handover';

/** Keeps the values for the form the customer is about to open (this tab only). */
export function stashHandover(values: DraftValues): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(values));
  } catch {
    // Storage disabled: the form opens empty.
  }
}

/** The values left by the check for the form, if any (read without forgetting: see clearHandover). */
export function readHandover(): DraftValues | null {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    if (raw === null) return null;
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as DraftValues) : null;
  } catch {
    return null;
  }
}

/** The form took the values: a later visit opens it empty. */
export function clearHandover(): void {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // See stashHandover.
  }
}

/** Only the values of fields the form has (another leaf's form may lack some). */
export function valuesForForm(values: DraftValues, fieldKeys: Iterable<string>): DraftValues {
  const keys = new Set(fieldKeys);
  return Object.fromEntries(Object.entries(values).filter(([k]) => keys.has(k)));
}
