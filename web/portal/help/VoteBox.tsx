import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Locale } from '../../../common/errors';
import { voteKbArticle, type HelpAudience, type KbVote } from '../../api/kb';
import { useT } from '../../i18n/I18nProvider';
import { Alert } from '../../ui/Alert';
import { describeError } from '../../ui/errorMessage';
import { TextArea } from '../../ui/fields';

type Props = { slug: string; locale: Locale; audience: HelpAudience; initial: KbVote | null };
type Stage = 'ask' | 'thanks' | 'comment' | 'sent';

/** "Was this article helpful?": yes → thanks; no → an optional comment for the authors. Changeable. */
export function VoteBox({ slug, locale, audience, initial }: Props) {
  const t = useT();
  const [stage, setStage] = useState<Stage>(initial ? (initial.helpful ? 'thanks' : 'sent') : 'ask');
  const [comment, setComment] = useState(initial?.comment ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const send = async (helpful: boolean, text?: string) => {
    setBusy(true);
    setError(null);
    try {
      await voteKbArticle(slug, { locale, audience, helpful, ...(text ? { comment: text } : {}) });
      setStage(helpful ? 'thanks' : text ? 'sent' : 'comment');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const submitComment = (event: FormEvent) => {
    event.preventDefault();
    void send(false, comment.trim());
  };

  return (
    <section className="help-vote" aria-labelledby="help-vote-title" data-testid="help-vote">
      {stage === 'ask' && (
        <>
          <h2 id="help-vote-title" className="help-vote__title">
            {t('help.vote.question')}
          </h2>
          <div className="help-vote__buttons">
            <button type="button" className="button button--ghost" disabled={busy} onClick={() => void send(true)}>
              {t('help.vote.yes')}
            </button>
            <button type="button" className="button button--ghost" disabled={busy} onClick={() => void send(false)}>
              {t('help.vote.no')}
            </button>
          </div>
        </>
      )}
      {stage === 'thanks' && (
        <p id="help-vote-title" className="help-vote__thanks" role="status">
          {t('help.vote.thanks')}
        </p>
      )}
      {stage === 'comment' && (
        <form className="help-vote__form" onSubmit={submitComment}>
          <p id="help-vote-title" className="help-vote__thanks" role="status">
            {t('help.vote.sorry')}
          </p>
          <TextArea
            id="help-vote-comment"
            inputClassName="help-vote__comment"
            label={t('help.vote.commentLabel')}
            hint={t('help.vote.commentHint')}
            rows={3}
            maxLength={1000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <button type="submit" className="button button--primary button--small" disabled={busy || comment.trim() === ''}>
            {t('help.vote.send')}
          </button>
        </form>
      )}
      {stage === 'sent' && (
        <p id="help-vote-title" className="help-vote__thanks" role="status">
          {t('help.vote.sent')}
        </p>
      )}
      {(stage === 'thanks' || stage === 'sent') && (
        <button type="button" className="help-vote__change" onClick={() => setStage('ask')}>
          {t('help.vote.change')}
        </button>
      )}
      {error !== null && <Alert tone="error">{describeError(error, t)}</Alert>}
    </section>
  );
}
