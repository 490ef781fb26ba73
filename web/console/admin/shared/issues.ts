import { ApiError } from '../../../api/client';

/** One complaint of a VALIDATION_FAILED answer: where (the path), the server's text and its stable code. */
export type Issue = { path: string[]; message: string; code?: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `details.issues` of an API error (empty for anything else). */
export function issuesOf(error: unknown): Issue[] {
  if (!(error instanceof ApiError)) return [];
  const raw = error.details.issues;
  if (!Array.isArray(raw)) return [];
  const out: Issue[] = [];
  for (const item of raw as unknown[]) {
    if (!isRecord(item) || typeof item.message !== 'string') continue;
    const path = Array.isArray(item.path) ? (item.path as unknown[]).map(String) : [];
    out.push({ path, message: item.message, ...(typeof item.code === 'string' ? { code: item.code } : {}) });
  }
  return out;
}

/** A path for people: `body.definition.weekly.mon.0` without the `body` / `params` prefix. */
export function issuePath(issue: Issue): string {
  const parts = issue.path[0] === 'body' || issue.path[0] === 'params' ? issue.path.slice(1) : issue.path;
  return parts.join('.');
}

/** The issues whose path (after `body`) starts with `prefix`, e.g. ['definition', 'weekly', 'mon']. */
export function issuesUnder(issues: readonly Issue[], prefix: readonly string[]): Issue[] {
  return issues.filter((issue) => {
    const parts = issue.path[0] === 'body' ? issue.path.slice(1) : issue.path;
    return prefix.every((p, i) => parts[i] === p);
  });
}

/** The messages under a path, e.g. ['hotlines', 0, 'tel']. */
export function messagesUnder(issues: readonly Issue[], path: readonly (string | number)[]): string[] {
  return issuesUnder(issues, path.map(String)).map((i) => i.message);
}

/** The messages under a translated value's path, per language (what L10nInputs shows beside each). */
export function messagesPerLocale(
  issues: readonly Issue[],
  path: readonly (string | number)[],
): Record<'ru' | 'uk' | 'en', string[]> {
  return {
    ru: messagesUnder(issues, [...path, 'ru']),
    uk: messagesUnder(issues, [...path, 'uk']),
    en: messagesUnder(issues, [...path, 'en']),
  };
}

/** `details.reason` of a CONFLICT (e.g. `slug_taken`, `code_taken`), if any. */
export function conflictReason(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'CONFLICT') return null;
  const reason = error.details.reason;
  return typeof reason === 'string' ? reason : null;
}
