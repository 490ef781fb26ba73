import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/app';
import { parseQuery } from './kb.search';
import { decodeTerms, TS_RANK_WEIGHTS, termRank } from './kb.terms';
import { TrigramIndex } from './kb.trigram';

/**
 * The in-memory search (kb.memory.ts) re-implements two things PostgreSQL does: ts_rank over the
 * weighted fields (kb.terms.ts) and pg_trgm's similarity of the title (kb.trigram.ts). On the demo
 * help centre, for customers' questions, both must score every variant as PostgreSQL does and so
 * rank the same variants first (docs/KB-SEARCH.md, "Why an in-memory index").
 */

let t: TestContext;
type Doc = { slug: string; title_norm: string; terms: string; length: number };
let docs: Doc[];

const QUESTIONS = [
  'заблокировали кошелек',
  'как вернуть платеж',
  'комиссия за перевод на карту',
  'не пришла смс с кодом',
  'лимиты на вывод денег',
  'идентификация паспорт',
  'платеж завис в обработке',
];

beforeAll(async () => {
  t = await createTestContext({ seed: true });
  docs = (
    await t.ctx.handle.query<Doc>(
      `SELECT slug, title_norm, terms, length FROM kb_search_docs WHERE locale = 'ru' AND published = 1 ORDER BY slug`,
    )
  ).rows;
}, 300_000);
afterAll(async () => t?.dispose());

/** The row's stems as a tsvector literal: each stem's positions in field order, weighted A (title), B, C, D (phrasings). */
function tsvectorOf(terms: string): string {
  let at = 1;
  const lexemes: string[] = [];
  for (const [stem, ...counts] of decodeTerms(terms)) {
    const positions: string[] = [];
    counts.forEach((n, f) => {
      for (let i = 0; i < n; i++) positions.push(`${at++}${'ABCD'[f]}`);
    });
    lexemes.push(`'${stem.replace(/'/g, "''")}':${positions.join(',')}`);
  }
  return lexemes.join(' ');
}

/** The memory path's rank of a row (kb.memory.ts: Σ termRank / query items / log2(length + 1)). */
function memoryRank(doc: Doc, stems: string[]): number {
  const byStem = new Map([...decodeTerms(doc.terms)].map(([s, a, b, c, d]) => [s, termRank(a, b, c, d)]));
  const sum = stems.reduce((acc, s) => acc + (byStem.get(s) ?? 0), 0);
  return sum / stems.length / (Math.log2(doc.length + 1) || 1);
}

const top = (scores: Array<{ slug: string; score: number }>, n: number) =>
  [...scores]
    .sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug))
    .slice(0, n)
    .filter((s) => s.score > 0)
    .map((s) => s.slug);

describe('the in-memory search ranks as PostgreSQL does', () => {
  it('has fixtures to rank', () => {
    expect(docs.length).toBeGreaterThan(20);
  });

  it.each(QUESTIONS)('ts_rank of «%s»: the same score per variant, the same variants first', async (q) => {
    const { groups } = await parseQuery(t.ctx.db, q, 'ru', { prefix: false });
    const stems = [...new Set(groups.flat())];
    expect(stems.length).toBeGreaterThan(0);
    const query = stems.map((s) => `'${s.replace(/'/g, "''")}'`).join(' | ');
    const sqlScores: Array<{ slug: string; score: number }> = [];
    for (const d of docs) {
      const { rows } = await t.ctx.handle.query<{ r: number }>(
        `SELECT ts_rank($1::float4[], $2::tsvector, $3::tsquery, 1) AS r`,
        [TS_RANK_WEIGHTS, tsvectorOf(d.terms), query],
      );
      sqlScores.push({ slug: d.slug, score: Number(rows[0]?.r ?? 0) });
    }
    const memScores = docs.map((d) => ({ slug: d.slug, score: memoryRank(d, stems) }));
    // ts_rank answers a float4: equal to about seven digits.
    for (let i = 0; i < docs.length; i++) expect(memScores[i]!.score).toBeCloseTo(sqlScores[i]!.score, 5);
    const round = (s: { slug: string; score: number }) => ({ slug: s.slug, score: Math.round(s.score * 1e5) });
    expect(top(sqlScores, 5).length).toBeGreaterThan(0);
    expect(top(memScores.map(round), 5)).toEqual(top(sqlScores.map(round), 5));
  });

  it.each(QUESTIONS)('title similarity of «%s»: pg_trgm’s score per title, the same titles first', async (q) => {
    const { norm } = await parseQuery(t.ctx.db, q, 'ru', { prefix: false });
    const index = new TrigramIndex();
    docs.forEach((d, i) => index.add(i, d.title_norm));
    const query = index.idsOf(norm, false);
    index.mark(query);
    const memScores = docs.map((d, i) => ({ slug: d.slug, score: index.markedSimilarity(i, query.size) }));
    index.unmark(query);
    const { rows } = await t.ctx.handle.query<{ slug: string; s: number }>(
      `SELECT slug, similarity(title_norm, $1) AS s FROM kb_search_docs WHERE locale = 'ru' AND published = 1 ORDER BY slug`,
      [norm],
    );
    const sqlScores = rows.map((r) => ({ slug: r.slug, score: Number(r.s) }));
    for (let i = 0; i < docs.length; i++) expect(memScores[i]!.score).toBeCloseTo(sqlScores[i]!.score, 5);
    const round = (s: { slug: string; score: number }) => ({ slug: s.slug, score: Math.round(s.score * 1e5) });
    expect(top(sqlScores, 5).length).toBeGreaterThan(0);
    expect(top(memScores.map(round), 5)).toEqual(top(sqlScores.map(round), 5));
  });
});
