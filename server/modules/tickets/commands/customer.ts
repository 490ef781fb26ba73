import { and, eq, lt, sql } from 'drizzle-orm';
import type { Locale } from '../../../../common/errors';
import { UNCONFIRMED_TTL_DAYS, type ReplyChannel, type TicketStatus } from '../../../../common/tickets';
import type { AppContext } from '../../../context';
import type { Tx } from '../../../db/connection';
import { ticketAccessTokens, tickets } from '../../../db/schema';
import { AppError } from '../../../errors';
import { recordAudit, type Actor } from '../../../platform/audit';
import { randomToken, sha256 } from '../../../platform/crypto';
import { emit, withTransaction } from '../../../platform/outbox';
import { queueTemplateMail } from '../../mail';
import { computeDue, loadPolicy } from '../../sla';
import { assertTransition } from '../tickets.state';
import { announceEntered, transition, type Origin, type Ticket } from './shared';

export { UNCONFIRMED_TTL_DAYS };
export const ARCHIVE_AFTER_DAYS = 7;

/** Opens a guest's request from the confirmation link: it enters the queue and a tracking link is mailed. */
export async function confirmGuest(
  ctx: AppContext,
  token: string,
  origin: Origin,
): Promise<{ number: string; trackingToken: string }> {
  return withTransaction(ctx, async (tx) => {
    const [ticket] = await tx
      .select()
      .from(tickets)
      .where(eq(tickets.confirmTokenHash, sha256(token)))
      .for('update')
      .limit(1);
    if (!ticket || ticket.status === 'expired') throw new AppError('NOT_FOUND');
    if (ticket.status !== 'unconfirmed') throw new AppError('CONFLICT', { reason: 'already_confirmed' });
    if (ticket.createdAt.getTime() < Date.now() - UNCONFIRMED_TTL_DAYS * 86_400_000) throw new AppError('NOT_FOUND');
    assertTransition(ticket.status, 'new');
    const now = new Date();
    const policy = ticket.slaPolicyId ? await loadPolicy(tx, ticket.slaPolicyId) : null;
    const due = policy ? computeDue(policy, now) : null;
    await tx
      .update(tickets)
      .set({
        status: 'new',
        confirmedAt: now,
        updatedAt: now,
        firstResponseDueAt: due?.firstResponseDueAt ?? null,
        resolutionDueAt: due?.resolutionDueAt ?? null,
      })
      .where(eq(tickets.id, ticket.id));
    const trackingToken = randomToken(32);
    await tx.insert(ticketAccessTokens).values({ ticketId: ticket.id, tokenHash: sha256(trackingToken) });
    await recordAudit(tx, {
      actor: { kind: 'guest' },
      action: 'ticket.confirmed',
      entityType: 'ticket',
      entityId: ticket.id,
      ip: origin?.ip ?? null,
      requestId: origin?.requestId ?? null,
      data: { from: 'unconfirmed', to: 'new' },
    });
    const locale = ticket.locale as Locale;
    await announceEntered(tx, ctx, {
      id: ticket.id,
      number: ticket.number,
      departmentId: ticket.departmentId,
      locale,
      to: ticket.guestEmail,
      due,
    });
    await queueTemplateMail(tx, ctx.config, {
      dedupeKey: `ticket:${ticket.id}:tracking:${sha256(trackingToken).slice(0, 16)}`,
      template: 'ticket.tracking_link',
      locale,
      to: ticket.guestEmail ?? '',
      ticketId: ticket.id,
      vars: { number: ticket.number, url: `${ctx.config.publicUrl}/requests/${ticket.number}?token=${trackingToken}` },
    });
    return { number: ticket.number, trackingToken };
  });
}

/** "My question is solved" (the customer, on a request they may resolve): it goes to the Archive tab. */
export async function resolveByCustomer(tx: Tx, ticket: Ticket, actor: Actor, origin: Origin) {
  await transition(tx, ticket, 'resolved', actor, origin, {
    resolvedAt: new Date(),
    slaPausedAt: null,
    slaRemainingMinutes: null,
  });
}

export async function setReplyChannel(tx: Tx, ticket: Ticket, replyChannel: ReplyChannel, actor: Actor, origin: Origin) {
  await tx.update(tickets).set({ replyChannel }).where(eq(tickets.id, ticket.id));
  await recordAudit(tx, {
    actor,
    action: 'ticket.reply_channel_set',
    entityType: 'ticket',
    entityId: ticket.id,
    ip: origin?.ip ?? null,
    requestId: origin?.requestId ?? null,
    data: { replyChannel },
  });
}

/** Housekeeping: unconfirmed guests' requests expire after 7 days; solved ones move to the archive after 7. */
export async function sweepStale(ctx: AppContext): Promise<{ expired: number; archived: number }> {
  return withTransaction(ctx, async (tx) => {
    const expired = await tx
      .update(tickets)
      .set({ status: 'expired', updatedAt: new Date(), confirmTokenHash: null })
      .where(
        and(
          eq(tickets.status, 'unconfirmed'),
          lt(tickets.createdAt, sql`now() - make_interval(days => ${UNCONFIRMED_TTL_DAYS})`),
        ),
      )
      .returning({ id: tickets.id });
    const archived = await tx
      .update(tickets)
      .set({ status: 'archived', archivedAt: new Date(), updatedAt: new Date() })
      .where(
        and(eq(tickets.status, 'resolved'), lt(tickets.resolvedAt, sql`now() - make_interval(days => ${ARCHIVE_AFTER_DAYS})`)),
      )
      .returning({ id: tickets.id });
    await recordSystemMoves(tx, expired, 'unconfirmed', 'expired');
    await recordSystemMoves(tx, archived, 'resolved', 'archived');
    return { expired: expired.length, archived: archived.length };
  });
}

/** History and events of status moves made by the system (housekeeping), in the caller's transaction. */
async function recordSystemMoves(tx: Tx, rows: Array<{ id: string }>, from: TicketStatus, to: TicketStatus) {
  for (const { id } of rows) {
    await recordAudit(tx, {
      actor: { kind: 'system' },
      action: 'ticket.status_changed',
      entityType: 'ticket',
      entityId: id,
      data: { from, to },
    });
    await emit(tx, { type: 'ticket.status_changed', aggregateType: 'ticket', aggregateId: id, payload: { from, to } });
  }
}
