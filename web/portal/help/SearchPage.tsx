import { useCallback } from 'react';
import { fetchKbSections, searchKb, type HelpAudience, type KbHit, type KbSectionNode } from '../../api/kb';
import { useI18n } from '../../i18n/I18nProvider';
import { Link, useSearchParam } from '../../router';
import { Alert } from '../../ui/Alert';
import { describeError } from '../../ui/errorMessage';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useApiQuery } from '../../api/query';
import { contactBase } from '../contact/catalogPath';
import { contentLang, InLanguageMark } from './ContentLanguage';
import { articleHref } from './helpPaths';
import { SearchBox } from './SearchBox';
import { parseSnippet } from './snippet';

/** The hits grouped by section, groups in the order of their best hit. */
export function groupBySection(
  hits: KbHit[],
  sections: KbSectionNode[],
): Array<{ slug: string; name: KbSectionNode['name'] | null; hits: KbHit[] }> {
  const names = new Map<string, KbSectionNode['name']>();
  const walk = (nodes: KbSectionNode[]) => nodes.forEach((n) => (names.set(n.slug, n.name), walk(n.children)));
  walk(sections);
  const groups = new Map<string, KbHit[]>();
  for (const hit of hits) groups.set(hit.section, [...(groups.get(hit.section) ?? []), hit]);
  return [...groups].map(([slug, list]) => ({ slug, name: names.get(slug) ?? null, hits: list }));
}

/** Search results: how many, grouped by section, titles with the highlighted passage (a Russian variant marked «in Russian»); none → a way to write to us. */
export function SearchPage({ base, audience }: { base: string; audience: HelpAudience }) {
  const { t, locale } = useI18n();
  const q = (useSearchParam('q') ?? '').trim();
  useDocumentTitle(q ? `${t('help.search.for', { q })} — ${t('help.title')}` : t('help.search.title'));
  const load = useCallback(
    async (signal: AbortSignal) => {
      const [found, sections] = await Promise.all([
        searchKb(q, locale, 20, signal, audience),
        fetchKbSections(locale, audience, signal),
      ]);
      return { ...found, groups: groupBySection(found.items, sections) };
    },
    [q, locale, audience],
  );
  const { loaded, reload } = useApiQuery('portal.help.SearchPage', q.length >= 2 ? `${q}:${locale}:${audience}` : null, load);

  return (
    <div className="container page help-page">
      <p className="page__eyebrow">
        <Link href={base}>{audience === 'agent' ? t('help.agentsTitle') : t('help.title')}</Link>
      </p>
      <h1 className="page__title">{t('help.search.title')}</h1>
      <SearchBox key={q} base={base} initial={q} />
      {q.length < 2 && <p className="help-muted">{t('help.search.prompt')}</p>}
      {q.length >= 2 && loaded.status === 'loading' && <p className="help-muted">{t('app.loading')}</p>}
      {loaded.status === 'error' && q.length >= 2 && (
        <>
          <Alert tone="error">{describeError(loaded.error, t)}</Alert>
          <button type="button" className="button button--ghost" onClick={reload}>
            {t('portal.common.retry')}
          </button>
        </>
      )}
      {loaded.status === 'ready' && q.length >= 2 && (
        <>
          <p className="help-muted" data-testid="help-results-count">
            {t('help.search.count', { q, count: loaded.data.total })}
          </p>
          {loaded.data.total === 0 ? (
            <div className="help-contact">
              <p>{t('help.search.empty', { q })}</p>
              <Link href={contactBase(audience)} className="button button--primary">
                {t('help.contact.button')}
              </Link>
            </div>
          ) : (
            <div data-testid="help-results">
              {loaded.data.groups.map((group) => (
                <section key={group.slug} className="help-results__group" aria-label={group.name?.[locale] ?? group.slug}>
                  {group.name && <h2 className="help-results__section">{group.name[locale] || group.name.ru}</h2>}
                  <ul className="help-articles">
                    {group.hits.map((hit) => (
                      <li key={hit.slug} className="help-articles__item" {...contentLang(hit.locale, locale)}>
                        <Link href={articleHref(base, hit.slug)} className="help-articles__title" lang={hit.locale}>
                          {hit.title}
                        </Link>{' '}
                        <InLanguageMark locale={hit.locale} />
                        <p className="help-articles__summary" lang={hit.locale}>
                          {parseSnippet(hit.snippet).map((part, i) =>
                            part.mark ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
                          )}
                        </p>
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
          )}
        </>
      )}
    </div>
  );
}
