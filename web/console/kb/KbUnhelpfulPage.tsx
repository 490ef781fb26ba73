import { useCallback } from 'react';
import { fetchKbUnhelpful } from '../../api/kbConsole';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router';
import { Alert } from '../../ui/Alert';
import { describeError } from '../../ui/errorMessage';
import { formatShortDateTime } from '../../ui/format';
import { useApiQuery } from '../../api/query';
import { kbArticlePath } from '../routes';

/** For authors: the articles readers said did not help, with what they wrote. */
export function KbUnhelpfulPage() {
  const { t, locale } = useI18n();
  const load = useCallback((signal: AbortSignal) => fetchKbUnhelpful(1, signal), []);
  const { loaded } = useApiQuery('console.kb.KbUnhelpfulPage', 'unhelpful', load);
  if (loaded.status === 'loading') return <p>{t('app.loading')}</p>;
  if (loaded.status === 'error') return <Alert tone="error">{describeError(loaded.error, t)}</Alert>;
  if (loaded.data.items.length === 0) return <p>{t('kb.unhelpful.empty')}</p>;
  return (
    <table className="kb-table">
      <thead>
        <tr>
          <th>{t('kb.col.title')}</th>
          <th>{t('kb.col.votes')}</th>
          <th>{t('kb.unhelpful.comments')}</th>
        </tr>
      </thead>
      <tbody>
        {loaded.data.items.map((a) => (
          <tr key={a.id}>
            <td>
              <Link href={kbArticlePath(a.id)}>{a.title}</Link>
              <div className="help-muted">
                {a.slug} · {a.locale.toUpperCase()} · {t('kb.col.views')}: {a.views}
              </div>
            </td>
            <td>
              {a.yes} / {a.no}
            </td>
            <td>
              {a.comments.length === 0 ? (
                <span className="help-muted">{t('kb.unhelpful.noComments')}</span>
              ) : (
                <ul className="kb-revisions">
                  {a.comments.map((c, i) => (
                    <li key={i}>
                      <strong>{t(c.helpful ? 'help.vote.yes' : 'help.vote.no')}:</strong> <span>{c.comment}</span>{' '}
                      <span className="help-muted">{formatShortDateTime(c.at, locale)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
