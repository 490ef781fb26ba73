import { useCallback } from 'react';
import { searchKb, type HelpAudience } from '../../api/kb';
import { useI18n } from '../../i18n/I18nProvider';
import { Link, useSearchParam } from '../../router';
import { Alert } from '../../ui/Alert';
import { describeError } from '../../ui/errorMessage';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useLoader } from '../../ui/useLoader';
import { contactBase } from '../contact/catalogPath';
import { articleHref } from './helpPaths';
import { SearchBox } from './SearchBox';
import { parseSnippet } from './snippet';

/** Search results: titles with the highlighted passage; none → a way to write to us. */
export function SearchPage({ base, audience }: { base: string; audience: HelpAudience }) {
  const { t, locale } = useI18n();
  const q = (useSearchParam('q') ?? '').trim();
  useDocumentTitle(q ? `${t('help.search.for', { q })} — ${t('help.title')}` : t('help.search.title'));
  const load = useCallback((signal: AbortSignal) => searchKb(q, locale, 20, signal), [q, locale]);
  const { loaded, reload } = useLoader(q.length >= 2 ? `${q}:${locale}` : null, load);

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
          <p className="help-muted">{t('help.search.for', { q })}</p>
          {loaded.data.length === 0 ? (
            <div className="help-contact">
              <p>{t('help.search.empty', { q })}</p>
              <Link href={contactBase(audience)} className="button button--primary">
                {t('help.contact.button')}
              </Link>
            </div>
          ) : (
            <ul className="help-articles" data-testid="help-results">
              {loaded.data.map((hit) => (
                <li key={hit.slug} className="help-articles__item">
                  <Link href={articleHref(base, hit.slug)} className="help-articles__title">
                    {hit.title}
                  </Link>
                  <p className="help-articles__summary">
                    {parseSnippet(hit.snippet).map((part, i) =>
                      part.mark ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
                    )}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
