import type { TicketStatus } from '../../../common/tickets';
import { AppError } from '../../errors';
import { canAssignOthers, canReveal, canSee, canWork, type StaffScope } from '../staff';

/** Who is looking at a request from the customer side. */
export type Viewer =
  { kind: 'customer'; customerId: string; name: string } | { kind: 'guest'; ticketId: string; tokenId: string };

/** Anyone the request domain answers to: a customer, a guest with a tracking token, a staff member. */
export type DomainActor = Viewer | { kind: 'staff'; scope: StaffScope };

/** The domain's permission vocabulary; every route asks through `can` / `authorize`. */
export type TicketAction =
  | 'view'
  | 'reply'
  | 'resolve'
  | 'reopen'
  // staff only:
  | 'work'
  | 'note'
  | 'ask'
  | 'take'
  | 'assign'
  | 'transfer'
  | 'escalate'
  | 'return'
  | 'set_priority'
  | 'merge'
  | 'reveal';

type TicketRef = {
  id: string;
  customerId: string | null;
  departmentId: string | null;
  assigneeId: string | null;
  status: TicketStatus;
};

const REPLYABLE: readonly TicketStatus[] = ['new', 'open', 'pending_customer', 'reopened'];

/** What the customer may do with a request in this status. */
export function customerActions(status: TicketStatus): { reply: boolean; resolve: boolean; reopen: boolean } {
  return {
    reply: REPLYABLE.includes(status),
    resolve: REPLYABLE.includes(status),
    reopen: status === 'resolved' || status === 'archived',
  };
}

type Decision = { ok: true } | { ok: false; as: 'NOT_FOUND' | 'FORBIDDEN' } | { ok: false; as: 'CONFLICT'; reason: string };
const OK: Decision = { ok: true };
const HIDDEN: Decision = { ok: false, as: 'NOT_FOUND' };

/**
 * The one rule book:
 * - a customer sees their own requests; a guest token opens only its request; an expired request
 *   is nobody's; what they may do then depends on the status (`customerActions`);
 * - staff never see unconfirmed or expired requests, and staff outside the security service never
 *   see its requests (staff.policy `canSee`); working a request is for its department's members,
 *   its assignee and supervisors; assigning to someone else also needs tier ≥ 2 (or a supervisor);
 *   revealing sealed data needs the reveal role.
 * Not seeing answers 404 (no existence leak), not being allowed 403, a wrong status 409.
 */
function decide(actor: DomainActor, action: TicketAction, t: TicketRef): Decision {
  if (actor.kind === 'staff') {
    const { scope } = actor;
    if (t.status === 'unconfirmed' || t.status === 'expired' || !canSee(scope, t)) return HIDDEN;
    switch (action) {
      case 'view':
        return OK;
      case 'reveal':
        return canReveal(scope) ? OK : { ok: false, as: 'FORBIDDEN' };
      case 'assign':
        return canWork(scope, t) && canAssignOthers(scope, t) ? OK : { ok: false, as: 'FORBIDDEN' };
      default:
        return canWork(scope, t) ? OK : { ok: false, as: 'FORBIDDEN' };
    }
  }
  const own = actor.kind === 'customer' ? t.customerId === actor.customerId : t.id === actor.ticketId;
  if (!own || t.status === 'expired') return HIDDEN;
  const allowed = customerActions(t.status);
  switch (action) {
    case 'view':
      return OK;
    case 'reply':
      return allowed.reply ? OK : { ok: false, as: 'CONFLICT', reason: 'not_replyable' };
    case 'resolve':
      return allowed.resolve ? OK : { ok: false, as: 'CONFLICT', reason: 'not_resolvable' };
    case 'reopen':
      return allowed.reopen ? OK : { ok: false, as: 'CONFLICT', reason: 'not_reopenable' };
    default:
      return { ok: false, as: 'FORBIDDEN' };
  }
}

/** Whether the actor may do this with the request now. */
export function can(actor: DomainActor, action: TicketAction, ticket: TicketRef): boolean {
  return decide(actor, action, ticket).ok;
}

/** The guard: throws NOT_FOUND, FORBIDDEN or CONFLICT (with the reason and status) unless `can`. */
export function authorize(actor: DomainActor, action: TicketAction, ticket: TicketRef): void {
  const d = decide(actor, action, ticket);
  if (d.ok) return;
  if (d.as === 'CONFLICT') throw new AppError('CONFLICT', { reason: d.reason, status: ticket.status });
  throw new AppError(d.as);
}

/**
 * A department's queue (its list, its realtime room): open to those who may see that department's
 * requests, by the same rule book as one request (the security service's queue for its own people).
 */
export function canSeeQueue(scope: StaffScope, departmentId: string): boolean {
  return can({ kind: 'staff', scope }, 'view', { id: '', customerId: null, departmentId, assigneeId: null, status: 'open' });
}

/** A customer-side view of a request (kept for callers that only need the ownership rule). */
export function canView(viewer: Viewer, ticket: { id: string; customerId: string | null }): boolean {
  return viewer.kind === 'customer' ? ticket.customerId === viewer.customerId : ticket.id === viewer.ticketId;
}
