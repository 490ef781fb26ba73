import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { tickets } from '../../db/schema';
import type { BusMessage } from '../../platform/realtime';
import type { RoomRule } from '../../platform/ws';
import { canSee, loadScope, seesSecurity } from '../staff';

/**
 * Realtime rooms of the console, checked like the HTTP routes: a department's queue room only
 * for those who may see that department's requests (the security service's for its own people),
 * a request's room for those who may see it, and for the customer who owns it.
 */
export function consoleRoomRules(ctx: AppContext): RoomRule[] {
  return [
    {
      pattern: /^queues:([0-9a-f-]{36})$/,
      async allow(auth, m) {
        if (auth.user.kind !== 'staff') return false;
        const scope = await loadScope(ctx.db, auth.user, { reload: true });
        return m[1] !== scope.securityDepartmentId || seesSecurity(scope);
      },
    },
    {
      pattern: /^ticket:([0-9a-f-]{36})$/,
      async allow(auth, m) {
        const [t] = await ctx.db
          .select({ departmentId: tickets.departmentId, assigneeId: tickets.assigneeId, customerId: tickets.customerId })
          .from(tickets)
          .where(eq(tickets.id, m[1] ?? ''))
          .limit(1);
        if (!t) return false;
        if (auth.user.kind === 'customer') return t.customerId === auth.user.id;
        return canSee(await loadScope(ctx.db, auth.user, { reload: true }), t);
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
