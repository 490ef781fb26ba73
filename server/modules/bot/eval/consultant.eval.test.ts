import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app';
import { consult } from './consult';
import { isAnswerable, loadPart, rate, score, tally, type EvalItem, type Said, type Verdict } from './evalset';

// A floor on the development part of the evaluation set (the frozen test part is measured by
// `npm run eval:answers -- --part test`, recorded in docs/KB-SEARCH.md, and not tuned on):
// a change that makes the consultant answer customers worse fails here.
let t: TestContext;
const rows: Array<{ item: EvalItem; said: Said; verdict: Verdict }> = [];

beforeAll(async () => {
  t = await createTestContext({ seed: true });
  for (const item of loadPart('dev')) {
    const said = await consult(t.ctx.db, item);
    rows.push({ item, said, verdict: score(item, said) });
  }
}, 120_000);
afterAll(async () => t?.dispose());

describe('the consultant on the development questions', () => {
  it('puts an answering article in its first three for 97 % of them, in each language', () => {
    for (const locale of ['ru', 'uk'] as const) {
      const s = tally(rows.filter((r) => r.item.locale === locale));
      expect(rate(s.top3, s.answerable), locale).toBeGreaterThanOrEqual(0.97);
    }
  });

  it('leaves at most 2 % of answerable questions without an article, and is confidently wrong on at most 5 %', () => {
    const s = tally(rows);
    expect(rate(s.noAnswer, s.answerable)).toBeLessThanOrEqual(0.02);
    expect(rate(s.wrongConfident, s.answerable)).toBeLessThanOrEqual(0.05);
  });

  it('hands off when asked for a person, and takes greetings and thanks as such', () => {
    const s = tally(rows);
    expect(s.person.ok).toBe(s.person.n);
    expect(s.smallTalk.ok).toBe(s.smallTalk.n);
    // No-answer questions: never a confident answer (a hedged «Возможно…» is allowed).
    expect(s.handoff.wrongConfident).toBeLessThanOrEqual(1);
  });

  it('answers agents from their own articles', () => {
    const agents = rows.filter((r) => r.item.audience === 'agent' && isAnswerable(r.item));
    expect(agents.length).toBeGreaterThan(0);
    expect(agents.filter((r) => r.verdict.top3).length / agents.length).toBeGreaterThanOrEqual(0.8);
  });
});
