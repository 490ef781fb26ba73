import { ApiError } from '../api/client';
import { useT } from '../i18n/I18nProvider';
import { Alert } from '../ui/Alert';
import { describeError } from '../ui/errorMessage';

/**
 * A failed load: "no access" for 403, "not found" for 404 (a request outside this person's
 * departments is also 404), otherwise the error's message with a retry button.
 */
export function ApiProblem({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const status = error instanceof ApiError ? error.status : 0;
  if (status === 403 || status === 404) {
    return (
      <div className="problem" role="alert">
        <p className="problem__title">
          {status === 403 ? t('console.problem.forbiddenTitle') : t('console.problem.notFoundTitle')}
        </p>
        <p className="problem__text">{status === 403 ? t('console.problem.forbiddenText') : t('console.problem.notFoundText')}</p>
      </div>
    );
  }
  return (
    <div className="problem">
      <Alert tone="error">{describeError(error, t)}</Alert>
      {onRetry && (
        <button type="button" className="button button--ghost button--small" onClick={onRetry}>
          {t('console.retry')}
        </button>
      )}
    </div>
  );
}
