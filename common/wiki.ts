/**
 * Members' wiki levels (S4), computed like Discourse's trust levels from what the support
 * system knows about a customer. Shared by the server (gating) and the UI (explanations).
 */
export type WikiLevel = 0 | 1 | 2 | 3 | 4;

export type LevelInputs = {
  /** Whole days since the account was created. */
  accountAgeDays: number;
  /** Identity confirmed (passport checked by the company). */
  identityVerified: boolean;
  /** Revisions of the member's text that are part of a page: own edits and accepted proposals. */
  acceptedEdits: number;
  /** Moderation strikes; any caps the level at 1. */
  strikes: number;
  /** An admin's override, which wins over everything. */
  override: number | null;
};

/** The thresholds of each level above 0 (all must hold). */
export const LEVEL_RULES: ReadonlyArray<{ level: WikiLevel; minAgeDays: number; identity: boolean; minEdits: number }> = [
  { level: 1, minAgeDays: 1, identity: false, minEdits: 0 },
  { level: 2, minAgeDays: 14, identity: true, minEdits: 0 },
  { level: 3, minAgeDays: 60, identity: true, minEdits: 3 },
  { level: 4, minAgeDays: 180, identity: true, minEdits: 20 },
];

export function computeLevel(input: LevelInputs): WikiLevel {
  if (input.override !== null) return Math.max(0, Math.min(4, Math.trunc(input.override))) as WikiLevel;
  let level: WikiLevel = 0;
  for (const rule of LEVEL_RULES) {
    const ok =
      input.accountAgeDays >= rule.minAgeDays &&
      (!rule.identity || input.identityVerified) &&
      input.acceptedEdits >= rule.minEdits;
    if (!ok) break;
    level = rule.level;
  }
  if (input.strikes > 0 && level > 1) level = 1;
  return level;
}

export type DiffLine = { op: 'same' | 'add' | 'del'; text: string };

/**
 * A line diff (longest common subsequence). Pages are short; above 2,000 × 2,000 lines the
 * whole text is shown as replaced rather than spending quadratic memory.
 */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length * b.length > 4_000_000) {
    return [...a.map((text) => ({ op: 'del' as const, text })), ...b.map((text) => ({ op: 'add' as const, text }))];
  }
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ op: 'same', text: a[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      out.push({ op: 'del', text: a[i++]! });
    } else {
      out.push({ op: 'add', text: b[j++]! });
    }
  }
  while (i < n) out.push({ op: 'del', text: a[i++]! });
  while (j < m) out.push({ op: 'add', text: b[j++]! });
  return out;
}
