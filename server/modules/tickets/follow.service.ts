import { and, desc, eq, inArray, isNull, lt, notInArray, or } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import { ARCHIVE_STATUSES, type ReplyChannel } from '../../../common/tickets';
import type { AppContext, RequestMeta } from '../../context';
import type { Tx } from '../../db/connection';
import { attachments, ticketAccessTokens, ticketMessages, tickets } from '../../db/schema';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/audit';
import { sha256 } from '../../platform/crypto';
import type { FileStorage } from '../../platform/files/storage';
import { withTransaction } from '../../platform/outbox';
import * as commands from './commands';
import type { Upload } from './filing.service';
import { parseTicketNumber } from '../../../common/ticket-numbers';
import { authorize, type TicketAction, type Viewer } from './tickets.policy';

/**
 * The customer side of a request (portal and guest links): who is asking (`viewerFromToken`),
 * what they may see (`findVisible`, through tickets.policy), and thin adapters that call the
 * domain's commands. Nothing here writes the request tables except through ./commands.
 */
export { confirmGuest, sweepStale, UNCONFIRMED_TTL_DAYS, ARCHIVE_AFTER_DAYS } from './commands';

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
  action: TicketAction = 'view',
): Promise<Ticket> {
  const number = parseTicketNumber(numberInput);
  if (!number) throw new AppError('NOT_FOUND');
  const query = ctx.db.select().from(tickets).where(eq(tickets.number, number)).limit(1);
  const [ticket] = lock ? await query.for('update') : await query;
  if (!ticket) throw new AppError('NOT_FOUND');
  authorize(viewer, action, ticket);
  return ticket;
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
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ path: ['querystring', 'cursor'], code: 'invalid_cursor', message: 'invalid cursor' }],
    });
  return { updatedAt, id };
}

/** The customer's reply (portal): `appendMessage`; a question from support is thereby answered. */
export async function reply(
  ctx: AppContext,
  viewer: Viewer,
  number: string,
  input: { body: string; uploads: Upload[] },
  meta: RequestMeta,
) {
  return withTransaction(ctx, async (tx) => {
    const ticket = await findVisible({ db: tx }, viewer, number, true, 'reply');
    const { messageId } = await commands.appendMessage(tx, ctx, {
      ticket,
      author: actorOf(viewer),
      visibility: 'public',
      body: input.body,
      files: input.uploads.map((u) => ({ name: u.name, stored: u.stored })),
      source: 'web',
      origin: meta,
    });
    const [message] = await tx.select().from(ticketMessages).where(eq(ticketMessages.id, messageId)).limit(1);
    if (!message) throw new AppError('INTERNAL');
    return message;
  });
}

/** "My question is solved": the request goes to the Archive tab. */
export async function resolveByCustomer(ctx: AppContext, viewer: Viewer, number: string, meta: RequestMeta) {
  return withTransaction(ctx, async (tx) => {
    const ticket = await findVisible({ db: tx }, viewer, number, true, 'resolve');
    await commands.resolveByCustomer(tx, ticket, actorOf(viewer), meta);
    return ticket.number;
  });
}

/** "Take out of archive": the customer's message reopens it (`appendMessage`); the resolution clock starts again. */
export async function reopen(ctx: AppContext, viewer: Viewer, number: string, message: string, meta: RequestMeta) {
  return withTransaction(ctx, async (tx) => {
    const ticket = await findVisible({ db: tx }, viewer, number, true, 'reopen');
    await commands.appendMessage(tx, ctx, {
      ticket,
      author: actorOf(viewer),
      visibility: 'public',
      body: message,
      source: 'web',
      origin: meta,
    });
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
    await commands.setReplyChannel(tx, ticket, replyChannel, actorOf(viewer), meta);
  });
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
