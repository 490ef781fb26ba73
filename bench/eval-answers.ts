// The consultant on its evaluation set (server/modules/bot/eval): asks every question of a part
// through the consultant on a fresh database with the demo content (PGlite, or a database of its
// own on TEST_DATABASE_URL's server) and prints top-1, top-3, the no-answer rate and the
// wrong-confident rate per language and per article, then the failures.
//
// Run: npm run eval:answers [-- --part dev|test|all] [--reader uk|en] [--quiet] [--json FILE]
//   --part   which questions (default dev; test is the frozen part: measure it, do not tune on it)
//   --reader ask every question as a reader of that language (a Russian question typed with an
//            uk/en interface: the Russian fallback, docs/KB-SEARCH.md); rows stay by the question's language
//   --quiet  figures only, no list of failures
//   --json   also write every question's answer and verdict to FILE
import { writeFileSync } from 'node:fs';
import { LOCALES, type Locale } from '../common/errors';
import {
  frozenHash,
  isAnswerable,
  loadPart,
  partHash,
  rate,
  score,
  tally,
  type EvalItem,
  type EvalPart,
  type Said,
  type Tally,
  type Verdict,
} from '../server/modules/bot/eval/evalset';
import { consult } from '../server/modules/bot/eval/consult';
import { createTestContext } from '../server/test/app';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const partArg = option('part') ?? 'dev';
if (!['dev', 'test', 'all'].includes(partArg)) throw new Error(`--part dev|test|all, not ${partArg}`);
const parts: EvalPart[] = partArg === 'all' ? ['dev', 'test'] : [partArg as EvalPart];
const readerArg = option('reader');
if (readerArg !== undefined && !(LOCALES as readonly string[]).includes(readerArg))
  throw new Error(`--reader ${LOCALES.join('|')}, not ${readerArg}`);
const reader = readerArg as Locale | undefined;

const pct = (k: number, n: number) => (n === 0 ? '   —  ' : `${(100 * rate(k, n)).toFixed(1).padStart(5)}%`);

function line(label: string, t: Tally): string {
  return [
    label.padEnd(28),
    String(t.answerable).padStart(4),
    pct(t.top1, t.answerable),
    pct(t.top3, t.answerable),
    pct(t.noAnswer, t.answerable),
    pct(t.wrongConfident, t.answerable),
    pct(t.low, t.answerable),
    `${t.handoff.ok}/${t.handoff.n}`.padStart(7),
    `${t.person.ok}/${t.person.n}`.padStart(7),
    `${t.smallTalk.ok}/${t.smallTalk.n}`.padStart(7),
  ].join(' ');
}
const HEADER = [''.padEnd(28), '   n', ' top-1', ' top-3', 'no-ans', 'wrong!', '  low ', 'handoff', ' person', ' hi/thx'].join(
  ' ',
);

async function main() {
  const t = await createTestContext({ seed: true });
  try {
    const engine = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
    for (const part of parts) {
      const items = loadPart(part);
      const rows: Array<{ item: EvalItem; said: Said; verdict: Verdict }> = [];
      for (const item of items) {
        const said = await consult(t.ctx.db, item, reader ?? item.locale);
        rows.push({ item, said, verdict: score(item, said) });
      }
      const hash = partHash(part);
      const frozen = part === 'test' ? (hash === frozenHash() ? ' (frozen, hash matches)' : ' (HASH DIFFERS FROM FROZEN)') : '';
      const as = reader ? `, asked as a reader of ${reader}` : '';
      console.log(`\n== ${part}: ${items.length} questions${as}, ${engine}, sha256 ${hash.slice(0, 12)}${frozen}`);
      console.log(
        'top-1/top-3: an expected article first / in the first three; no-ans: answerable but no article;\n' +
          'wrong!: answered with confidence and the first article is wrong; low: offered with low confidence;\n' +
          'handoff: no-answer questions handed off without a confident article; person: asked for a person.\n',
      );
      console.log(HEADER);
      console.log(line('all', tally(rows)));
      for (const locale of ['ru', 'uk'] as const) console.log(line(locale, tally(rows.filter((r) => r.item.locale === locale))));
      console.log('\nper article');
      const slugs = [...new Set(rows.flatMap((r) => (isAnswerable(r.item) ? [r.item.expect[0]!] : [])))].sort();
      for (const slug of slugs)
        console.log(line(`  ${slug}`, tally(rows.filter((r) => isAnswerable(r.item) && r.item.expect[0] === slug))));
      const failures = rows.filter((r) => !r.verdict.ok || r.verdict.wrongConfident);
      console.log(`\nfailures: ${failures.length}`);
      if (!flag('quiet'))
        for (const { item, said } of failures) {
          const want = Array.isArray(item.expect) ? item.expect.join('|') : `<${item.expect}>`;
          const got = said.slugs.length ? said.slugs.join(', ') : `<${said.outcome}>`;
          console.log(
            `  ${item.id} «${item.text}» want ${want} · got ${got} [${said.confidence}${said.handoff ? ', handoff' : ''}]`,
          );
        }
      const out = option('json');
      if (out) writeFileSync(out.replace(/(\.json)?$/, `.${part}.json`), JSON.stringify(rows, null, 1));
    }
  } finally {
    await t.dispose();
  }
}

await main();
