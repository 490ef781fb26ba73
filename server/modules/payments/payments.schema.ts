import { z } from 'zod';
import { CURRENCIES } from '../../../common/forms/types';

export const paymentStatus = z.enum(['processing', 'done', 'cancelled', 'not_found']);
const money = z.object({
  amount: z
    .string()
    .trim()
    .regex(/^\d[\d\s\u00a0]{0,12}(?:[.,]\d{1,2})?$/, 'invalid_amount')
    .describe('Decimal, e.g. "1500.00"'),
  currency: z.enum(CURRENCIES),
});

/** The receipt's data as the customer typed them; every given attribute must match. */
export const checkBody = z
  .object({
    receiptNumber: z.string().trim().min(4).max(40).optional(),
    terminalId: z
      .string()
      .trim()
      .regex(/^[\d\s]{4,14}$/, 'invalid_terminal_id')
      .optional(),
    paidAt: z.string().trim().min(10).max(40).describe('Date (YYYY-MM-DD) or date-time as printed on the receipt'),
    amount: money,
    account: z.string().trim().min(3).max(40).describe('What was paid: a phone, a wallet or a contract number'),
    /** The wizard's leaf the check is made on (counted with it). */
    categoryId: z.string().uuid().optional(),
    source: z.enum(['portal', 'agents', 'wizard']).default('portal'),
  })
  .refine((b) => b.receiptNumber !== undefined || b.terminalId !== undefined, {
    message: 'receipt_or_terminal_required',
    path: ['receiptNumber'],
  });

export const consoleCheckBody = z
  .object({
    receiptNumber: z.string().trim().min(4).max(40).optional(),
    terminalId: z
      .string()
      .trim()
      .regex(/^[\d\s]{4,14}$/, 'invalid_terminal_id')
      .optional(),
    paidAt: z.string().trim().min(10).max(40),
    amount: money,
    account: z.string().trim().min(3).max(40),
  })
  .refine((b) => b.receiptNumber !== undefined || b.terminalId !== undefined, {
    message: 'receipt_or_terminal_required',
    path: ['receiptNumber'],
  });

export const checkResult = z.object({
  status: paymentStatus,
  /** The status in the reader's language («В обработке», «Выполнен», …). */
  statusText: z.string(),
  paidAt: z.string().optional(),
  creditedAt: z.string().optional(),
  accountMasked: z.string().optional(),
  amount: z.object({ amount: z.string(), currency: z.string() }).optional(),
  /** Processing: it usually completes within this many hours of paying. */
  expectedWithinHours: z.number().optional(),
  /** Processing for longer than usual: worth writing to support. */
  overdue: z.boolean().optional(),
});

/** One operation of the customer's own wallet (their account, so shown in full to them). */
export const operationView = z.object({
  receiptNumber: z.string(),
  terminalId: z.string(),
  account: z.string(),
  accountMasked: z.string(),
  service: z.string(),
  amount: z.object({ amount: z.string(), currency: z.string() }),
  paidAt: z.string(),
  creditedAt: z.string().nullable(),
  status: z.enum(['processing', 'done', 'cancelled']),
  statusText: z.string(),
});

export const operationsResponse = z.object({ items: z.array(operationView) });

/** The signed-in customer's own wallets (their numbers, in full to them): the portal prefills wallet fields with them. */
export const walletsResponse = z.object({
  items: z.array(z.object({ walletNumber: z.string(), blocked: z.boolean() })),
});
export const ticketParams = z.object({ number: z.string().min(1).max(40) });

/** The period of the counts screen: the last day, week or month. */
export const statsQuery = z.object({ days: z.enum(['1', '7', '30']).default('7') });

const outcomeCounts = z.object({ processing: z.number(), done: z.number(), cancelled: z.number(), not_found: z.number() });

/** How many checks were made where, what they answered, and how many spared a request. */
export const statsResponse = z.object({
  since: z.string().describe('ISO date-time the counts start at'),
  days: z.number(),
  total: z.number(),
  /** Customers answered done or processing in the portal, the agents' section or the wizard. */
  deflections: z.number(),
  bySource: z.array(
    z.object({ source: z.enum(['portal', 'agents', 'wizard', 'console']), total: z.number(), outcomes: outcomeCounts }),
  ),
});

export type CheckBody = z.infer<typeof checkBody>;
export type CheckResult = z.infer<typeof checkResult>;
export type StatsResponse = z.infer<typeof statsResponse>;
