import { useState } from 'react';
import { recordDeflection } from '../../api/requests';
import type { LeafForm } from '../../api/requests';
import { useI18n } from '../../i18n/I18nProvider';
import { Alert } from '../../ui/Alert';
import { describeError } from '../../ui/errorMessage';
import { TextField } from '../../ui/fields';
import { ArticleCard } from './ArticleCard';
import { useArticleSearch } from './useArticleSearch';

type Props = {
  leaf: LeafForm;
  subject: string;
  onSubjectChange: (subject: string) => void;
  onDeflected: () => void;
  onContinue: () => void;
};

/** The search snippet as plain text: it is HTML-escaped with <mark> around matched words. */
const stripTags = (s: string) =>
  s
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** "Maybe the answer is already here": the leaf's articles, a search as you type, and the way on. */
export function OfferStep({ leaf, subject, onSubjectChange, onDeflected, onContinue }: Props) {
  const { t, locale } = useI18n();
  const { hits, searching } = useArticleSearch(subject, locale);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const linked = new Set(leaf.articles.map((a) => a.slug));
  const more = hits.filter((h) => !linked.has(h.slug));

  const helped = (articleSlug: string) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    const query = subject.trim();
    recordDeflection(leaf.categoryId, { articleSlug, ...(query ? { query } : {}) }).then(
      () => onDeflected(),
      (error: unknown) => {
        setBusy(false);
        setFailure(error);
      },
    );
  };

  return (
    <section className="offer" aria-labelledby="offer-title">
      <header className="page__head">
        <h1 id="offer-title" className="page__title">
          {t('portal.offer.title')}
        </h1>
        <p className="page__lead">{t('portal.offer.lead')}</p>
      </header>
      {failure !== null && <Alert tone="error">{describeError(failure, t)}</Alert>}

      {leaf.articles.length > 0 && (
        <ul className="article-list">
          {leaf.articles.map((a) => (
            <ArticleCard
              key={a.slug}
              slug={a.slug}
              title={a.title}
              summary={a.summary}
              locale={a.locale}
              onHelped={helped}
              busy={busy}
            />
          ))}
        </ul>
      )}

      <div className="offer__search">
        <TextField
          label={t('portal.offer.subject')}
          hint={t('portal.offer.subjectHint')}
          name="subject"
          value={subject}
          maxLength={200}
          autoComplete="off"
          onChange={(e) => onSubjectChange(e.target.value)}
        />
        <div aria-live="polite" className="offer__results">
          {searching && <p className="offer__searching">{t('portal.offer.searching')}</p>}
          {!searching && more.length > 0 && (
            <>
              <h2 className="offer__subtitle">{t('portal.offer.moreTitle')}</h2>
              <ul className="article-list">
                {more.map((h) => (
                  <ArticleCard
                    key={h.slug}
                    slug={h.slug}
                    title={h.title}
                    summary={stripTags(h.snippet)}
                    onHelped={helped}
                    busy={busy}
                  />
                ))}
              </ul>
            </>
          )}
        </div>
      </div>

      {leaf.articles.length === 0 && more.length === 0 && !searching && <p className="offer__none">{t('portal.offer.none')}</p>}

      <div className="offer__continue">
        <p>{t('portal.offer.notHelped')}</p>
        <button type="button" className="button button--primary" onClick={onContinue}>
          {t('portal.offer.write')}
        </button>
      </div>
    </section>
  );
}
