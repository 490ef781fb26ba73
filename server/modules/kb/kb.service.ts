import { sql } from 'drizzle-orm';
import type { Locale } from '../../../common/errors';
import type { Executor } from '../../db/connection';

type Hit = { slug: string; title: string; snippet: string; score: number };

/**
 * Russian full-text rank (title and summary weighted above body) plus trigram similarity of
 * the title for typos and partial words; ranked within the language under a LIMIT.
 * The help-centre issue adds Ukrainian stemming, synonyms and highlights.
 */
export async function searchArticles(db: Executor, query: { q: string; locale: Locale; limit: number }): Promise<Hit[]> {
  const q = query.q.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
  if (q.length < 2) return [];
  const result = await db.execute<{ slug: string; title: string; snippet: string; score: number }>(sql`
    SELECT slug, title, left(summary, 240) AS snippet,
           (ts_rank(search_vector, websearch_to_tsquery('russian', ${q})) + similarity(replace(title, 'ё', 'е'), ${q}))::float8 AS score
      FROM kb_articles
     WHERE locale = ${query.locale} AND status = 'published'
       AND (search_vector @@ websearch_to_tsquery('russian', ${q}) OR similarity(replace(title, 'ё', 'е'), ${q}) > 0.15)
     ORDER BY score DESC, slug
     LIMIT ${query.limit}`);
  return (result as unknown as { rows: Hit[] }).rows.map((r) => ({ ...r, score: Number(r.score) }));
}
