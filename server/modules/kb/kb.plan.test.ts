import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/app';
import { docsPage, revisionsAbove } from './kb.memory.sql';
import { indexMissing, searchArticles } from './kb.search';
import { explainPlan } from '../../test/explain';

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
  await indexMissing(t.ctx.db);
  await t.ctx.db.execute(sql`ANALYZE kb_search_docs`);
});
afterAll(async () => t?.dispose());

const dialect = new PgDialect({ casing: 'snake_case' });

describe('search index plans', () => {
  it('the index loads page by page by primary key and follows changes by the revision index, never scanning the table', async () => {
    const page = dialect.sqlToQuery(docsPage('00000000-0000-0000-0000-000000000000', 1000));
    expect(await explain(`EXPLAIN ${page.sql}`, page.params)).toMatch(/Index Scan using kb_search_docs_pkey/);
    const delta = dialect.sqlToQuery(revisionsAbove(4990, 2001));
    const plan = await explain(`EXPLAIN ${delta.sql}`, delta.params);
    expect(plan).toMatch(/Index Scan using kb_search_docs_rev_idx/);
    expect(plan).not.toMatch(/Seq Scan on kb_search_docs/);
  });

  it('searches the 5,000 generated variants from memory (filters and ranking intact)', async () => {
    const { items: hits } = await searchArticles(t.ctx.db, { q: 'вопрос про терминал', locale: 'ru', limit: 5 });
    expect(hits).toHaveLength(5);
    expect(hits.every((h) => /терминал/i.test(h.title))).toBe(true);
    const { items: uk } = await searchArticles(t.ctx.db, { q: 'вопрос номер 3 про вывод', locale: 'uk', limit: 5 });
    expect(uk.every((h) => Number(h.slug.slice(4)) % 3 === 0)).toBe(true);
  });
});

const explain = (text: string, params: unknown[]) => explainPlan(t.ctx.handle, text, params);
