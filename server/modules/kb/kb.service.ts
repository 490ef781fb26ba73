import { and, eq } from 'drizzle-orm';
import type { Locale } from '../../../common/errors';
import type { Executor } from '../../db/connection';
import { kbArticles } from '../../db/schema';
import { AppError } from '../../errors';

export async function getArticle(db: Executor, slug: string, locale: Locale) {
  const rows = await db
    .select({
      slug: kbArticles.slug,
      locale: kbArticles.locale,
      title: kbArticles.title,
      summary: kbArticles.summary,
      body: kbArticles.body,
    })
    .from(kbArticles)
    .where(and(eq(kbArticles.slug, slug), eq(kbArticles.status, 'published')));
  const article = rows.find((r) => r.locale === locale) ?? rows.find((r) => r.locale === 'ru');
  if (!article) throw new AppError('NOT_FOUND');
  return article;
}
