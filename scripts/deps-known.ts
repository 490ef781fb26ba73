/**
 * Dependency rule violations that exist today and have an owner who removes them. Each entry
 * names the issue that does. `npm run check:deps` passes these and fails on anything else; it
 * reports an entry that no longer happens, so the list only shrinks.
 */
export type KnownViolation = {
  rule:
    | 'module-through-public-entry'
    | 'core-through-module-entries'
    | 'no-module-cycle'
    | 'no-circular'
    | 'platform-not-modules'
    | 'web-not-server';
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

export const KNOWN_VIOLATIONS: readonly KnownViolation[] = [
  // The module cycle tickets ↔ mail went when mail intake became the inbox module (inbox → tickets
  // → mail). Add an entry only with an owner and the issue that removes it.
];
