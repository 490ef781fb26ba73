import type { AppContext, RequestMeta } from '../../context';
import { enforceRateLimit, type RateLimit } from '../../platform/ratelimit';
import { computeDue } from '../sla';
import { drawNumber, policyFor } from './commands/shared';
import type { FiledResponse } from './tickets.schema';

/**
 * The answer to a web filing whose hidden field (`website`) a bot filled: the same as a filed
 * request — a number drawn from the same sequence, the category's expected time, 201 — so the bot
 * learns nothing to adapt to; it counts against the same per-address limit as real filings (429
 * alike), and leaves no request, mail or audit row (a flood would otherwise fill the audit log).
 */
export async function honeypotAnswer(
  ctx: AppContext,
  input: { slaPolicyId: string | null; priority: boolean; guest: boolean; perIp: RateLimit; meta: RequestMeta },
): Promise<FiledResponse> {
  await enforceRateLimit(ctx.db, input.perIp, input.meta.ip);
  const policy = await policyFor(ctx, input.slaPolicyId, input.priority);
  const due = policy ? computeDue(policy, new Date()) : null;
  ctx.logger.info({ requestId: input.meta.requestId }, 'web filing: honeypot field filled, answered as filed');
  return {
    number: await drawNumber(ctx.handle),
    status: input.guest ? 'unconfirmed' : 'new',
    expectedBy: due?.resolutionDueAt.toISOString() ?? null,
    confirmationRequired: input.guest,
  };
}
