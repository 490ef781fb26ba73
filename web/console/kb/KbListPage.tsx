import { useCallback, useState } from 'react';
import type { FormEvent } from 'react';
import { LOCALES } from '../../../common/errors';
import { kbListQuery, listKbArticles } from '../../api/kbConsole';
import { useI18n } from '../../i18n/I18nProvider';
import { Link, navigate, useSearch } from '../../router';
import { Alert } from '../../ui/Alert';
import { describeError } from '../../ui/errorMessage';
import { Select, TextField } from '../../ui/fields';
import { formatShortDateTime } from '../../ui/format';
import { useApiQuery } from '../../api/query';
import { KB_PATH, kbArticlePath } from '../routes';

/** Every variant, filtered by status, language and text (the filters live in the URL), paged. */
export function KbListPage() {
  const { t, locale } = useI18n();
  const search = useSearch();
  const params = new URLSearchParams(search);
  const [q, setQ] = useState(params.get('q') ?? '');
  const load = useCallback((signal: AbortSignal) => listKbArticles(kbListQuery(search), signal), [search]);
  const { loaded, reload } = useApiQuery('console.kb.KbListPage', search, load);
  const go = (changes: Record<string, string>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    navigate(`${KB_PATH}?${next.toString()}`);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    go({ q: q.trim() });
  };
  const page = Number(params.get('page') ?? '1');

  return (
    <>
      <form className="kb-filters" onSubmit={submit}>
        <Select
          id="kb-filter-status"
          label={t('kb.filter.status')}
          value={params.get('status') ?? ''}
          onChange={(status) => go({ status })}
          options={[
            ['', t('kb.filter.any')],
            ['published', t('kb.status.published')],
            ['draft', t('kb.status.draft')],
          ]}
        />
        <Select
          id="kb-filter-locale"
          label={t('kb.filter.locale')}
          value={params.get('locale') ?? ''}
          onChange={(locale) => go({ locale })}
          options={[['', t('kb.filter.any')], ...LOCALES.map((code) => [code, t(`lang.short.${code}`)] as const)]}
        />
        <TextField
          id="kb-filter-text"
          label={t('kb.filter.text')}
          type="search"
          value={q}
          maxLength={200}
          onChange={(e) => setQ(e.target.value)}
        />
        <button type="submit" className="button button--ghost button--small">
          {t('kb.filter.apply')}
        </button>
      </form>
      {loaded.status === 'loading' && <p>{t('app.loading')}</p>}
      {loaded.status === 'error' && (
        <>
          <Alert tone="error">{describeError(loaded.error, t)}</Alert>
          <button type="button" className="button button--ghost" onClick={reload}>
            {t('portal.common.retry')}
          </button>
        </>
      )}
      {loaded.status === 'ready' &&
        (loaded.data.items.length === 0 ? (
          <p>{t('kb.list.empty')}</p>
        ) : (
          <>
            <table className="kb-table">
              <thead>
                <tr>
                  <th>{t('kb.col.title')}</th>
                  <th>{t('kb.col.locale')}</th>
                  <th>{t('kb.col.status')}</th>
                  <th>{t('kb.col.views')}</th>
                  <th>{t('kb.col.votes')}</th>
                  <th>{t('kb.col.updated')}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.data.items.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <Link href={kbArticlePath(a.id)}>{a.title}</Link>
                      <div className="help-muted">
                        {a.slug} · {a.section}
                        {a.lock && ` · ${t('kb.locked', { name: a.lock.name })}`}
                      </div>
                    </td>
                    <td>{a.locale.toUpperCase()}</td>
                    <td>{t(a.status === 'published' ? 'kb.status.published' : 'kb.status.draft')}</td>
                    <td>{a.views}</td>
                    <td>
                      {a.yes} / {a.no}
                    </td>
                    <td>{formatShortDateTime(a.updatedAt, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="kb-pager">
              <button
                type="button"
                className="button button--ghost button--small"
                disabled={page <= 1}
                onClick={() => go({ page: String(page - 1) })}
              >
                {t('kb.list.prev')}
              </button>
              <span>{t('kb.list.total', { n: loaded.data.total })}</span>
              <button
                type="button"
                className="button button--ghost button--small"
                disabled={page * loaded.data.pageSize >= loaded.data.total}
                onClick={() => go({ page: String(page + 1) })}
              >
                {t('kb.list.next')}
              </button>
            </div>
          </>
        ))}
    </>
  );
}
