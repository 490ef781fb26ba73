import { useCallback } from 'react';
import { fetchWikiHistory, fetchWikiPage, fetchWikiRevision, type WikiViewer } from '../../api/help';
import { useI18n } from '../../i18n/I18nProvider';
import { Link, useSearchParam } from '../../router';
import { Alert } from '../../ui/Alert';
import { formatShortDateTime } from '../../ui/format';
import { Markdown } from '../../ui/Markdown';
import { LoadFailed } from '../../ui/LoadFailed';
import { PageLoading } from '../../ui/PageLoading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useApiQuery } from '../../api/query';
import { NotFoundPage } from '../NotFoundPage';
import { ApiError } from '../../api/client';
import { DiffView, REVISION_KIND, revisionAuthor } from './wikiShared';
import { contentLang, OnlyInMark } from '../help/ContentLanguage';

function Failure({ error, reload }: { error: unknown; reload(): void }) {
  if (error instanceof ApiError && error.code === 'NOT_FOUND') return <NotFoundPage />;
  return (
    <div className="container page">
      <LoadFailed error={error} onRetry={reload} />
    </div>
  );
}

/** Why this viewer sees which button, in words. */
function WriteAction({ slug, viewer, locked }: { slug: string; viewer: WikiViewer; locked: boolean }) {
  const { t } = useI18n();
  if (viewer.canEdit) {
    return (
      <Link href={`/wiki/${slug}/edit`} className="button button--primary">
        {t('wiki.edit')}
      </Link>
    );
  }
  if (locked && viewer.kind !== 'staff') return <p className="wiki-aside__note">{t('wiki.lockedNote')}</p>;
  if (viewer.canPropose) {
    return (
      <>
        <Link href={`/wiki/${slug}/edit`} className="button button--primary">
          {t('wiki.propose')}
        </Link>
        <p className="wiki-aside__note">{t('wiki.proposeNote', { level: viewer.level ?? 0, editLevel: viewer.editLevel })}</p>
      </>
    );
  }
  if (viewer.kind === 'anonymous') {
    return (
      <p className="wiki-aside__note">
        <Link href={`/login?next=${encodeURIComponent(`/wiki/${slug}`)}`}>{t('wiki.signInToEdit')}</Link>
      </p>
    );
  }
  if (viewer.kind === 'customer') {
    return (
      <p className="wiki-aside__note">{t('wiki.levelTooLow', { level: viewer.level ?? 0, proposeLevel: viewer.proposeLevel })}</p>
    );
  }
  return null;
}

/** A wiki page: the rendered text, its revision and who may change it. */
export function WikiPageView({ slug }: { slug: string }) {
  const { t, locale } = useI18n();
  const saved = useSearchParam('saved');
  const load = useCallback((signal: AbortSignal) => fetchWikiPage(slug, { signal }), [slug]);
  const { loaded, reload } = useApiQuery('portal.wiki.WikiPageView#1', slug, load);
  useDocumentTitle(loaded.status === 'ready' ? loaded.data.page.title : t('wiki.title'));
  if (loaded.status === 'loading') return <PageLoading />;
  if (loaded.status === 'error') return <Failure error={loaded.error} reload={reload} />;
  const { page, viewer } = loaded.data;
  return (
    <div className="container page wiki" {...contentLang(page.locale, locale)}>
      <nav className="breadcrumbs" aria-label={t('wiki.breadcrumbs')}>
        <Link href="/wiki">{t('wiki.title')}</Link>
      </nav>
      {saved === 'edit' && <Alert tone="info">{t('wiki.savedNotice', { revision: page.revision })}</Alert>}
      {saved === 'proposal' && (
        <Alert tone="info">
          {t('wiki.proposedNotice')} <Link href="/wiki/mine">{t('wiki.mine.title')}</Link>
        </Alert>
      )}
      <div className="wiki-layout">
        <article className="wiki-article">
          <OnlyInMark locale={page.locale} />
          <h1 className="page__title" lang={page.locale}>
            {page.title}
          </h1>
          <div lang={page.locale}>
            <Markdown source={page.body} className="wiki-article__body" />
          </div>
        </article>
        <aside className="wiki-aside" aria-label={t('wiki.aboutPage')}>
          <p className="wiki-aside__meta" data-testid="wiki-revision">
            {t('wiki.revision', { revision: page.revision })}
            <br />
            {t('wiki.updatedAt', { date: formatShortDateTime(page.updatedAt, locale) })}
          </p>
          {page.locked && (
            <p className="badge">
              {t('wiki.locked')}
              {page.lockReason ? `: ${page.lockReason}` : ''}
            </p>
          )}
          <WriteAction slug={page.slug} viewer={viewer} locked={page.locked} />
          <Link href={`/wiki/${page.slug}/history`} className="button button--ghost button--small">
            {t('wiki.history')}
          </Link>
          <p className="wiki-aside__note">{t('wiki.memberWritten')}</p>
        </aside>
      </div>
    </div>
  );
}

