import { api, ok, type Answer, type Body } from './http';

/** The receipt's data sent to the payment check (portal and wizard). */
export type PaymentCheckInput = Body<'/api/v1/payments/check', 'post'>;
export type PaymentCheckResult = Answer<'/api/v1/payments/check', 'post'>;
export type WalletOperation = Answer<'/api/v1/payments/recent', 'get'>['items'][number];

export const checkPayment = (body: PaymentCheckInput) => ok(api.POST('/api/v1/payments/check', { body }));

export const fetchRecentOperations = async (signal?: AbortSignal) =>
  (await ok(api.GET('/api/v1/payments/recent', { signal }))).items;

/** The operator's check of what the customer reads out (no identification needed). */
export const consoleCheckPayment = (body: Body<'/api/v1/console/payments/check', 'post'>) =>
  ok(api.POST('/api/v1/console/payments/check', { body }));

/** The request's customer's operations; 403 until the customer is identified. */
export const fetchTicketOperations = async (number: string, signal?: AbortSignal) =>
  (await ok(api.GET('/api/v1/console/payments/tickets/{number}/operations', { params: { path: { number } }, signal }))).items;

/** Counts of payment checks by source and answer, and the deflections (supervisors, admins). */
export type PaymentCheckStats = Answer<'/api/v1/console/payments/stats', 'get'>;
export const fetchPaymentCheckStats = (days: '1' | '7' | '30', signal?: AbortSignal) =>
  ok(api.GET('/api/v1/console/payments/stats', { params: { query: { days } }, signal }));

/** The signed-in customer's own wallets (to prefill wallet fields); customers only. */
export type MyWallet = Answer<'/api/v1/payments/wallets', 'get'>['items'][number];
export const fetchMyWallets = async (signal?: AbortSignal) => (await ok(api.GET('/api/v1/payments/wallets', { signal }))).items;
