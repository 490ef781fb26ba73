import { eq } from 'drizzle-orm';
import { parseTicketNumber } from '../../../../common/ticket-numbers';
import type { Executor } from '../../../db/connection';
import { tickets } from '../../../db/schema';
import { AppError } from '../../../errors';
import type { Requester } from './open-request';

/** Decisions a customer may appeal: a request that support has solved (or that was archived since). */
const APPEALABLE = new Set(['resolved', 'archived']);

/**
 * The links of an appeal (`channel: 'appeal'`): `links.appealOf` names the appealed request by its
 * number; it must be the requester's own (the customer's, or a guest's by the same address) and
 * solved. Answers the links for the history with the appealed request's id beside its number.
 * NOT_FOUND for a request that is not theirs (no existence leak), CONFLICT when it is still open.
 */
export async function appealLinks(
  db: Executor,
  requester: Requester,
  links: Record<string, unknown> | undefined,
): Promise<Record<string, unknown>> {
  const number = typeof links?.appealOf === 'string' ? parseTicketNumber(links.appealOf) : null;
  if (!number) throw new AppError('NOT_FOUND', { entity: 'appealed_request' });
  const [appealed] = await db
    .select({
      id: tickets.id,
      number: tickets.number,
      status: tickets.status,
      customerId: tickets.customerId,
      guestEmail: tickets.guestEmail,
    })
    .from(tickets)
    .where(eq(tickets.number, number))
    .limit(1);
  const own =
    appealed &&
    (requester.kind === 'customer'
      ? appealed.customerId === requester.customer.id
      : appealed.customerId === null &&
        requester.email !== null &&
        appealed.guestEmail?.toLowerCase() === requester.email.toLowerCase());
  if (!appealed || !own) throw new AppError('NOT_FOUND', { entity: 'appealed_request' });
  if (!APPEALABLE.has(appealed.status)) throw new AppError('CONFLICT', { reason: 'not_appealable', status: appealed.status });
  return { ...links, appealOf: appealed.number, appealOfId: appealed.id };
}
