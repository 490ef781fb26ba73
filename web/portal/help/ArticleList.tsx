import type { KbArticleRef } from '../../api/kb';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router';
import { contentLang, OnlyInMark } from './ContentLanguage';
import { articleHref } from './helpPaths';

/** Titles with their short answers; an article not yet in the reader's language is marked «Russian only». */
export function ArticleList({ base, articles }: { base: string; articles: KbArticleRef[] }) {
  const { locale } = useI18n();
  return (
    <ul className="help-articles">
      {articles.map((a) => (
        <li key={a.slug} className="help-articles__item" {...contentLang(a.locale, locale)}>
          <Link href={articleHref(base, a.slug)} className="help-articles__title" lang={a.locale}>
            {a.title}
          </Link>{' '}
          <OnlyInMark locale={a.locale} />
          <p className="help-articles__summary" lang={a.locale}>
            {a.summary}
          </p>
        </li>
      ))}
    </ul>
  );
}
