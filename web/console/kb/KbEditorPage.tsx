import { useCallback, useState } from 'react';
import type { FormEvent } from 'react';
import { LOCALES } from '../../../common/errors';
import type { Locale } from '../../../common/errors';
import type { Me } from '../../api/auth';
import {
  createKbArticle,
  fetchKbDetail,
  fetchKbDiff,
  fetchKbSectionOptions,
  revertKbArticle,
  saveKbArticle,
  setKbLock,
  setKbStatus,
  type KbAudienceValue,
  type KbDetail,
  type KbDiff,
  type KbSectionOption,
} from '../../api/kbConsole';
import { useI18n } from '../../i18n/I18nProvider';
import { useLocalize } from '../../i18n/useLocalize';
import { Link, navigate } from '../../router';
import { Alert } from '../../ui/Alert';
import { describeError } from '../../ui/errorMessage';
import { Markdown } from '../../ui/Markdown';
import { Select, TextArea, TextField } from '../../ui/fields';
import { useApiQuery } from '../../api/query';
import { authorsKb } from '../roles';
import { KB_PATH, kbArticlePath } from '../routes';
import { KbProposals } from './KbProposals';
import { KbRevisions } from './KbRevisions';

type Draft = {
  slug: string;
  locale: Locale;
  title: string;
  summary: string;
  body: string;
  tags: string;
  /** One phrasing per line. */
  phrasings: string;
  section: string;
  audience: KbAudienceValue;
  categories: string;
  note: string;
};

const AUDIENCES: readonly KbAudienceValue[] = ['customer', 'agent', 'all'];

const list = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const toDraft = (a: KbDetail | null): Draft => ({
  slug: a?.slug ?? '',
  locale: a?.locale ?? 'ru',
  title: a?.title ?? '',
  summary: a?.summary ?? '',
  body: a?.body ?? '',
  tags: a?.tags.join(', ') ?? '',
  phrasings: a?.phrasings.join('\n') ?? '',
  section: a?.section ?? 'wallet',
  audience: a?.audience ?? 'customer',
  categories: a?.categories.join(', ') ?? '',
  note: '',
});

function flatten(nodes: KbSectionOption[], depth = 0): Array<{ slug: string; label: KbSectionOption['name']; depth: number }> {
  return nodes.flatMap((n) => [{ slug: n.slug, label: n.name, depth }, ...flatten(n.children, depth + 1)]);
}

/** Load the variant (or nothing for a new one) and the sections, then show the editor. */
export function KbEditorPage({ id, me }: { id: string | null; me: Me }) {
  const { t } = useI18n();
  const load = useCallback(
    async (signal: AbortSignal) => ({
      article: id ? await fetchKbDetail(id, signal) : null,
      sections: await fetchKbSectionOptions(signal),
    }),
    [id],
  );
  const { loaded, reload } = useApiQuery('console.kb.KbEditorPage', id ?? 'new', load);
  if (loaded.status === 'loading') return <p>{t('app.loading')}</p>;
  if (loaded.status === 'error') return <Alert tone="error">{describeError(loaded.error, t)}</Alert>;
  return <Editor article={loaded.data.article} sections={loaded.data.sections} me={me} reload={reload} />;
}

