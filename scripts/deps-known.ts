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
/** A file of one module importing another's internals (none known now; kept for the next). */
export const through = (from: string, to: string, removedBy: string): KnownViolation => ({
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
  // The request domain (tickets/commands) mails through mail's public entry, and mail intake
  // (mail/inbound.service.ts) calls the commands: a module cycle tickets ↔ mail with no file
  // cycle. It goes when mail intake is a module of its own (or the first mails react to events).
  { rule: 'no-module-cycle', from: 'tickets', to: 'mail', removedBy: DOMAIN.events },
];
