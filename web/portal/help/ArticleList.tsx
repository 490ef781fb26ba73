import type { KbArticleRef } from '../../api/kb';
import { Link } from '../../router';
import { articleHref } from './helpPaths';

/** Titles with their short answers. */
export function ArticleList({ base, articles }: { base: string; articles: KbArticleRef[] }) {
  return (
    <ul className="help-articles">
      {articles.map((a) => (
        <li key={a.slug} className="help-articles__item">
          <Link href={articleHref(base, a.slug)} className="help-articles__title">
            {a.title}
          </Link>
          <p className="help-articles__summary">{a.summary}</p>
        </li>
      ))}
    </ul>
  );
}
