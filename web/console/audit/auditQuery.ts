import type { AuditEntry, AuditFilters } from '../../api/console';

/** The actions offered in the audit filter (any other code can still be typed in the URL). */
export const AUDIT_ACTIONS = [
  'pii.revealed',
  'customer.identification',
  'ticket.filed',
  'ticket.taken',
  'ticket.assigned',
  'ticket.transferred',
  'ticket.escalated',
  'ticket.returned',
  'ticket.priority_changed',
  'ticket.merged',
  'ticket.answered',
  'ticket.question_asked',
  'ticket.note_added',
  'ticket.resolved',
  'ticket.reopened_by_staff',
  'ticket.status_changed',
  'ticket.customer_replied',
  'auth.login',
  'auth.logout',
] as const;

/** Filters as the page keeps them in its URL: dates as `YYYY-MM-DD` (the person's local days). */
export type AuditForm = { action: string; actor: string; number: string; from: string; to: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function auditFormFromSearch(search: string): AuditForm {
  const p = new URLSearchParams(search);
  const day = (v: string | null) => (v && DAY.test(v) ? v : '');
  return {
    action: (p.get('action') ?? '').trim().slice(0, 80),
    actor: UUID.test(p.get('actor') ?? '') ? (p.get('actor') as string).toLowerCase() : '',
    number: (p.get('number') ?? '').trim().slice(0, 40),
    from: day(p.get('from')),
    to: day(p.get('to')),
  };
}

export function searchFromAuditForm(form: AuditForm): string {
  const p = new URLSearchParams();
  for (const key of ['action', 'actor', 'number', 'from', 'to'] as const) if (form[key]) p.set(key, form[key]);
  const text = p.toString();
  return text ? `?${text}` : '';
}

/** The API filters: local days become instants ("from" at 00:00, "to" through 23:59:59.999). */
export function apiAuditFilters(form: AuditForm): AuditFilters {
  const out: AuditFilters = {};
  if (form.action) out.action = form.action;
  if (form.actor) out.actor = form.actor;
  if (form.number) out.number = form.number;
  if (form.from) out.from = new Date(`${form.from}T00:00:00`).toISOString();
  if (form.to) out.to = new Date(`${form.to}T23:59:59.999`).toISOString();
  return out;
}

const HIDDEN = new Set(['reason', 'messageId', 'number']);

/** The entry's data worth showing: the reason apart, then plain key = value pairs. */
export function auditDetails(entry: AuditEntry): { reason: string | null; pairs: Array<[string, string]> } {
  const reason = typeof entry.data.reason === 'string' ? entry.data.reason : null;
  const pairs: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(entry.data)) {
    if (HIDDEN.has(key) || value === null || value === undefined) continue;
    // Bare record ids tell a reader nothing; names and numbers are shown instead.
    if (typeof value === 'string' && UUID.test(value)) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') pairs.push([key, String(value)]);
  }
  return { reason, pairs };
}

/** The request number an entry is about, when its data says so. */
export function auditNumber(entry: AuditEntry): string | null {
  return entry.entityType === 'ticket' && typeof entry.data.number === 'string' ? entry.data.number : null;
}
