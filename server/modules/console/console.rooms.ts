import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { tickets } from '../../db/schema';
import type { BusMessage } from '../../platform/realtime';
import type { RoomRule } from '../../platform/ws';
import { loadScope } from '../staff';
import { can, canSeeQueue, type DomainActor } from '../tickets';

/**
 * Realtime rooms of the console, checked like the HTTP routes, by the request domain's policy
 * (tickets.policy): a department's queue room only for those who may see that department's
 * requests (the security service's for its own people), a request's room for those who may
 * view it, staff or the customer who owns it.
 */
export function consoleRoomRules(ctx: AppContext): RoomRule[] {
  return [
    {
      pattern: /^queues:([0-9a-f-]{36})$/,
      async allow(auth, m) {
        if (auth.user.kind !== 'staff') return false;
        return canSeeQueue(await loadScope(ctx.db, auth.user, { reload: true }), m[1] ?? '');
      },
    },
    {
      pattern: /^ticket:([0-9a-f-]{36})$/,
      async allow(auth, m) {
        const [t] = await ctx.db
          .select({
            id: tickets.id,
            status: tickets.status,
            departmentId: tickets.departmentId,
            assigneeId: tickets.assigneeId,
            customerId: tickets.customerId,
          })
          .from(tickets)
          .where(eq(tickets.id, m[1] ?? ''))
          .limit(1);
        if (!t) return false;
        const actor: DomainActor =
          auth.user.kind === 'customer'
            ? { kind: 'customer', customerId: auth.user.id, name: auth.user.name }
            : { kind: 'staff', scope: await loadScope(ctx.db, auth.user, { reload: true }) };
        return can(actor, 'view', t);
      },
      forCustomer: customerTicketEvent,
      // The request may have moved to a department someone in its room may not see.
      recheckOn: new Set(['ticket.transferred', 'ticket.escalated', 'ticket.returned', 'ticket.merged']),
    },
  ];
}

/** What a customer sees change on their request's page: new answers and questions, status changes. */
const CUSTOMER_EVENTS = new Set([
  'ticket.created',
  'ticket.status_changed',
  'ticket.customer_replied',
  'ticket.answered',
  'ticket.question_asked',
  'ticket.resolved',
  'ticket.reopened_by_staff',
  'ticket.merged',
]);

/**
 * The one decision of what a customer's socket gets of an event in a request's room: the
 * customer-visible events (never notes, assignment, transfers, reveals) by type and id, without
 * any data; no presence (it names staff, and the portal shows none).
 */
export function customerTicketEvent(message: BusMessage): BusMessage | null {
  if (!CUSTOMER_EVENTS.has(message.type)) return null;
  return { room: message.room, type: message.type, ...(message.id ? { id: message.id } : {}) };
}
