import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { fetchMyProposals, fetchWikiPage, proposeWikiEdit, saveWikiPage, type WikiPage } from '../../api/help';
import { useSession } from '../../api/session';
import { useI18n } from '../../i18n/I18nProvider';
import { Link, navigate } from '../../router';
import { Alert } from '../../ui/Alert';
import { describeError } from '../../ui/errorMessage';
import { formatShortDateTime } from '../../ui/format';
import { Markdown } from '../../ui/Markdown';
import { LoadFailed } from '../../ui/LoadFailed';
import { PageLoading } from '../../ui/PageLoading';
import { useApiQuery } from '../../api/query';
import { DiffView } from './wikiShared';
import { TextArea, TextField } from '../../ui/fields';

type Errors = Partial<Record<'title' | 'body' | 'summary', string>>;

function EditForm({ page, mode }: { page: WikiPage; mode: 'edit' | 'propose' }) {
  const { t } = useI18n();
  const [title, setTitle] = useState(page.title);
  const [body, setBody] = useState(page.body);
  const [summary, setSummary] = useState('');
  const [preview, setPreview] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Errors>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Errors = {};
    if (title.trim().length < 3) errs.title = t('wiki.form.titleShort');
    if (body.trim().length < 10) errs.body = t('wiki.form.bodyShort');
    if (title === page.title && body === page.body) errs.body = t('wiki.form.noChanges');
    setFieldErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    setError(null);
    const draft = { title: title.trim(), body: body.trim(), summary: summary.trim(), baseRevision: page.revision };
    (mode === 'edit' ? saveWikiPage(page.slug, draft) : proposeWikiEdit(page.slug, draft))
      .then(() => navigate(`/wiki/${page.slug}?saved=${mode === 'edit' ? 'edit' : 'proposal'}`))
      .catch((err: unknown) => setError(err))
      .finally(() => setBusy(false));
  };
  const stale = error instanceof ApiError && error.code === 'STALE_REVISION';
  return (
    <form className="wiki-form" onSubmit={submit} noValidate>
      {error !== null && (
        <Alert tone="error">
          {describeError(error, t)}{' '}
          {stale && (
            <a href={`/wiki/${page.slug}`} target="_blank" rel="noopener">
              {t('wiki.form.openCurrent')}
            </a>
          )}
        </Alert>
      )}
      <TextField
        id="wiki-title"
        label={t('wiki.form.title')}
        value={title}
        maxLength={200}
        error={fieldErrors.title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextArea
        id="wiki-body"
        inputClassName="wiki-form__body"
        label={t('wiki.form.body')}
        hint={t('wiki.form.bodyHint')}
        value={body}
        rows={18}
        maxLength={50_000}
        error={fieldErrors.body}
        onChange={(e) => setBody(e.target.value)}
      />
      <TextField
        id="wiki-summary"
        label={t('wiki.form.summary')}
        value={summary}
        maxLength={300}
        onChange={(e) => setSummary(e.target.value)}
      />
      <div className="wiki-form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {mode === 'edit' ? t('wiki.form.save') : t('wiki.form.sendProposal')}
        </button>
        <button type="button" className="button button--ghost" onClick={() => setPreview((p) => !p)} aria-expanded={preview}>
          {preview ? t('wiki.form.hidePreview') : t('wiki.form.preview')}
        </button>
        <Link href={`/wiki/${page.slug}`} className="button button--ghost">
          {t('wiki.form.cancel')}
        </Link>
      </div>
      {preview && (
        <section className="wiki-form__preview" aria-label={t('wiki.form.preview')}>
          <h2 className="wiki-subtitle">{title}</h2>
          <Markdown source={body} className="wiki-article__body" />
        </section>
      )}
    </form>
  );
}

