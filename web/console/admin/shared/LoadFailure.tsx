import { useT } from '../../../i18n/I18nProvider';
import { Alert } from '../../../ui/Alert';
import { describeError } from '../../../ui/errorMessage';

/** What an admin tab shows when its data did not load: the error and a retry button. */
export function LoadFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  return (
    <div className="admin-panel">
      <Alert tone="error">{describeError(error, t)}</Alert>
      <button type="button" className="button button--ghost button--small" onClick={onRetry}>
        {t('admin.retry')}
      </button>
    </div>
  );
}
