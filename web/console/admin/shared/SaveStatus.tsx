import { isMessageKey } from '../../../i18n/catalogues';
import { useT } from '../../../i18n/I18nProvider';
import { describeError } from '../../../ui/errorMessage';
import { conflictReason, issuePath, issuesOf } from './issues';
import type { SaveResult } from './useSave';

/**
 * The result of a save next to its button: the success text, or the catalogue's `errors.<CODE>`
 * with the paths and texts the server named (VALIDATION_FAILED) or the conflict's reason.
 */
export function SaveStatus({ result }: { result: SaveResult }) {
  const t = useT();
  if (!result) return null;
  if (result.kind === 'ok') {
    return (
      <p className="admin-status admin-status--ok" role="status">
        {result.message}
      </p>
    );
  }
  const issues = issuesOf(result.error);
  const reason = conflictReason(result.error);
  const reasonKey = reason ? `admin.conflict.${reason}` : '';
  return (
    <div className="admin-status admin-status--error" role="alert">
      <p>{describeError(result.error, t)}</p>
      {reason && <p>{isMessageKey(reasonKey) ? t(reasonKey) : reason}</p>}
      {issues.length > 0 && (
        <ul className="admin-status__issues">
          {issues.map((issue, i) => (
            <li key={i}>
              {issuePath(issue) && <code>{issuePath(issue)}</code>} {issue.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
