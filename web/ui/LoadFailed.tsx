import { useT } from '../i18n/I18nProvider';
import { Alert } from './Alert';
import { describeError } from './errorMessage';

/** What a page shows when its data did not load: the reason, in the reader's language, and a retry. */
export function LoadFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  return (
    <>
      <Alert tone="error">{describeError(error, t)}</Alert>
      <button type="button" className="button" onClick={onRetry}>
        {t('contacts.retry')}
      </button>
    </>
  );
}
