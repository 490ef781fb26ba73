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

/** The help centre's seed hooks: kb/index.ts does not export them yet (kb is being reworked for issue 16). */
const kbSeed = (to: string): KnownViolation => ({
  rule: 'core-through-module-entries',
  from: 'server/seed/reference.ts',
  to: `${M}/kb/${to}`,
  removedBy: 'issue 12: kb/index.ts exports indexMissing and seedSynonyms (after issue 16 settles the kb files)',
});

export const KNOWN_VIOLATIONS: readonly KnownViolation[] = [
  // The module cycle tickets ↔ mail went when mail intake became the inbox module (inbox → tickets
  // → mail). Add an entry only with an owner and the issue that removes it.
  kbSeed('kb.search.ts'),
  kbSeed('kb.synonyms.ts'),
];
