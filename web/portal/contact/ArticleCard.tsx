import { useState } from 'react';
import type { Locale } from '../../../common/errors';
import { fetchArticle } from '../../api/requests';
import type { Article } from '../../api/requests';
import { useI18n } from '../../i18n/I18nProvider';
import { Alert } from '../../ui/Alert';
import { describeError } from '../../ui/errorMessage';
import { Markdown } from '../../ui/Markdown';

type Props = {
  slug: string;
  title: string;
  summary: string;
  /** The language title and summary are written in, when the server names it (a missing translation falls back to Russian). */
  locale?: Locale;
  /** "This answers my question"; disabled while the answer is being recorded. */
  onHelped: (slug: string) => void;
  busy: boolean;
};

type Body =
  { status: 'closed' } | { status: 'loading' } | { status: 'open'; article: Article } | { status: 'error'; error: unknown };

/** A suggested answer: title and summary, expandable to the whole article. */
export function ArticleCard({ slug, title, summary, locale: written, onHelped, busy }: Props) {
  const { t, locale } = useI18n();
  // Content in another language than the reader's is marked (lang) and said so in the reader's words.
  const foreign = written !== undefined && written !== locale;
  const [body, setBody] = useState<Body>({ status: 'closed' });
  const open = body.status !== 'closed';

  const toggle = () => {
    if (open) {
      setBody({ status: 'closed' });
      return;
    }
    setBody({ status: 'loading' });
    fetchArticle(slug, locale).then(
      (article) => setBody({ status: 'open', article }),
      (error: unknown) => setBody({ status: 'error', error }),
    );
  };

  return (
    <li className="article-card" data-content-lang={foreign ? written : undefined}>
      <h3 className="article-card__title" lang={written}>
        {title}
      </h3>
      {foreign && <p className="badge only-in article-card__language">{t('portal.offer.russianOnly')}</p>}
      {summary && (
        <p className="article-card__summary" lang={written}>
          {summary}
        </p>
      )}
      {body.status === 'loading' && <p className="article-card__loading">{t('app.loading')}</p>}
      {body.status === 'error' && <Alert tone="error">{describeError(body.error, t)}</Alert>}
      {body.status === 'open' && (
        <div lang={body.article.locale}>
          <Markdown source={body.article.body} className="article-card__body" />
        </div>
      )}
      <div className="article-card__actions">
        <button type="button" className="button button--ghost button--small" aria-expanded={open} onClick={toggle}>
          {open ? t('portal.offer.collapse') : t('portal.offer.readMore')}
        </button>
        <button type="button" className="button button--ghost button--small" disabled={busy} onClick={() => onHelped(slug)}>
          {t('portal.offer.helped')}
        </button>
      </div>
    </li>
  );
}
