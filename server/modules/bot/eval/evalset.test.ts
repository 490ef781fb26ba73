import { describe, expect, it } from 'vitest';
import { CORE_ARTICLES as CORE, DEMO_ARTICLES } from '../../../seed/demo-articles';
import { normalize, stems } from '../../kb/kb.text';
import { frozenHash, isAnswerable, loadPart, partHash, score, type EvalItem } from './evalset';

const dev = loadPart('dev');
const test = loadPart('test');
const all = [...dev, ...test];
const articles = new Map(DEMO_ARTICLES.map((a) => [a.slug, a]));

describe('the evaluation set', () => {
  it('keeps its frozen test part unchanged and apart from the development part', () => {
    expect(partHash('test')).toBe(frozenHash());
    const devTexts = new Set(dev.map((x) => normalize(x.text)));
    expect(test.filter((x) => devTexts.has(normalize(x.text))).map((x) => x.id)).toEqual([]);
    expect(new Set(all.map((x) => x.id)).size).toBe(all.length);
    expect(dev.every((x) => x.id.startsWith('dev-')) && test.every((x) => x.id.startsWith('test-'))).toBe(true);
  });

  it('is not copied into the demo articles’ phrasings (the test part stays unseen)', () => {
    const testTexts = new Set(test.map((x) => normalize(x.text)));
    const copied = DEMO_ARTICLES.flatMap((a) =>
      Object.values(a.variants).flatMap((v) => (v?.phrasings ?? []).filter((p) => testTexts.has(normalize(p)))),
    );
    expect(copied).toEqual([]);
  });

  it('is large enough in both languages, with no-answer questions, requests for a person and small talk', () => {
    expect(all.length).toBeGreaterThanOrEqual(400);
    expect(all.filter((x) => x.locale === 'uk').length).toBeGreaterThanOrEqual(100);
    for (const kind of ['handoff', 'person', 'greeting', 'thanks'])
      for (const part of [dev, test]) expect(part.some((x) => x.expect === kind)).toBe(true);
  });

  it('asks about every demo article (five or more for each core one), only of articles its reader can see', () => {
    const count = new Map<string, number>();
    for (const x of all.filter(isAnswerable)) {
      for (const slug of x.expect) {
        const a = articles.get(slug);
        expect(a, `${x.id}: ${slug}`).toBeDefined();
        expect(a!.audience === 'all' || a!.audience === x.audience, `${x.id}: ${slug} for ${x.audience}`).toBe(true);
      }
      count.set(x.expect[0]!, (count.get(x.expect[0]!) ?? 0) + 1);
    }
    for (const a of DEMO_ARTICLES) expect(count.get(a.slug) ?? 0, a.slug).toBeGreaterThanOrEqual(CORE.includes(a.slug) ? 5 : 3);
  });

  it('mostly avoids the words of the answering article’s title', () => {
    const answerable = all.filter(isAnswerable);
    const without = answerable.filter((x) => {
      const a = articles.get(x.expect[0]!)!;
      const title = (a.variants[x.locale] ?? a.variants.ru).title;
      const titleStems = new Set(stems(title, x.locale));
      return !stems(x.text, x.locale).some((s) => titleStems.has(s));
    });
    expect(without.length / answerable.length).toBeGreaterThanOrEqual(0.5);
  });
});

describe('scoring', () => {
  const q = (expect: EvalItem['expect']): EvalItem => ({
    id: 'dev-ru-001',
    locale: 'ru',
    audience: 'customer',
    expect,
    text: 'x',
  });
  it('counts top-1, top-3, no answer and confident mistakes', () => {
    expect(score(q(['a']), { slugs: ['b', 'a'], confidence: 'high', handoff: false, outcome: 'answered' })).toEqual({
      top1: false,
      top3: true,
      noAnswer: false,
      wrongConfident: true,
      ok: true,
    });
    expect(score(q(['a']), { slugs: [], confidence: 'none', handoff: true, outcome: 'unanswered' })).toMatchObject({
      noAnswer: true,
      ok: false,
    });
    expect(score(q(['a']), { slugs: ['b'], confidence: 'low', handoff: false, outcome: 'answered' }).wrongConfident).toBe(false);
  });
  it('wants a hand-off without a confident article for a question no article answers', () => {
    expect(score(q('handoff'), { slugs: ['a'], confidence: 'high', handoff: false, outcome: 'answered' })).toMatchObject({
      ok: false,
      wrongConfident: true,
    });
    expect(score(q('handoff'), { slugs: [], confidence: 'none', handoff: true, outcome: 'unanswered' }).ok).toBe(true);
    expect(score(q('greeting'), { slugs: [], confidence: 'none', handoff: false, outcome: 'greeting' }).ok).toBe(true);
  });
});
