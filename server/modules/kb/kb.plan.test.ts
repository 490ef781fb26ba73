import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/app';
import { parseQuery, searchStatement } from './kb.search';

let t: TestContext;

/** 5,000 indexed article variants of generated text, analysed, so the plan is priced on real statistics. */
beforeAll(async () => {
  t = await createTestContext({ seed: true });
  await t.ctx.db.execute(sql`
    INSERT INTO kb_articles (slug, locale, section, audience, title, summary, body)
    SELECT 'gen-' || i, CASE WHEN i % 3 = 0 THEN 'uk' ELSE 'ru' END, 'wallet', 'customer',
           'Вопрос номер ' || i || ' про ' || (ARRAY['платеж','терминал','перевод','карту','вывод'])[1 + i % 5],
           'Краткий ответ ' || i || ' о ' || (ARRAY['лимитах','комиссии','выписке','уведомлениях','приложении'])[1 + i % 5],
           'Текст статьи ' || i
      FROM generate_series(1, 5000) AS i`);
  await t.ctx.db.execute(sql`
    INSERT INTO kb_search_docs (article_id, slug, locale, audience, published, title, summary, title_norm, ru_vector, stem_vector)
    SELECT id, slug, locale, audience, 1, title, summary, lower(title),
           setweight(to_tsvector('russian', title), 'A') || setweight(to_tsvector('russian', summary), 'B'),
           setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', summary), 'B')
      FROM kb_articles WHERE slug LIKE 'gen-%'`);
  await t.ctx.db.execute(sql`ANALYZE kb_search_docs`);
});
afterAll(async () => t?.dispose());

describe('search query plan', () => {
  it('finds candidates through the GIN (full-text) and trigram indexes, never scanning the table', async () => {
    const parsed = await parseQuery(t.ctx.db, 'заблокировали кошелек', 'ru');
    const { sql: text, params } = new PgDialect({ casing: 'snake_case' }).sqlToQuery(
      searchStatement(parsed, { locale: 'ru', audience: 'customer', limit: 5 }),
    );
    const plan = await explain(`EXPLAIN ${text}`, params);
    expect(plan).toMatch(/Bitmap Index Scan on kb_search_docs_stem_idx/);
    expect(plan).toMatch(/Bitmap Index Scan on kb_search_docs_ru_idx/);
    expect(plan).toMatch(/Bitmap Index Scan on kb_search_docs_title_trgm_idx/);
    expect(plan).not.toMatch(/Seq Scan on kb_search_docs/);
  });
});

/** EXPLAIN with sequential scans priced out (as the console's queue tests do), on one connection. */
async function explain(text: string, params: unknown[]): Promise<string> {
  if (t.ctx.handle.pool) {
    const client = await t.ctx.handle.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL enable_seqscan = off');
      const r = await client.query(text, params);
      await client.query('ROLLBACK');
      return r.rows.map((x: Record<string, string>) => Object.values(x)[0]).join('\n');
    } finally {
      client.release();
    }
  }
  await t.ctx.handle.query('SET enable_seqscan = off');
  try {
    const r = await t.ctx.handle.query<Record<string, string>>(text, params);
    return r.rows.map((x) => Object.values(x)[0]).join('\n');
  } finally {
    await t.ctx.handle.query('SET enable_seqscan = on');
  }
}
