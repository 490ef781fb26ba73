import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SUPERVISORS } from '../../platform/auth/access';
import { requireCustomer, requireStaff } from '../../platform/auth/guards';
import { errorResponse, errorResponses } from '../../platform/http';
import type { AppContext } from '../../context';
import { loadScope } from '../staff';
import {
  checkBody,
  checkResult,
  consoleCheckBody,
  operationsResponse,
  statsQuery,
  statsResponse,
  ticketParams,
  walletsResponse,
} from './payments.schema';
import { checkPayment, checkStats, customerOperations, customerWallets, ticketOperations } from './payments.service';

const responses = { ...errorResponses, 503: errorResponse };

/** Public: the payment check (anyone, limited per IP) and a signed-in customer's recent operations. */
export function paymentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['payments'];
    app.post(
      '/check',
      {
        schema: {
          tags,
          summary: 'Check a terminal payment by the receipt: processing, done, cancelled or not_found',
          description:
            'A payment is shown only when the amount, the account and the receipt number or the terminal (within the time of paying) all match; any mismatch is the same not_found. Limited per IP address; 503 PAYMENT_CHECK_UNAVAILABLE when the payment core does not answer.',
          body: checkBody,
          response: { 200: checkResult, ...responses },
        },
      },
      async (request) => {
        const { categoryId, source, ...input } = request.body;
        return checkPayment(ctx, input, { source, categoryId, limitBy: request.ip, locale: request.locale });
      },
    );
    app.get(
      '/recent',
      {
        schema: {
          tags,
          summary: "The signed-in customer's recent wallet operations with statuses (from the payment core)",
          response: { 200: operationsResponse, ...responses },
        },
      },
      async (request) => {
        const customer = requireCustomer(request);
        return { items: await customerOperations(ctx, customer.id, request.locale) };
      },
    );
    app.get(
      '/wallets',
      {
        schema: {
          tags,
          summary: "The signed-in customer's wallets (from the payment core), to prefill the wallet fields of their forms",
          response: { 200: walletsResponse, ...responses },
        },
      },
      async (request) => {
        const customer = requireCustomer(request);
        return { items: await customerWallets(ctx, customer.id) };
      },
    );
  };
}

/** Console: the same check for an operator (no identification needed), and the identified customer's operations. */
export function consolePaymentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['console payments'];
    app.post(
      '/check',
      {
        config: { staff: 'any' },
        schema: {
          tags,
          summary: 'Check a terminal payment by the receipt (what the customer reads out)',
          body: consoleCheckBody,
          response: { 200: checkResult, ...responses },
        },
      },
      async (request) => {
        const staff = requireStaff(request);
        return checkPayment(ctx, request.body, { source: 'console', locale: request.locale, limitBy: staff.id });
      },
    );
    app.get(
      '/tickets/:number/operations',
      {
        config: { staff: 'any' },
        schema: {
          tags,
          summary: "The request's customer's recent wallet operations; 403 until the customer is identified",
          params: ticketParams,
          response: { 200: operationsResponse, ...responses },
        },
      },
      async (request) => {
        const scope = await loadScope(ctx.db, requireStaff(request));
        return { items: await ticketOperations(ctx, scope, request.params.number, request.locale) };
      },
    );
    app.get(
      '/stats',
      {
        config: { staff: SUPERVISORS },
        schema: {
          tags,
          summary: 'Payment checks of the last 1, 7 or 30 days by source and answer, and the deflections (supervisors, admins)',
          querystring: statsQuery,
          response: { 200: statsResponse, ...errorResponses },
        },
      },
      async (request) => {
        requireStaff(request);
        return checkStats(ctx, Number(request.query.days));
      },
    );
  };
}
