import { useCallback } from 'react';
import { ApiError } from '../../api/client';
import { fetchKbSection, type HelpAudience } from '../../api/kb';
import { useI18n } from '../../i18n/I18nProvider';
import { useLocalize } from '../../i18n/useLocalize';
import { Link } from '../../router';
import { Alert } from '../../ui/Alert';
import { describeError } from '../../ui/errorMessage';
import { PageLoading } from '../../ui/PageLoading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useApiQuery } from '../../api/query';
import { NotFoundPage } from '../NotFoundPage';
import { ArticleList } from './ArticleList';
import { HelpTrail } from './HelpTrail';
import { sectionHref } from './helpPaths';
import { SearchBox } from './SearchBox';

export function SectionPage({ slug, base, audience }: { slug: string; base: string; audience: HelpAudience }) {
  const { t, locale } = useI18n();
  const l = useLocalize();
  const load = useCallback((signal: AbortSignal) => fetchKbSection(slug, locale, audience, signal), [slug, locale, audience]);
  const { loaded, reload } = useApiQuery('portal.help.SectionPage', `${slug}:${locale}:${audience}`, load);
  const root = audience === 'agent' ? t('help.agentsTitle') : t('help.title');
  useDocumentTitle(loaded.status === 'ready' ? `${l(loaded.data.name)} — ${root}` : root);

  if (loaded.status === 'loading') return <PageLoading />;
  if (loaded.status === 'error') {
    if (loaded.error instanceof ApiError && loaded.error.status === 404) return <NotFoundPage />;
    return (
      <div className="container page">
        <h1 className="page__title">{root}</h1>
        <Alert tone="error">{describeError(loaded.error, t)}</Alert>
        <button type="button" className="button button--ghost" onClick={reload}>
          {t('portal.common.retry')}
        </button>
      </div>
    );
  }
  const section = loaded.data;
  return (
    <div className="container page help-page">
      <HelpTrail base={base} rootLabel={root} trail={section.trail} linkLast={false} />
      <h1 className="page__title">{l(section.name)}</h1>
      <SearchBox base={base} />
      {section.children.length > 0 && (
        <section aria-labelledby="help-subsections">
          <h2 id="help-subsections" className="help-h2">
            {t('help.section.subsections')}
          </h2>
          <ul className="help-subsections">
            {section.children.map((c) => (
              <li key={c.slug}>
                <Link href={sectionHref(base, c.slug)} className="help-subsections__link">
                  {l(c.name)}
                </Link>
                <span className="help-muted"> · {t('help.articlesCount', { n: c.articleCount })}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {section.articles.length > 0 ? (
        <section aria-labelledby="help-section-articles">
          <h2 id="help-section-articles" className="help-h2">
            {t('help.section.articles')}
          </h2>
          <ArticleList base={base} articles={section.articles} />
        </section>
      ) : (
        section.children.length === 0 && <p className="help-muted">{t('help.section.empty')}</p>
      )}
    </div>
  );
}