/** The history of a page: every revision, newest first, each linking to its text and diff. */
export function WikiHistoryPage({ slug }: { slug: string }) {
  const { t, locale } = useI18n();
  const load = useCallback((signal: AbortSignal) => fetchWikiHistory(slug, { signal }), [slug]);
  const { loaded, reload } = useApiQuery('portal.wiki.WikiPageView#2', slug, load);
  if (loaded.status === 'loading') return <PageLoading />;
  if (loaded.status === 'error') return <Failure error={loaded.error} reload={reload} />;
  const written = loaded.data.locale;
  return (
    <div className="container page wiki" {...contentLang(written, locale)}>
      <nav className="breadcrumbs" aria-label={t('wiki.breadcrumbs')}>
        <Link href="/wiki">{t('wiki.title')}</Link> ›{' '}
        <Link href={`/wiki/${slug}`} lang={written}>
          {loaded.data.items[0]?.title ?? slug}
        </Link>
      </nav>
      <h1 className="page__title">{t('wiki.historyTitle')}</h1>
      <OnlyInMark locale={written} />
      <ol className="wiki-history">
        {loaded.data.items.map((r) => (
          <li key={r.number} className="wiki-history__item">
            <Link href={`/wiki/${slug}/revisions/${r.number}`}>{t('wiki.revision', { revision: r.number })}</Link>{' '}
            <span className="badge">{t(REVISION_KIND[r.kind])}</span>{' '}
            <span className="wiki-history__meta">
              {formatShortDateTime(r.createdAt, locale)} · {revisionAuthor(r, t)}
            </span>
            {r.summary && (
              <p className="wiki-history__summary" lang={written}>
                {r.summary}
              </p>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** One revision: its changes against the previous one, and its text. */
export function WikiRevisionPage({ slug, number }: { slug: string; number: number }) {
  const { t, locale } = useI18n();
  const load = useCallback((signal: AbortSignal) => fetchWikiRevision(slug, number, { signal }), [slug, number]);
  const { loaded, reload } = useApiQuery('portal.wiki.WikiPageView#3', `${slug}:${number}`, load);
  if (loaded.status === 'loading') return <PageLoading />;
  if (loaded.status === 'error') return <Failure error={loaded.error} reload={reload} />;
  const { revision, diff, current, locale: written } = loaded.data;
  return (
    <div className="container page wiki" {...contentLang(written, locale)}>
      <nav className="breadcrumbs" aria-label={t('wiki.breadcrumbs')}>
        <Link href="/wiki">{t('wiki.title')}</Link> ›{' '}
        <Link href={`/wiki/${slug}`} lang={written}>
          {revision.title}
        </Link>{' '}
        › <Link href={`/wiki/${slug}/history`}>{t('wiki.history')}</Link>
      </nav>
      <h1 className="page__title">{t('wiki.revision', { revision: revision.number })}</h1>
      <p className="wiki-history__meta">
        <span className="badge">{t(REVISION_KIND[revision.kind])}</span> {formatShortDateTime(revision.createdAt, locale)} ·{' '}
        {revisionAuthor(revision, t)}
        {revision.number !== current && <> · {t('wiki.notCurrent', { current })}</>}
      </p>
      <OnlyInMark locale={written} />
      {revision.summary && <p lang={written}>{revision.summary}</p>}
      <h2 className="wiki-subtitle">{t('wiki.changes')}</h2>
      <DiffView diff={diff} lang={written} />
      <h2 className="wiki-subtitle">{t('wiki.textOfRevision')}</h2>
      <div lang={written}>
        <Markdown source={revision.body} className="wiki-article__body" />
      </div>
    </div>
  );
}