function Editor({
  article,
  sections,
  me,
  reload,
}: {
  article: KbDetail | null;
  sections: KbSectionOption[];
  me: Me;
  reload: () => void;
}) {
  const { t, locale } = useI18n();
  const l = useLocalize();
  const [draft, setDraft] = useState<Draft>(() => toDraft(article));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [diff, setDiff] = useState<KbDiff | null>(null);
  const lockedByOther = Boolean(article?.lock && article.lock.staffId !== me.user.id && !me.user.roles.includes('admin'));
  const canEdit = authorsKb(me) && !lockedByOther;
  const set = (key: keyof Draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));

  const run = async (action: () => Promise<string | null>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      setNotice(await action());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const content = () => ({
    title: draft.title,
    summary: draft.summary,
    body: draft.body,
    tags: list(draft.tags),
    phrasings: draft.phrasings
      .split('\n')
      .map((p) => p.trim())
      .filter(Boolean),
    section: draft.section,
    audience: draft.audience,
    categories: list(draft.categories),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      if (!article) {
        const saved = await createKbArticle({ ...content(), slug: draft.slug.trim(), locale: draft.locale });
        navigate(kbArticlePath(saved.id));
        return null;
      }
      const saved = await saveKbArticle(article.id, {
        ...content(),
        revision: article.revision,
        ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
      });
      reload();
      return t('kb.saved', { n: saved.revision });
    });
  };

  const sectionOptions = flatten(sections);

  return (
    <>
      {article && (
        <p className="help-muted">
          <Link href={KB_PATH}>{t('kb.back')}</Link> · {article.slug} · {t('kb.revision', { n: article.revision })} ·{' '}
          {t(article.status === 'published' ? 'kb.status.published' : 'kb.status.draft')} ·{' '}
          {t('kb.stats', { views: article.views, yes: article.yes, no: article.no })}
        </p>
      )}
      {article && (
        <p className="help-muted">
          {t('kb.variants')}:{' '}
          {article.variants.map((v) => (
            <span key={v.id}>
              {v.id === article.id ? (
                <strong>{v.locale.toUpperCase()}</strong>
              ) : (
                <Link href={kbArticlePath(v.id)}>{v.locale.toUpperCase()}</Link>
              )}{' '}
            </span>
          ))}
        </p>
      )}
      {!authorsKb(me) && <Alert tone="info">{t('kb.readOnly')}</Alert>}
      {article?.lock && (
        <Alert tone="info">
          {article.lock.staffId === me.user.id ? t('kb.lockedByYou') : t('kb.lockedByOther', { name: article.lock.name })}
        </Alert>
      )}
      {error !== null && <Alert tone="error">{describeError(error, t)}</Alert>}
      {notice && <Alert tone="info">{notice}</Alert>}
      {article && authorsKb(me) && (
        <div className="kb-actions">
          {canEdit && (
            <button
              type="button"
              className="button button--ghost button--small"
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  await setKbStatus(article.id, article.status !== 'published');
                  reload();
                  return null;
                })
              }
            >
              {article.status === 'published' ? t('kb.unpublish') : t('kb.publish')}
            </button>
          )}
          {!lockedByOther && (
            <button
              type="button"
              className="button button--ghost button--small"
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  await setKbLock(article.id, !article.lock);
                  reload();
                  return null;
                })
              }
            >
              {article.lock ? t('kb.unlock') : t('kb.lock')}
            </button>
          )}
        </div>
      )}
      <div className="kb-editor">
        <form className="kb-editor__form" onSubmit={submit}>
          {!article && (
            <>
              <TextField
                look="compact"
                label={t('kb.field.slug')}
                value={draft.slug}
                onChange={set('slug')}
                required
                maxLength={80}
                pattern="[a-z0-9]+(-[a-z0-9]+)*"
              />
              <Select
                look="compact"
                label={t('kb.field.locale')}
                value={draft.locale}
                onChange={(locale) => setDraft((d) => ({ ...d, locale }))}
                options={LOCALES.map((l) => [l, t(`lang.short.${l}`)] as const)}
              />
            </>
          )}
          <fieldset disabled={!canEdit || busy} className="kb-editor__form" style={{ border: 0, padding: 0, margin: 0 }}>
            <TextField
              look="compact"
              label={t('kb.field.title')}
              value={draft.title}
              onChange={set('title')}
              required
              maxLength={200}
            />
            <TextArea
              look="compact"
              label={t('kb.field.summary')}
              value={draft.summary}
              onChange={set('summary')}
              required
              maxLength={800}
            />
            <TextArea
              look="compact"
              label={t('kb.field.body')}
              inputClassName="kb-editor__body"
              value={draft.body}
              onChange={set('body')}
              maxLength={20000}
            />
            <Select
              look="compact"
              label={t('kb.field.section')}
              value={draft.section}
              onChange={(section) => setDraft((d) => ({ ...d, section }))}
              options={sectionOptions.map((s) => [s.slug, `${'— '.repeat(s.depth)}${l(s.label)}`] as const)}
            />
            <Select
              look="compact"
              label={t('kb.field.audience')}
              value={draft.audience}
              onChange={(audience) => setDraft((d) => ({ ...d, audience }))}
              options={AUDIENCES.map((a) => [a, t(`kb.audience.${a}`)] as const)}
            />
            <TextField look="compact" label={t('kb.field.tags')} value={draft.tags} onChange={set('tags')} />
            <TextArea
              look="compact"
              label={t('kb.field.phrasings')}
              hint={t('kb.field.phrasingsHint')}
              value={draft.phrasings}
              onChange={set('phrasings')}
              rows={6}
            />
            <TextField look="compact" label={t('kb.field.categories')} value={draft.categories} onChange={set('categories')} />
            {article && (
              <TextField look="compact" label={t('kb.field.note')} value={draft.note} onChange={set('note')} maxLength={300} />
            )}
            <div>
              <button type="submit" className="button button--primary">
                {article ? t('kb.save') : t('kb.create')}
              </button>
            </div>
          </fieldset>
        </form>
        <div>
          <h2 className="help-h2">{t('kb.preview')}</h2>
          <div className="kb-editor__preview">
            <h3>{draft.title}</h3>
            <p>
              <strong>{draft.summary}</strong>
            </p>
            <Markdown source={draft.body} />
          </div>
          {article && <KbProposals articleId={article.id} canReview={canEdit} onAccepted={reload} />}
          {article && (
            <KbRevisions
              article={article}
              canRevert={canEdit}
              diff={diff}
              onDiff={(n) => void run(async () => (setDiff(await fetchKbDiff(article.id, n)), null))}
              onRevert={(n) =>
                void run(async () => {
                  const saved = await revertKbArticle(article.id, n, article.revision);
                  reload();
                  return t('kb.revision.reverted', { from: n, n: saved.revision });
                })
              }
              locale={locale}
            />
          )}
        </div>
      </div>
    </>
  );
}