/** Edit a page (members at the edit level, moderators) or propose an edit (lower levels). */
export function WikiEditPage({ slug }: { slug: string }) {
  const { t } = useI18n();
  const { session } = useSession();
  const load = useCallback((signal: AbortSignal) => fetchWikiPage(slug, { signal }), [slug]);
  const { loaded, reload } = useApiQuery(
    'portal.wiki.WikiEditPage#1',
    session.status === 'loading' ? null : `${slug}:${session.status}`,
    load,
  );
  useEffect(() => {
    if (session.status === 'anonymous') navigate(`/login?next=${encodeURIComponent(`/wiki/${slug}/edit`)}`, { replace: true });
  }, [session.status, slug]);
  if (loaded.status === 'loading') return <PageLoading />;
  if (loaded.status === 'error') {
    return (
      <div className="container page">
        <LoadFailed error={loaded.error} onRetry={reload} />
      </div>
    );
  }
  const { page, viewer } = loaded.data;
  const mode = viewer.canEdit ? 'edit' : viewer.canPropose ? 'propose' : null;
  return (
    <div className="container page wiki">
      <nav className="breadcrumbs" aria-label={t('wiki.breadcrumbs')}>
        <Link href="/wiki">{t('wiki.title')}</Link> › <Link href={`/wiki/${slug}`}>{page.title}</Link>
      </nav>
      <h1 className="page__title">{mode === 'propose' ? t('wiki.proposeTitle') : t('wiki.editTitle')}</h1>
      {mode === 'propose' && <p className="page__lead">{t('wiki.proposeLead')}</p>}
      {mode === null ? (
        <Alert tone="error">
          {page.locked
            ? t('wiki.lockedNote')
            : t('wiki.levelTooLow', { level: viewer.level ?? 0, proposeLevel: viewer.proposeLevel })}
        </Alert>
      ) : (
        <EditForm page={page} mode={mode} />
      )}
    </div>
  );
}

/** The signed-in member's proposals with their status and the moderators' reasons. */
export function WikiMyProposalsPage() {
  const { t, locale } = useI18n();
  const { session } = useSession();
  const customer = session.status === 'signed-in' && session.me.kind === 'customer';
  const load = useCallback((signal: AbortSignal) => fetchMyProposals(1, { signal }), []);
  const { loaded, reload } = useApiQuery('portal.wiki.WikiEditPage#2', customer ? 'mine' : null, load);
  useEffect(() => {
    if (session.status === 'anonymous') navigate('/login?next=/wiki/mine', { replace: true });
  }, [session.status]);
  if (!customer || loaded.status === 'loading') return <PageLoading />;
  return (
    <div className="container page wiki">
      <nav className="breadcrumbs" aria-label={t('wiki.breadcrumbs')}>
        <Link href="/wiki">{t('wiki.title')}</Link>
      </nav>
      <h1 className="page__title">{t('wiki.mine.title')}</h1>
      {loaded.status === 'error' ? (
        <LoadFailed error={loaded.error} onRetry={reload} />
      ) : loaded.data.items.length === 0 ? (
        <p className="empty-state__text">{t('wiki.mine.empty')}</p>
      ) : (
        <ul className="wiki-proposals">
          {loaded.data.items.map((p) => (
            <li key={p.id} className="wiki-proposal">
              <p className="wiki-proposal__head">
                <Link href={`/wiki/${p.page.slug}`}>{p.page.title}</Link>{' '}
                <span className={`badge wiki-status wiki-status--${p.status}`}>{t(`wiki.status.${p.status}`)}</span>{' '}
                <span className="wiki-history__meta">{formatShortDateTime(p.createdAt, locale)}</span>
              </p>
              {p.summary && <p>{p.summary}</p>}
              {p.status === 'rejected' && p.reason && (
                <p className="wiki-proposal__reason">{t('wiki.mine.reason', { reason: p.reason })}</p>
              )}
              {p.status === 'accepted' && p.revisionNumber && (
                <p>
                  <Link href={`/wiki/${p.page.slug}/revisions/${p.revisionNumber}`}>
                    {t('wiki.revision', { revision: p.revisionNumber })}
                  </Link>
                </p>
              )}
              {p.status === 'pending' && (
                <details>
                  <summary>{t('wiki.changes')}</summary>
                  <DiffView diff={p.diff} />
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
