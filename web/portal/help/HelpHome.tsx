import { useCallback } from 'react';
import { fetchKbPopular, fetchKbSections, type HelpAudience } from '../../api/kb';
import { useI18n } from '../../i18n/I18nProvider';
import { useLocalize } from '../../i18n/useLocalize';
import { Link } from '../../router';
import { Alert } from '../../ui/Alert';
import { describeError } from '../../ui/errorMessage';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useApiQuery } from '../../api/query';
import { contentLang, OnlyInMark } from './ContentLanguage';
import { articleHref, sectionHref } from './helpPaths';
import { SearchBox } from './SearchBox';

/** The help centre's home: the search box first, then the sections and the popular questions. */
export function HelpHome({ base, audience }: { base: string; audience: HelpAudience }) {
  const { t, locale } = useI18n();
  const l = useLocalize();
  const title = audience === 'agent' ? t('help.agentsTitle') : t('help.title');
  useDocumentTitle(title);
  const key = `${locale}:${audience}`;
  const loadSections = useCallback((signal: AbortSignal) => fetchKbSections(locale, audience, signal), [locale, audience]);
  const loadPopular = useCallback((signal: AbortSignal) => fetchKbPopular(locale, audience, signal), [locale, audience]);
  const sections = useApiQuery('portal.help.HelpHome#1', key, loadSections);
  const popular = useApiQuery('portal.help.HelpHome#2', key, loadPopular);

  return (
    <>
      <section className="hero help-hero">
        <div className="container">
          <h1 className="hero__title">{title}</h1>
          <p className="hero__lead">{t('help.lead')}</p>
          <SearchBox base={base} autoFocus />
          <p className="help-hero__check">
            <Link href={audience === 'agent' ? '/agents/payments/check' : '/payments/check'} className="help-hero__check-link">
              {t('payments.helpLink')}
            </Link>
          </p>
        </div>
      </section>
      <div className="container help-home">
        <section aria-labelledby="help-sections-title" className="help-home__sections">
          <h2 id="help-sections-title" className="home__title">
            {t('help.sections')}
          </h2>
          {sections.loaded.status === 'loading' && <p className="help-muted">{t('app.loading')}</p>}
          {sections.loaded.status === 'error' && (
            <>
              <Alert tone="error">{describeError(sections.loaded.error, t)}</Alert>
              <button type="button" className="button button--ghost" onClick={sections.reload}>
                {t('portal.common.retry')}
              </button>
            </>
          )}
          {sections.loaded.status === 'ready' && (
            <ul className="help-sections">
              {sections.loaded.data.map((s) => (
                <li key={s.slug} className="help-section-card">
                  <h3 className="help-section-card__title">
                    <Link href={sectionHref(base, s.slug)}>{l(s.name)}</Link>
                  </h3>
                  {/* A section without subsections says what it holds instead of being an empty card. */}
                  {s.children.length === 0 && (
                    <p className="help-section-card__count">{t('help.articlesCount', { n: s.articleCount })}</p>
                  )}
                  {s.children.length > 0 && (
                    <ul className="help-section-card__children">
                      {s.children.map((c) => (
                        <li key={c.slug}>
                          <Link href={sectionHref(base, c.slug)}>{l(c.name)}</Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="help-popular-title" className="help-home__popular">
          <h2 id="help-popular-title" className="home__title">
            {t('help.popular')}
          </h2>
          {popular.loaded.status === 'ready' &&
            (popular.loaded.data.length === 0 ? (
              <p className="help-muted">{t('help.popularEmpty')}</p>
            ) : (
              <ol className="help-popular">
                {popular.loaded.data.map((a) => (
                  // An article not yet translated shows in its own language, marked as such.
                  <li key={a.slug} {...contentLang(a.locale, locale)}>
                    <Link href={articleHref(base, a.slug)} className="help-popular__link" lang={a.locale}>
                      {a.title}
                    </Link>{' '}
                    <OnlyInMark locale={a.locale} />
                  </li>
                ))}
              </ol>
            ))}
          {popular.loaded.status === 'error' && <Alert tone="error">{describeError(popular.loaded.error, t)}</Alert>}
        </section>
      </div>
    </>
  );
}
