import { useCallback } from 'react';
import { ApiError } from '../../api/client';
import { fetchKbArticle, type HelpAudience } from '../../api/kb';
import { useI18n } from '../../i18n/I18nProvider';
import { useLocalize } from '../../i18n/useLocalize';
import { Link } from '../../router';
import { Alert } from '../../ui/Alert';
import { describeError } from '../../ui/errorMessage';
import { localeTag } from '../../ui/format';
import { Markdown } from '../../ui/Markdown';
import { PageLoading } from '../../ui/PageLoading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useApiQuery } from '../../api/query';
import { contactBase } from '../contact/catalogPath';
import { ArticleList } from './ArticleList';
import { contentLang, OnlyInMark } from './ContentLanguage';
import { HelpTrail } from './HelpTrail';
import { SearchBox } from './SearchBox';
import { VoteBox } from './VoteBox';

/** An article: the short answer first, then the steps, the vote, related articles and where to write. */
export function ArticlePage({ slug, base, audience }: { slug: string; base: string; audience: HelpAudience }) {
  const { t, locale } = useI18n();
  const l = useLocalize();
  const load = useCallback((signal: AbortSignal) => fetchKbArticle(slug, locale, audience, signal), [slug, locale, audience]);
  const { loaded, reload } = useApiQuery('portal.help.ArticlePage', `${slug}:${locale}:${audience}`, load);
  const root = audience === 'agent' ? t('help.agentsTitle') : t('help.title');
  useDocumentTitle(loaded.status === 'ready' ? `${loaded.data.title} — ${root}` : root);

  if (loaded.status === 'loading') return <PageLoading />;
  if (loaded.status === 'error') {
    const missing = loaded.error instanceof ApiError && loaded.error.status === 404;
    return (
      <div className="container page help-page">
        <h1 className="page__title">{missing ? t('help.notFound.title') : root}</h1>
        {missing ? (
          <p className="page__lead">{t('help.notFound.text')}</p>
        ) : (
          <Alert tone="error">{describeError(loaded.error, t)}</Alert>
        )}
        <SearchBox base={base} />
        {!missing && (
          <button type="button" className="button button--ghost" onClick={reload}>
            {t('portal.common.retry')}
          </button>
        )}
      </div>
    );
  }

  const article = loaded.data;
  const contactHref = article.contact
    ? `${contactBase(article.contact.audience)}/${article.contact.path.map(encodeURIComponent).join('/')}`
    : contactBase(audience);
  const updated = new Intl.DateTimeFormat(localeTag(locale), { dateStyle: 'long' }).format(new Date(article.updatedAt));

  return (
    <div className="container page help-page help-article-page" {...contentLang(article.locale, locale)}>
      <HelpTrail base={base} rootLabel={root} trail={article.trail} linkLast />
      {/* Said in the reader's language, outside the article in its own. */}
      {article.fallback && (
        <Alert tone="info">
          <OnlyInMark locale={article.locale} /> {t('help.article.fallback')}
        </Alert>
      )}
      {/* The article's own language on its text only; the labels around it are the reader's. */}
      <article className="help-article">
        <h1 className="page__title help-article__title" lang={article.locale}>
          {article.title}
        </h1>
        <div className="help-article__short">
          <p className="help-article__short-label">{t('help.article.short')}</p>
          <p className="help-article__summary" lang={article.locale}>
            {article.summary}
          </p>
        </div>
        <div lang={article.locale}>
          <Markdown source={article.body} className="help-article__body" />
        </div>
        <p className="help-muted help-article__updated">{t('help.article.updated', { date: updated })}</p>
      </article>

      <VoteBox slug={article.slug} locale={article.locale} audience={audience} initial={article.myVote} />

      <section className="help-contact" aria-labelledby="help-contact-title">
        <h2 id="help-contact-title" className="help-h2">
          {t('help.contact.title')}
        </h2>
        <p>{article.contact ? t('help.contact.text', { topic: l(article.contact.name) }) : t('help.contact.generic')}</p>
        <Link href={contactHref} className="button button--primary" data-testid="help-contact-link">
          {t('help.contact.button')}
        </Link>
      </section>

      {article.related.length > 0 && (
        <section aria-labelledby="help-related-title" className="help-related">
          <h2 id="help-related-title" className="help-h2">
            {t('help.article.related')}
          </h2>
          <ArticleList base={base} articles={article.related} />
        </section>
      )}
    </div>
  );
}
