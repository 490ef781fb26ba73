import { useCallback, useState } from 'react';
import { fetchKbProposals, reviewKbProposal } from '../../api/kbConsole';
import { useI18n } from '../../i18n/I18nProvider';
import { Alert } from '../../ui/Alert';
import { describeError } from '../../ui/errorMessage';
import { useApiQuery } from '../../api/query';

/**
 * Customers' questions proposed as phrasings of this variant (from the consultant's unanswered
 * list): accept one and it joins the phrasings as a new revision; reject it and it is gone.
 */
export function KbProposals({
  articleId,
  canReview,
  onAccepted,
}: {
  articleId: string;
  canReview: boolean;
  onAccepted: () => void;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback((signal: AbortSignal) => fetchKbProposals(articleId, signal), [articleId]);
  const { loaded, reload } = useApiQuery('console.kb.KbProposals', articleId, load);
  if (loaded.status !== 'ready' || loaded.data.items.length === 0) return null;

  const review = async (id: string, decision: 'accept' | 'reject') => {
    setBusy(true);
    setError(null);
    try {
      await reviewKbProposal(id, decision);
      reload();
      if (decision === 'accept') onAccepted();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="kb-proposals" aria-labelledby="kb-proposals-title">
      <h2 id="kb-proposals-title" className="help-h2">
        {t('kb.proposals.title')}
      </h2>
      <p className="help-muted">{t('kb.proposals.lead')}</p>
      {error !== null && <Alert tone="error">{describeError(error, t)}</Alert>}
      <ul className="kb-proposals__list">
        {loaded.data.items.map((p) => (
          <li key={p.id} className="kb-proposals__item">
            <span className="kb-proposals__text">«{p.text}»</span>{' '}
            <span className="help-muted">{t('kb.proposals.asked', { n: String(p.asked) })}</span>
            {canReview && (
              <span className="kb-proposals__actions">
                <button
                  type="button"
                  className="button button--small"
                  disabled={busy}
                  onClick={() => void review(p.id, 'accept')}
                >
                  {t('kb.proposals.accept')}
                </button>{' '}
                <button
                  type="button"
                  className="button button--ghost button--small"
                  disabled={busy}
                  onClick={() => void review(p.id, 'reject')}
                >
                  {t('kb.proposals.reject')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
