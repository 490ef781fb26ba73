import { eq } from 'drizzle-orm';
import type { TicketChannel } from '../../../../common/tickets';
import type { AppContext } from '../../../context';
import type { Tx } from '../../../db/connection';
import { ticketMessages, tickets } from '../../../db/schema';
import { AppError } from '../../../errors';
import { recordAudit } from '../../../platform/audit';
import { emit } from '../../../platform/outbox';
import { roomsOf } from '../rooms';
import type { Sealer } from '../../../../common/pii';
import { addSealedDocuments, freeTextSealer } from './free-text';
import { notifyCustomer } from './notify';
import {
  insertAttachments,
  reopenRequest,
  transition,
  type Author,
  type NewAttachment,
  type Origin,
  type Ticket,
} from './shared';

const UNANSWERED = new Set(['new', 'reopened']);

/**
 * One message row and its files (the domain's only insert of `ticket_messages`). Its text goes
 * through the free-text step: numbers masked in the row, originals sealed on the request.
 */
export async function insertMessage(
  tx: Tx,
  cipher: Sealer,
  ticketId: string,
  m: { author: Author; body: string; internal?: boolean; channel?: TicketChannel; files?: NewAttachment[] },
): Promise<{ id: string; body: string }> {
  const sealer = freeTextSealer(cipher);
  const body = sealer.text(m.body);
  await addSealedDocuments(tx, ticketId, sealer.documents);
  const [row] = await tx
    .insert(ticketMessages)
    .values({
      ticketId,
      authorKind: m.author.kind,
      authorId: m.author.id ?? null,
      body,
      internal: m.internal ?? false,
      channel: m.channel ?? 'web',
    })
    .returning({ id: ticketMessages.id });
  if (!row) throw new AppError('INTERNAL');
  await insertAttachments(tx, ticketId, row.id, m.files ?? []);
  return { id: row.id, body };
}

export type AppendMessageInput = {
  /** The request, read FOR UPDATE in the caller's transaction. */
  ticket: Ticket;
  author: Author;
  visibility: 'public' | 'internal';
  body: string;
  files?: NewAttachment[];
  /** The channel the message came by (web, email, chat…). */
  source: TicketChannel;
  /** A staff answer that asks the customer something: the request waits for them (SLA paused). */
  asks?: boolean;
  /** Extra facts for the history row (e.g. how a letter was threaded). */
  links?: Record<string, unknown>;
  origin?: Origin;
};

/**
 * Adds a message to a request, with the effects the status machine (tickets.state.ts) gives it:
 * - from the customer (or a guest): a request waiting for them goes back to `open` (the SLA
 *   clock runs again); a solved or archived one is reopened with a new resolution target; the
 *   event and history row `ticket.customer_replied`;
 * - from staff, public: the first one stops the first-response clock; `new`/`reopened` become
 *   `open`, `asks` moves to `pending_customer` (clock paused); the customer is told by mail as
 *   their reply channel says. A solved request takes no answer (CONFLICT `closed`).
 * - internal (notes, system remarks): the message only; the customer never sees it.
 * Staff commands write their own history row and event (see staff.ts `act`).
 */
export async function appendMessage(tx: Tx, ctx: AppContext, input: AppendMessageInput): Promise<{ messageId: string }> {
  const { ticket: t, author } = input;
  const internal = input.visibility === 'internal';
  const fromCustomer = author.kind === 'customer' || author.kind === 'guest';
  if (author.kind === 'staff' && !internal && (t.status === 'resolved' || t.status === 'archived'))
    throw new AppError('CONFLICT', { reason: 'closed', status: t.status });
  const { id: messageId, body } = await insertMessage(tx, ctx.cipher, t.id, {
    author,
    body: input.body,
    internal,
    channel: input.source,
    files: input.files,
  });
  if (internal) return { messageId };

  if (fromCustomer) {
    if (t.status === 'pending_customer') await transition(tx, t, 'open', author, input.origin ?? null);
    else if (t.status === 'resolved' || t.status === 'archived') await reopenRequest(tx, t, author, input.origin ?? null);
    await tx.update(tickets).set({ updatedAt: new Date() }).where(eq(tickets.id, t.id));
    await emit(tx, {
      type: 'ticket.customer_replied',
      aggregateType: 'ticket',
      aggregateId: t.id,
      payload: { messageId, rooms: roomsOf(t) },
    });
    await recordAudit(tx, {
      actor: author,
      action: 'ticket.customer_replied',
      entityType: 'ticket',
      entityId: t.id,
      ip: input.origin?.ip ?? null,
      requestId: input.origin?.requestId ?? null,
      data: { messageId, ...input.links },
    });
    return { messageId };
  }

  if (author.kind === 'staff') {
    if (!t.firstRespondedAt) await tx.update(tickets).set({ firstRespondedAt: new Date() }).where(eq(tickets.id, t.id));
    let current = t;
    // Status moves by staff are recorded as the system's (as before the domain commands).
    if (UNANSWERED.has(t.status)) {
      await transition(tx, t, 'open', { kind: 'system' }, input.origin ?? null);
      current = { ...t, status: 'open' };
    }
    if (input.asks && current.status !== 'pending_customer')
      await transition(tx, current, 'pending_customer', { kind: 'system' }, input.origin ?? null);
    await notifyCustomer(ctx, tx, t, { kind: input.asks ? 'question' : 'answer', key: `message:${messageId}`, body });
  }
  return { messageId };
}
