import { eq } from 'drizzle-orm';
import { customers, tickets } from '../../../db/schema';
import { recordAudit } from '../../../platform/audit';
import { emit, withTransaction } from '../../../platform/outbox';
import { roomsOf } from '../rooms';
import { loadForWork, type StaffActionContext } from './staff';

/** What the payment core said of the passport against the wallet owner's (customers/paycore `IdentityCheck`). */
export type IdentityCheckResult = 'match' | 'mismatch' | 'unknown_wallet';

export type IdentificationOutcome = {
  result: 'identified' | 'failed';
  /** Why it failed: the core's answer, or `phone_mismatch` when the wallet is not the customer's phone. */
  reason: string | null;
};

/**
 * Records the identification check of the request's customer (S0, S2): the payment core's answer
 * about the passport, and whether the wallet is the customer's phone. Only the result is kept,
 * never the passport; the wallet appears in the history by its last four digits. One transaction:
 * the request row, its history (audit) row and the `ticket.identification` event. The caller asks
 * the payment core before (an outside system is never waited for inside a transaction).
 */
export async function recordIdentification(
  a: StaffActionContext,
  number: string,
  input: { wallet: string; check: IdentityCheckResult },
): Promise<IdentificationOutcome> {
  const { wallet, check } = input;
  return withTransaction(a.ctx, async (tx) => {
    const t = await loadForWork(tx, a.scope, number, { lock: true });
    const [customer] = t.customerId
      ? await tx.select({ phone: customers.phone }).from(customers).where(eq(customers.id, t.customerId)).limit(1)
      : [];
    const phoneMatches = !customer?.phone || customer.phone === wallet;
    const result: IdentificationOutcome['result'] = check === 'match' && phoneMatches ? 'identified' : 'failed';
    const now = new Date();
    await tx
      .update(tickets)
      .set({ identification: result, identifiedBy: a.scope.id, identifiedAt: now, updatedAt: now })
      .where(eq(tickets.id, t.id));
    await recordAudit(tx, {
      actor: { kind: 'staff', id: a.scope.id },
      action: 'customer.identification',
      entityType: 'ticket',
      entityId: t.id,
      ip: a.meta?.ip ?? null,
      requestId: a.meta?.requestId ?? null,
      data: { number: t.number, result, check, phoneMatches, wallet: `…${wallet.slice(-4)}` },
    });
    await emit(tx, { type: 'ticket.identification', aggregateType: 'ticket', aggregateId: t.id, payload: { rooms: roomsOf(t) } });
    return { result, reason: result === 'identified' ? null : check !== 'match' ? check : 'phone_mismatch' };
  });
}
