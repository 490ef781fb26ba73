import { and, desc, eq, inArray, isNull, lt, notInArray, or, sql } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { Locale } from '../../../common/errors';
import { ARCHIVE_STATUSES, UNCONFIRMED_TTL_DAYS, type ReplyChannel, type TicketStatus } from '../../../common/tickets';
import type { AppContext, RequestMeta } from '../../context';
import type { Tx } from '../../db/connection';
import { attachments, ticketAccessTokens, ticketMessages, tickets } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit, type Actor } from '../../platform/audit';
import { randomToken, sha256 } from '../../platform/crypto';
import type { FileStorage } from '../../platform/files/storage';
import { emit, withTransaction } from '../../platform/outbox';
import { queueTemplateMail } from '../mail/mail.service';
import { announceDue, computeDue, loadPolicy, pauseClock, resumeClock } from '../sla/sla.service';
import { announceEntered, type Upload } from './filing.service';
import { parseTicketNumber } from './numbers';
import { canView, customerActions, type Viewer } from './tickets.policy';
import { assertTransition } from './tickets.state';
import { roomsOf } from './rooms';

export { UNCONFIRMED_TTL_DAYS };
export const ARCHIVE_AFTER_DAYS = 7;

type Ticket = typeof tickets.$inferSelect;

const actorOf = (viewer: Viewer): Actor =>
  viewer.kind === 'customer' ? { kind: 'customer', id: viewer.customerId } : { kind: 'guest' };

/** A guest's tracking token → the viewer it stands for; null when unknown or revoked. */
export async function viewerFromToken(ctx: AppContext, token: string): Promise<Viewer | null> {
  const [row] = await ctx.db
    .select()
    .from(ticketAccessTokens)
    .where(and(eq(ticketAccessTokens.tokenHash, sha256(token)), isNull(ticketAccessTokens.revokedAt)))
    .limit(1);
  if (!row) return null;
  await ctx.db.update(ticketAccessTokens).set({ lastUsedAt: new Date() }).where(eq(ticketAccessTokens.id, row.id));
  return { kind: 'guest', ticketId: row.ticketId, tokenId: row.id };
}

/** The request a viewer may see, by its number; NOT_FOUND for anything else (no existence leak). */
export async function findVisible(
  ctx: AppContext | { db: Tx },
  viewer: Viewer,
  numberInput: string,
  lock = false,
): Promise<Ticket> {
  const number = parseTicketNumber(numberInput);
  if (!number) throw new AppError('NOT_FOUND');
  const query = ctx.db.select().from(tickets).where(eq(tickets.number, number)).limit(1);
  const [ticket] = lock ? await query.for('update') : await query;
  if (!ticket || !canView(viewer, ticket) || ticket.status === 'expired') throw new AppError('NOT_FOUND');
  return ticket;
}

