/**
 * The consultant's evaluation set: questions written the way wallet and terminal customers
 * write (Russian and Ukrainian, colloquial, typos, mostly without the article's title words),
 * each with the article(s) that answer it, or the outcome expected instead (a hand-off when no
 * article answers, a person asked for, a greeting, thanks). `dev.jsonl` is for tuning;
 * `test.jsonl` is frozen (its SHA-256 is in FROZEN; see README.md) and only measured.
 * Scoring is pure: `score()` takes what the consultant said and the expectation.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export type EvalPart = 'dev' | 'test';
export type Special = 'handoff' | 'person' | 'greeting' | 'thanks';

const item = z.object({
  id: z.string().regex(/^(dev|test)-(ru|uk)-\d{3}$/),
  locale: z.enum(['ru', 'uk']),
  /** Whose consultant: the customers' (default) or the agents' section. */
  audience: z.enum(['customer', 'agent']).default('customer'),
  /** Slugs that answer it (any of them is right), or what the consultant should do instead. */
  expect: z.union([z.array(z.string().min(1)).min(1), z.enum(['handoff', 'person', 'greeting', 'thanks'])]),
  text: z.string().min(1).max(500),
});
export type EvalItem = z.infer<typeof item>;

const dir = fileURLToPath(new URL('.', import.meta.url));
export const partFile = (part: EvalPart) => `${dir}${part}.jsonl`;

/** The raw bytes' SHA-256 of a part (the frozen test part's is recorded in FROZEN). */
export function partHash(part: EvalPart): string {
  return createHash('sha256')
    .update(readFileSync(partFile(part)))
    .digest('hex');
}

/** The hash recorded when the test part was frozen. */
export function frozenHash(): string {
  const line = readFileSync(`${dir}FROZEN`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('sha256 '));
  if (!line) throw new Error('FROZEN has no sha256 line');
  return line.slice('sha256 '.length).trim();
}

/** The questions of a part, checked. */
export function loadPart(part: EvalPart): EvalItem[] {
  return readFileSync(partFile(part), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const parsed = item.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${part}.jsonl line ${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

export const isAnswerable = (x: EvalItem): x is EvalItem & { expect: string[] } => Array.isArray(x.expect);

/** What the consultant said, reduced to what is scored. */
export type Said = {
  /** Article slugs offered, best first. */
  slugs: string[];
  /** 'high': answered; 'low': offered as «Возможно, подойдёт…»; 'none': no article. */
  confidence: 'high' | 'low' | 'none';
  handoff: boolean;
  outcome: string;
};

export type Verdict = {
  top1: boolean;
  top3: boolean;
  /** An answerable question left without any article. */
  noAnswer: boolean;
  /** Answered with confidence, and wrong (the top article is not an expected one, or there is none to expect). */
  wrongConfident: boolean;
  /** For hand-off, person, greeting and thanks questions: the consultant did what was expected. */
  ok: boolean;
};

/** Scores one answer against its expectation. */
export function score(x: EvalItem, said: Said): Verdict {
  if (isAnswerable(x)) {
    const top1 = said.slugs[0] !== undefined && x.expect.includes(said.slugs[0]);
    const top3 = said.slugs.slice(0, 3).some((s) => x.expect.includes(s));
    return {
      top1,
      top3,
      noAnswer: said.slugs.length === 0,
      wrongConfident: said.confidence === 'high' && !top1,
      ok: top3,
    };
  }
  const confident = said.confidence === 'high' && said.slugs.length > 0;
  const ok =
    x.expect === 'handoff'
      ? said.handoff && !confident
      : x.expect === 'person'
        ? said.handoff
        : said.outcome === x.expect && said.slugs.length === 0;
  return { top1: false, top3: false, noAnswer: false, wrongConfident: x.expect === 'handoff' && confident, ok };
}

export type Tally = {
  answerable: number;
  top1: number;
  top3: number;
  noAnswer: number;
  wrongConfident: number;
  low: number;
  handoff: { n: number; ok: number; wrongConfident: number };
  person: { n: number; ok: number };
  smallTalk: { n: number; ok: number };
};

const emptyTally = (): Tally => ({
  answerable: 0,
  top1: 0,
  top3: 0,
  noAnswer: 0,
  wrongConfident: 0,
  low: 0,
  handoff: { n: 0, ok: 0, wrongConfident: 0 },
  person: { n: 0, ok: 0 },
  smallTalk: { n: 0, ok: 0 },
});

/** Sums verdicts (of one language, one article or all). */
export function tally(rows: Array<{ item: EvalItem; said: Said; verdict: Verdict }>): Tally {
  const t = emptyTally();
  for (const { item: x, said, verdict: v } of rows) {
    if (isAnswerable(x)) {
      t.answerable += 1;
      t.top1 += Number(v.top1);
      t.top3 += Number(v.top3);
      t.noAnswer += Number(v.noAnswer);
      t.wrongConfident += Number(v.wrongConfident);
      t.low += Number(said.confidence === 'low');
    } else if (x.expect === 'handoff') {
      t.handoff.n += 1;
      t.handoff.ok += Number(v.ok);
      t.handoff.wrongConfident += Number(v.wrongConfident);
    } else if (x.expect === 'person') {
      t.person.n += 1;
      t.person.ok += Number(v.ok);
    } else {
      t.smallTalk.n += 1;
      t.smallTalk.ok += Number(v.ok);
    }
  }
  return t;
}

export const rate = (k: number, n: number) => (n === 0 ? 0 : k / n);
