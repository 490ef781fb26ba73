import type { ApiIssue } from '../../common/errors';

const REQUEST_PARTS = new Set(['body', 'query', 'querystring', 'params', 'headers']);

/**
 * The field problems of an error answer (`error.details.issues`) by field key — the path after its
 * request part, dotted — the way the web's forms read them (web/api/client.ts): the first issue of
 * each field.
 */
export function fieldProblems(body: unknown): Partial<Record<string, ApiIssue>> {
  const issues = (body as { error?: { details?: { issues?: ApiIssue[] } } })?.error?.details?.issues ?? [];
  const out: Partial<Record<string, ApiIssue>> = {};
  for (const issue of issues) {
    const key = (REQUEST_PARTS.has(issue.path[0] ?? '') ? issue.path.slice(1) : issue.path).join('.');
    out[key] ??= issue;
  }
  return out;
}