/** Opens a guest's request from the confirmation link: it enters the queue and a tracking link is mailed. */
export async function confirmGuest(
  ctx: AppContext,
  token: string,
  meta: RequestMeta,
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
      ip: meta.ip,
      requestId: meta.requestId,
      data: { from: 'unconfirmed', to: 'new' },
    });
    const locale = ticket.locale as Locale;
    await announceEntered(tx, ctx, {
      id: ticket.id,
      number: ticket.number,
      departmentId: ticket.departmentId,
      locale,
      to: ticket.guestEmail,
      expectedBy: due?.resolutionDueAt,
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

/** The customer's requests, newest activity first, keyset-paginated. */
export async function listMine(
  ctx: AppContext,
  customerId: string,
  query: { tab: 'active' | 'archive'; limit: number; cursor?: string },
) {
  const archive = [...ARCHIVE_STATUSES];
  const conditions = [
    eq(tickets.customerId, customerId),
    query.tab === 'archive' ? inArray(tickets.status, archive) : notInArray(tickets.status, [...archive, 'expired']),
  ];
  const after = decodeCursor(query.cursor);
  if (after)
    conditions.push(
      or(lt(tickets.updatedAt, after.updatedAt), and(eq(tickets.updatedAt, after.updatedAt), lt(tickets.id, after.id)))!,
    );
  const rows = await ctx.db.query.tickets.findMany({
    where: and(...conditions),
    orderBy: [desc(tickets.updatedAt), desc(tickets.id)],
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
}

const encodeCursor = (t: Ticket) => Buffer.from(`${t.updatedAt.toISOString()}|${t.id}`).toString('base64url');
function decodeCursor(cursor: string | undefined): { updatedAt: Date; id: string } | null {
  if (!cursor) return null;
  const [iso, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const updatedAt = new Date(iso ?? '');
  if (!id || Number.isNaN(updatedAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id))
    throw new AppError('VALIDATION_FAILED', { field: 'cursor' });
  return { updatedAt, id };
}

/** The customer's reply: a message (with files); a question from support is thereby answered. */
export async function reply(
  ctx: AppContext,
  viewer: Viewer,
  number: string,
  input: { body: string; uploads: Upload[] },
  meta: RequestMeta,
) {
  return withTransaction(ctx, async (tx) => {
    const ticket = await findVisible({ db: tx }, viewer, number, true);
    if (!customerActions(ticket.status).reply) throw new AppError('CONFLICT', { reason: 'not_replyable', status: ticket.status });
    const now = new Date();
    const [message] = await tx
      .insert(ticketMessages)
      .values({
        ticketId: ticket.id,
        authorKind: viewer.kind,
        authorId: viewer.kind === 'customer' ? viewer.customerId : null,
        body: input.body,
        channel: 'web',
      })
      .returning();
    if (!message) throw new AppError('INTERNAL');
    if (input.uploads.length > 0) {
      await tx.insert(attachments).values(
        input.uploads.map((u) => ({
          ticketId: ticket.id,
          messageId: message.id,
          fieldKey: null,
          name: u.name,
          size: u.stored.size,
          contentType: u.stored.contentType,
          storageKey: u.stored.key,
          sha256: u.stored.sha256,
        })),
      );
    }
    if (ticket.status === 'pending_customer') {
      await changeStatus(tx, ticket, 'open', viewer, meta);
      await resumeClock(tx, ticket, now);
    }
    await tx.update(tickets).set({ updatedAt: now }).where(eq(tickets.id, ticket.id));
    await emit(tx, {
      type: 'ticket.customer_replied',
      aggregateType: 'ticket',
      aggregateId: ticket.id,
      payload: { messageId: message.id, rooms: roomsOf(ticket) },
    });
    await recordAudit(tx, {
      actor: actorOf(viewer),
      action: 'ticket.customer_replied',
      entityType: 'ticket',
      entityId: ticket.id,
      ip: meta.ip,
      requestId: meta.requestId,
      data: { messageId: message.id },
    });
    return message;
  });
}

/** "My question is solved": the request goes to the Archive tab. */
export async function resolveByCustomer(ctx: AppContext, viewer: Viewer, number: string, meta: RequestMeta) {
  return withTransaction(ctx, async (tx) => {
    const ticket = await findVisible({ db: tx }, viewer, number, true);
    if (!customerActions(ticket.status).resolve)
      throw new AppError('CONFLICT', { reason: 'not_resolvable', status: ticket.status });
    await changeStatus(tx, ticket, 'resolved', viewer, meta, {
      resolvedAt: new Date(),
      slaPausedAt: null,
      slaRemainingMinutes: null,
    });
    return ticket.number;
  });
}

/** "Take out of archive": reopens with the customer's message; the resolution clock starts again. */
export async function reopen(ctx: AppContext, viewer: Viewer, number: string, message: string, meta: RequestMeta) {
  return withTransaction(ctx, async (tx) => {
    const ticket = await findVisible({ db: tx }, viewer, number, true);
    if (!customerActions(ticket.status).reopen)
      throw new AppError('CONFLICT', { reason: 'not_reopenable', status: ticket.status });
    const now = new Date();
    const policy = ticket.slaPolicyId ? await loadPolicy(tx, ticket.slaPolicyId) : null;
    const due = policy ? computeDue(policy, now) : null;
    await tx.insert(ticketMessages).values({
      ticketId: ticket.id,
      authorKind: viewer.kind,
      authorId: viewer.kind === 'customer' ? viewer.customerId : null,
      body: message,
      channel: 'web',
    });
    await changeStatus(tx, ticket, 'reopened', viewer, meta, {
      resolvedAt: null,
      archivedAt: null,
      atRiskAt: null,
      breachedAt: null,
      resolutionDueAt: due?.resolutionDueAt ?? null,
    });
    if (due)
      await announceDue(tx, ticket.id, { resolutionDueAt: due.resolutionDueAt, resolutionAtRiskAt: due.resolutionAtRiskAt });
    return ticket.number;
  });
}

export async function setReplyChannel(
  ctx: AppContext,
  viewer: Viewer,
  number: string,
  replyChannel: ReplyChannel,
  meta: RequestMeta,
) {
  await withTransaction(ctx, async (tx) => {
    const ticket = await findVisible({ db: tx }, viewer, number, true);
    await tx.update(tickets).set({ replyChannel }).where(eq(tickets.id, ticket.id));
    await recordAudit(tx, {
      actor: actorOf(viewer),
      action: 'ticket.reply_channel_set',
      entityType: 'ticket',
      entityId: ticket.id,
      ip: meta.ip,
      requestId: meta.requestId,
      data: { replyChannel },
    });
  });
}

/** One status move: the row, an audit row and an event, in the caller's transaction. */
export async function changeStatus(
  tx: Tx,
  ticket: Ticket,
  to: TicketStatus,
  viewer: Viewer | null,
  meta: RequestMeta | null,
  extra: Partial<Ticket> = {},
) {
  assertTransition(ticket.status, to);
  const now = new Date();
  await tx
    .update(tickets)
    .set({ ...extra, status: to, updatedAt: now })
    .where(eq(tickets.id, ticket.id));
  await recordAudit(tx, {
    actor: viewer ? actorOf(viewer) : { kind: 'system' },
    action: 'ticket.status_changed',
    entityType: 'ticket',
    entityId: ticket.id,
    ip: meta?.ip ?? null,
    requestId: meta?.requestId ?? null,
    data: { from: ticket.status, to },
  });
  await emit(tx, {
    type: 'ticket.status_changed',
    aggregateType: 'ticket',
    aggregateId: ticket.id,
    payload: { from: ticket.status, to, rooms: roomsOf(ticket) },
  });
  if (to === 'pending_customer') await pauseClock(tx, ticket, now);
}

/** An attachment of a visible request, as a stream. */
export async function openAttachment(
  ctx: AppContext,
  storage: FileStorage,
  viewer: Viewer,
  number: string,
  attachmentId: string,
): Promise<{ name: string; contentType: string; size: number; stream: Readable }> {
  const ticket = await findVisible(ctx, viewer, number);
  const [file] = await ctx.db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.ticketId, ticket.id)))
    .limit(1);
  if (!file) throw new AppError('NOT_FOUND');
  // Files on internal notes are not the customer's to see.
  if (file.messageId) {
    const [m] = await ctx.db
      .select({ internal: ticketMessages.internal })
      .from(ticketMessages)
      .where(eq(ticketMessages.id, file.messageId))
      .limit(1);
    if (m?.internal) throw new AppError('NOT_FOUND');
  }
  return { name: file.name, contentType: file.contentType, size: file.size, stream: storage.read(file.storageKey) };
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
