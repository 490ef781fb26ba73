import { eq, sql } from 'drizzle-orm';
import type { Locale } from '../../../../common/errors';
import type { TicketStatus } from '../../../../common/tickets';
import type { AppContext, RequestMeta } from '../../../context';
import type { Executor, Tx } from '../../../db/connection';
import { attachments, tickets } from '../../../db/schema';
import { recordAudit, type Actor } from '../../../platform/audit';
import type { StoredFile } from '../../../platform/files/storage';
import { emit } from '../../../platform/outbox';
import { queueTemplateMail } from '../../mail';
import {
  announceDue,
  cachedPolicy,
  cachedPolicyByCode,
  computeDue,
  loadPolicy,
  pausedClock,
  resumedClock,
  type SlaDue,
} from '../../sla';
import { formatTicketNumber } from '../../../../common/ticket-numbers';
import { roomsOf } from '../rooms';
import { assertTransition } from '../tickets.state';

export type Ticket = typeof tickets.$inferSelect;

/**
 * Who does something to a request. The same shape for every channel: a chat, a phone call or an
 * API client adds no new kind of author, only a channel.
 */
export type Author = Actor;

/** Where a command was asked from (for the history); absent for jobs and mail intake. */
export type Origin = Partial<Pick<RequestMeta, 'ip' | 'requestId'>> | null;

/** A file on its way onto a request: stored already, named, and (for form fields) keyed. */
export type NewAttachment = { fieldKey?: string | null; name: string; stored: StoredFile };

/** The rows of `attachments` for one message: the only place that knows the columns. */
export function attachmentRows(ticketId: string, messageId: string, files: NewAttachment[]) {
  return files.map((f) => ({
    ticketId,
    messageId,
    fieldKey: f.fieldKey ?? null,
    name: f.name,
    size: f.stored.size,
    contentType: f.stored.contentType,
    storageKey: f.stored.key,
    sha256: f.stored.sha256,
  }));
}

/** The one attachments insert of the domain (the filing statement's `f` part writes the same columns). */
export async function insertAttachments(tx: Executor, ticketId: string, messageId: string, files: NewAttachment[]) {
  if (files.length === 0) return;
  await tx.insert(attachments).values(attachmentRows(ticketId, messageId, files));
}

/**
 * The leaf's SLA policy; for a customer with the Priority package the `priority` policy when it
 * is the tighter one (S1: Priority customers are answered first). Read through the reference cache.
 */
export async function policyFor(ctx: Pick<AppContext, 'db'>, policyId: string | null, priorityCustomer: boolean) {
  const leafPolicy = policyId ? await cachedPolicy(ctx, policyId) : null;
  if (!priorityCustomer) return leafPolicy;
  const priority = await cachedPolicyByCode(ctx, 'priority');
  if (!priority) return leafPolicy;
  if (!leafPolicy) return priority;
  const now = new Date();
  return computeDue(priority, now).resolutionDueAt < computeDue(leafPolicy, now).resolutionDueAt ? priority : leafPolicy;
}

/**
 * Request numbers drawn from the sequence 50 at a time per database handle (one round trip per
 * 50 filings instead of one each). Numbers stay unique; they are not strictly in filing order
 * across nodes, and a restart (or a refused filing) leaves a gap.
 */
const numberBlocks = new WeakMap<object, { next(): Promise<bigint> }>();
const NUMBER_BLOCK = 50;
/** One number inside a caller's transaction (intake writes in its own; no block there). */
export async function drawNumberIn(tx: Executor): Promise<string> {
  const result = await tx.execute(sql`SELECT nextval('ticket_number_seq')::text AS n`);
  const n = (result as unknown as { rows: Array<{ n: string }> }).rows[0]?.n;
  if (!n) throw new Error('drawNumberIn: no value');
  return formatTicketNumber(BigInt(n));
}

export async function drawNumber(handle: AppContext['handle']): Promise<string> {
  let allocator = numberBlocks.get(handle);
  if (!allocator) {
    let pool: bigint[] = [];
    let refill: Promise<void> | null = null;
    allocator = {
      async next() {
        for (;;) {
          const n = pool.shift();
          if (n !== undefined) return n;
          refill ??= handle
            .query<{ n: string }>(`SELECT nextval('ticket_number_seq')::text AS n FROM generate_series(1, $1::integer)`, [
              NUMBER_BLOCK,
            ])
            .then(({ rows }) => {
              pool = pool.concat(rows.map((r) => BigInt(r.n)));
            })
            .finally(() => {
              refill = null;
            });
          await refill;
        }
      },
    };
    numberBlocks.set(handle, allocator);
  }
  return formatTicketNumber(await allocator.next());
}

