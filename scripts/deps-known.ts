/**
 * Dependency rule violations that exist today and have an owner who removes them. Each entry
 * names the issue that does. `npm run check:deps` passes these and fails on anything else; it
 * reports an entry that no longer happens, so the list only shrinks.
 */
export type KnownViolation = {
  rule: 'module-through-public-entry' | 'no-module-cycle' | 'no-circular' | 'platform-not-modules' | 'web-not-server';
  /** A file (file rules) or a module folder name (no-module-cycle). */
  from: string;
  to: string;
  /** The issue (and the part of it) that removes this. */
  removedBy: string;
};

const M = 'server/modules';
const through = (from: string, to: string, removedBy: string): KnownViolation => ({
  rule: 'module-through-public-entry',
  from: `${M}/${from}`,
  to: `${M}/${to}`,
  removedBy,
});

/** Issue 12, the request domain: one set of request commands that mail, the console and SLA call. */
const DOMAIN = {
  /** Console actions become calls of the tickets commands (they write the ticket tables today). */
  console: 'issue 12 (domain): console actions call the request commands instead of writing tickets',
  /** Letters become requests/messages through openRequest/appendMessage. */
  mailIn: 'issue 12 (domain): mail intake calls openRequest/appendMessage (one filing path)',
  /** The commands emit events; mail sends its letters and SLA schedules its checks from them. */
  events: 'issue 12 (domain): request commands emit events; mail and SLA react instead of being called',
  /** SLA housekeeping calls the commands (escalate) instead of writing tickets. */
  sla: 'issue 12 (domain): SLA subscribes to request events and calls the commands',
};

export const KNOWN_VIOLATIONS: readonly KnownViolation[] = [
  // The console writes the ticket tables itself and reaches into mail, SLA and tickets internals.
  through('console/console.actions.ts', 'mail/mail.service.ts', DOMAIN.console),
  through('console/console.actions.ts', 'mail/templates.ts', DOMAIN.console),
  through('console/console.actions.ts', 'sla/sla.service.ts', DOMAIN.console),
  through('console/console.actions.ts', 'staff/staff.policy.ts', DOMAIN.console),
  through('console/console.actions.ts', 'tickets/follow.service.ts', DOMAIN.console),
  through('console/console.actions.ts', 'tickets/numbers.ts', DOMAIN.console),
  through('console/console.actions.ts', 'tickets/rooms.ts', DOMAIN.console),
  // Mail intake files requests with its own copy of filing (createFromLetter) and of the follow-up flow.
  through('mail/inbound.service.ts', 'sla/sla.service.ts', DOMAIN.mailIn),
  through('mail/inbound.service.ts', 'tickets/filing.service.ts', DOMAIN.mailIn),
  through('mail/inbound.service.ts', 'tickets/follow.service.ts', DOMAIN.mailIn),
  through('mail/inbound.service.ts', 'tickets/numbers.ts', DOMAIN.mailIn),
  through('mail/inbound.service.ts', 'tickets/rooms.ts', DOMAIN.mailIn),
  // SLA writes tickets (escalations) and announces them in the request's rooms.
  through('sla/sla.service.ts', 'tickets/rooms.ts', DOMAIN.sla),
  // Filing and follow-ups call mail and SLA directly (and so close the cycles below).
  through('tickets/filing.service.ts', 'mail/mail.service.ts', DOMAIN.events),
  through('tickets/filing.service.ts', 'mail/templates.ts', DOMAIN.events),
  through('tickets/filing.service.ts', 'sla/sla.service.ts', DOMAIN.events),
  through('tickets/follow.service.ts', 'mail/mail.service.ts', DOMAIN.events),
  through('tickets/follow.service.ts', 'sla/sla.service.ts', DOMAIN.events),
  // The module cycles tickets ↔ mail and tickets ↔ sla: tickets' side of each goes with the events.
  { rule: 'no-module-cycle', from: 'tickets', to: 'mail', removedBy: DOMAIN.events },
  { rule: 'no-module-cycle', from: 'tickets', to: 'sla', removedBy: DOMAIN.events },
];
