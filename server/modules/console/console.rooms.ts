import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { tickets } from '../../db/schema';
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
    },
  ];
}