/**
 * One status move: the row, an audit row and an event, in the caller's transaction. The SLA
 * clock follows the move: it stops on `pending_customer` and runs again when the customer's
 * answer brings the request back to `open` (the minutes left come from the sla module's pure
 * computation; only this module writes `tickets`).
 */
export async function transition(
  tx: Tx,
  ticket: Ticket,
  to: TicketStatus,
  actor: Author | null,
  origin: Origin,
  extra: Partial<Ticket> = {},
) {
  assertTransition(ticket.status, to);
  const now = new Date();
  await tx
    .update(tickets)
    .set({ ...extra, status: to, updatedAt: now })
    .where(eq(tickets.id, ticket.id));
  await recordAudit(tx, {
    actor: actor ?? { kind: 'system' },
    action: 'ticket.status_changed',
    entityType: 'ticket',
    entityId: ticket.id,
    ip: origin?.ip ?? null,
    requestId: origin?.requestId ?? null,
    data: { from: ticket.status, to },
  });
  await emit(tx, {
    type: 'ticket.status_changed',
    aggregateType: 'ticket',
    aggregateId: ticket.id,
    payload: { from: ticket.status, to, rooms: roomsOf(ticket) },
  });
  if (to === 'pending_customer') await pauseClock(tx, ticket, now);
  else if (ticket.status === 'pending_customer' && to === 'open') await resumeClock(tx, ticket, now);
}

async function pauseClock(tx: Tx, ticket: Ticket, at: Date) {
  if (!ticket.resolutionDueAt || !ticket.slaPolicyId) return;
  const policy = await loadPolicy(tx, ticket.slaPolicyId);
  if (!policy) return;
  await tx
    .update(tickets)
    .set(pausedClock(policy, ticket.resolutionDueAt, at))
    .where(eq(tickets.id, ticket.id));
}

async function resumeClock(tx: Tx, ticket: Ticket, at: Date) {
  if (ticket.slaRemainingMinutes === null || !ticket.slaPolicyId) return;
  const policy = await loadPolicy(tx, ticket.slaPolicyId);
  if (!policy) return;
  const due = resumedClock(policy, ticket.slaRemainingMinutes, at);
  await tx
    .update(tickets)
    .set({ slaPausedAt: null, slaRemainingMinutes: null, resolutionDueAt: due.resolutionDueAt })
    .where(eq(tickets.id, ticket.id));
  await announceDue(tx, ticket.id, due);
}

/**
 * Back in work after a solution (customer, letter or staff): a new resolution target from now,
 * the SLA marks cleared. `clearCode` also forgets the resolution code (a staff reopen does).
 */
export async function reopenRequest(tx: Tx, ticket: Ticket, actor: Author, origin: Origin, clearCode = false) {
  const policy = ticket.slaPolicyId ? await loadPolicy(tx, ticket.slaPolicyId) : null;
  const due = policy ? computeDue(policy, new Date()) : null;
  await transition(tx, ticket, 'reopened', actor, origin, {
    resolvedAt: null,
    archivedAt: null,
    ...(clearCode ? { resolutionCode: null } : {}),
    atRiskAt: null,
    breachedAt: null,
    resolutionDueAt: due?.resolutionDueAt ?? null,
  });
  if (due) await announceDue(tx, ticket.id, { resolutionDueAt: due.resolutionDueAt, resolutionAtRiskAt: due.resolutionAtRiskAt });
  return due;
}

/** What happens when a guest's request enters the queue after the confirmation link. */
export async function announceEntered(
  tx: Tx,
  ctx: AppContext,
  t: {
    id: string;
    number: string;
    departmentId: string | null;
    locale: Locale;
    to: string | null | undefined;
    due: SlaDue | null;
  },
): Promise<void> {
  await emit(tx, { type: 'ticket.created', aggregateType: 'ticket', aggregateId: t.id, payload: { rooms: roomsOf(t) } });
  if (t.due) await announceDue(tx, t.id, t.due);
  if (t.to) {
    await queueTemplateMail(tx, ctx.config, {
      dedupeKey: `ticket:${t.id}:ack`,
      template: 'ticket.acknowledgement',
      locale: t.locale,
      to: t.to,
      ticketId: t.id,
      vars: { number: t.number, url: `${ctx.config.publicUrl}/requests/${t.number}`, expectedBy: t.due?.resolutionDueAt },
    });
  }
}
