import { eq } from 'drizzle-orm';
import type { AppContext } from '../../../context';
import { tickets } from '../../../db/schema';
import { emit } from '../../../platform/outbox';
import { defineSlaCheckJob, slaMarkDue, type SlaCheck } from '../../sla';
import { roomsOf } from '../rooms';

/**
 * Marks a request "at risk" or "breached" when the sla module's timer still applies (its pure
 * `slaMarkDue` decides); emits `ticket.sla_at_risk` / `ticket.sla_breached`. True when marked.
 */
export async function markSla(ctx: Pick<AppContext, 'db'>, check: SlaCheck): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const [t] = await tx.select().from(tickets).where(eq(tickets.id, check.ticketId)).for('update').limit(1);
    const mark = t ? slaMarkDue(t, check) : null;
    if (!t || !mark) return false;
    await tx
      .update(tickets)
      .set({ [mark]: new Date() })
      .where(eq(tickets.id, check.ticketId));
    await emit(tx, {
      type: mark === 'atRiskAt' ? 'ticket.sla_at_risk' : 'ticket.sla_breached',
      aggregateType: 'ticket',
      aggregateId: check.ticketId,
      payload: { target: check.target, dueAt: check.dueAt, rooms: roomsOf(t) },
    });
    return true;
  });
}

/** The `sla.check` job with the domain's mark. */
export function slaCheckJob(ctx: Pick<AppContext, 'db' | 'outbox'>) {
  return defineSlaCheckJob(ctx, (check) => markSla(ctx, check));
}
