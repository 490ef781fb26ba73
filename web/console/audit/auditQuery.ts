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

/** The reason the person gave, shown apart from the sentence. */
export function auditReason(entry: AuditEntry): string | null {
  return typeof entry.data.reason === 'string' && entry.data.reason ? entry.data.reason : null;
}

/** The request number an entry is about, when its data says so. */
export function auditNumber(entry: AuditEntry): string | null {
  if (entry.entityType !== 'ticket') return null;
  return entry.number ?? (typeof entry.data.number === 'string' ? entry.data.number : null);
}
