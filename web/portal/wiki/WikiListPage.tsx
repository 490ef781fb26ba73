import { useCallback, useState, type FormEvent } from 'react';
import { fetchWikiPages } from '../../api/help';
import { useSession } from '../../api/session';
import { useI18n } from '../../i18n/I18nProvider';
import { Link, navigate, useSearchParam } from '../../router';
import { TextField } from '../../ui/fields';
import { formatShortDateTime } from '../../ui/format';
import { LoadFailed } from '../../ui/LoadFailed';
import { Pager } from '../../ui/Pager';
import { PageLoading } from '../../ui/PageLoading';
import { useApiQuery } from '../../api/query';
import { contentLang, OnlyInMark } from '../help/ContentLanguage';

const plain = (markdown: string) =>
  markdown
    .replace(/[#*_`>[\]]|\(\/?[^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The members' wiki: search and the list of pages, newest change first. */
export function WikiListPage() {
  const { t, locale } = useI18n();
  const { session } = useSession();
  const q = useSearchParam('q') ?? '';
  const page = Math.max(1, Number(useSearchParam('page')) || 1);
  const [text, setText] = useState(q);
  const load = useCallback((signal: AbortSignal) => fetchWikiPages(q, page, { signal }), [q, page]);
  const { loaded, reload } = useApiQuery('portal.wiki.WikiListPage', `${q}:${page}`, load);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(text.trim() ? `/wiki?q=${encodeURIComponent(text.trim())}` : '/wiki');
  };
  const pages = loaded.status === 'ready' ? Math.max(1, Math.ceil(loaded.data.total / loaded.data.pageSize)) : 1;
  const qs = (p: number) => `/wiki?${q ? `q=${encodeURIComponent(q)}&` : ''}page=${p}`;
  return (
    <div className="container page wiki">
      <header className="page__head page__head--row">
        <div>
          <h1 className="page__title">{t('wiki.title')}</h1>
          <p className="page__lead">{t('wiki.lead')}</p>
        </div>
        {session.status === 'signed-in' && session.me.kind === 'customer' && (
          <Link href="/wiki/mine" className="button button--ghost button--small">
            {t('wiki.mine.title')}
          </Link>
        )}
      </header>
      <form className="wiki-search" role="search" onSubmit={submit}>
        <TextField
          look="bare"
          inputClassName="field__input"
          id="wiki-q"
          label={t('wiki.search')}
          type="search"
          value={text}
          maxLength={200}
          placeholder={t('wiki.searchPlaceholder')}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="button button--primary">
          {t('wiki.search')}
        </button>
      </form>
      {loaded.status === 'loading' && <PageLoading />}
      {loaded.status === 'error' && <LoadFailed error={loaded.error} onRetry={reload} />}
      {loaded.status === 'ready' &&
        (loaded.data.items.length === 0 ? (
          <p className="empty-state__text">{q ? t('wiki.noResults', { q }) : t('wiki.empty')}</p>
        ) : (
          <ul className="wiki-list">
            {loaded.data.items.map((p) => (
              <li key={p.slug} className="wiki-list__item" {...contentLang(p.locale, locale)}>
                <Link href={`/wiki/${p.slug}`} className="wiki-list__title" lang={p.locale}>
                  {p.title}
                </Link>{' '}
                <OnlyInMark locale={p.locale} />
                {p.locked && <span className="badge">{t('wiki.locked')}</span>}
                <p className="wiki-list__excerpt" lang={p.locale}>
                  {plain(p.excerpt)}…
                </p>
                <p className="wiki-list__meta">
                  {t('wiki.updated', { date: formatShortDateTime(p.updatedAt, locale), revision: p.revision })}
                </p>
              </li>
            ))}
          </ul>
        ))}
      <Pager page={page} pages={pages} hrefFor={qs} />
      <p className="page__aside">{t('wiki.officialNote')}</p>
    </div>
  );
}
