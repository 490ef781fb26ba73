import { useCallback } from 'react';
import type { Locale } from '../../../common/errors';
import { fetchKbRevisions, type KbDetail, type KbDiff, type KbDiffLine } from '../../api/kbConsole';
import { useT } from '../../i18n/I18nProvider';
import { Alert } from '../../ui/Alert';
import { describeError } from '../../ui/errorMessage';
import { formatShortDateTime } from '../../ui/format';
import { useApiQuery } from '../../api/query';

function DiffBlock({ label, lines }: { label: string; lines: KbDiffLine[] }) {
  if (!lines.some((l) => l.op !== 'same')) return null;
  return (
    <>
      <h4>{label}</h4>
      <div className="kb-diff">
        {lines.map((line, i) => (
          <span key={i} className={`kb-diff__${line.op}`}>
            {line.op === 'add' ? '+ ' : line.op === 'del' ? '− ' : '  '}
            {line.text}
          </span>
        ))}
      </div>
    </>
  );
}

type Props = {
  article: KbDetail;
  canRevert: boolean;
  diff: KbDiff | null;
  onDiff: (n: number) => void;
  onRevert: (n: number) => void;
  locale: Locale;
};

/** The variant's revisions, newest first: who, when, what (diff against the previous), revert. */
export function KbRevisions({ article, canRevert, diff, onDiff, onRevert, locale }: Props) {
  const t = useT();
  const load = useCallback((signal: AbortSignal) => fetchKbRevisions(article.id, signal), [article.id]);
  const { loaded } = useApiQuery('console.kb.KbRevisions', `${article.id}:${article.revision}`, load);
  return (
    <section aria-labelledby="kb-revisions-title">
      <h2 id="kb-revisions-title" className="help-h2">
        {t('kb.revisions')}
      </h2>
      {loaded.status === 'error' && <Alert tone="error">{describeError(loaded.error, t)}</Alert>}
      {loaded.status === 'ready' && (
        <ul className="kb-revisions">
          {loaded.data.map((r) => (
            <li key={r.number}>
              <strong>{t('kb.revision', { n: r.number })}</strong>
              <span>
                {r.action === 'revert' ? t('kb.revision.revert', { n: r.revertedFrom ?? 0 }) : t(`kb.revision.${r.action}`)}
              </span>
              <span className="help-muted">
                {r.author?.name ?? t('kb.revision.system')} · {formatShortDateTime(r.createdAt, locale)}
              </span>
              {r.note && <em>{r.note}</em>}
              <button type="button" className="button button--ghost button--small" onClick={() => onDiff(r.number)}>
                {t('kb.revision.showDiff')}
              </button>
              {canRevert && r.number !== article.revision && (
                <button type="button" className="button button--ghost button--small" onClick={() => onRevert(r.number)}>
                  {t('kb.revision.restore')}
                </button>
              )}
              {diff?.to === r.number && (
                <div style={{ flexBasis: '100%' }} data-testid="kb-diff">
                  <h3>{t('kb.diff.title', { n: r.number })}</h3>
                  <DiffBlock label={t('kb.diff.field.title')} lines={diff.title} />
                  <DiffBlock label={t('kb.diff.field.summary')} lines={diff.summary} />
                  <DiffBlock label={t('kb.diff.field.body')} lines={diff.body} />
                  <DiffBlock label={t('kb.diff.field.tags')} lines={diff.tags} />
                  {[diff.title, diff.summary, diff.body, diff.tags].every((ls) => ls.every((l) => l.op === 'same')) && (
                    <p className="help-muted">{t('kb.diff.none')}</p>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
