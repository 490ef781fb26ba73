import { and, eq } from 'drizzle-orm';
import type { Locale } from '../../../common/errors';
import type { Executor } from '../../db/connection';
import { categories } from '../../db/schema';
import { isStopWord, rankArticles, stemWord, tokenize } from '../kb';

/** Below this a guess is not used: the letter goes to the mailbox's department (First line) uncategorised. */
export const ROUTE_MIN_CONFIDENCE = 0.5;
/** The share of the letter's words an article must match to count as evidence. */
const MIN_COVERAGE = 0.3;

export type RouteGuess = { categoryId: string; departmentId: string | null; confidence: number } | null;

/**
 * Words that say nothing about what a letter is about — greetings, courtesies, "question",
 * "problem" — dropped on top of the help-centre search's stop words.
 */
const LETTER_NOISE = new Set(
  (
    'здравствуйте добрый день вечер утро пожалуйста спасибо уважением можно могу ваш ваша ваше ваши ' +
    'какой почему также очень было были будет только вопрос проблема помогите помочь добрий доброго будь ласка дякую ' +
    'коли чому також дуже немає після питання допоможіть hello please thanks regards question problem'
  ).split(' '),
);

const isContentWord = (w: string) => w.length >= 4 && !LETTER_NOISE.has(w) && !isStopWord(w);

/**
 * The content stems of a letter, a leaf's name or hint, without repeats: the help centre's own
 * normalising and stemming (kb.text: ё = е, Russian and Ukrainian Snowball, fleeting vowels
 * folded), so "терминала" meets "Терминал" and "кошелёк" meets "кошелька"; words under 4 letters
 * and the letter's noise dropped.
 */
export function stems(text: string, locale: Locale = 'ru'): string[] {
  return [
    ...new Set(
      tokenize(text)
        .filter(isContentWord)
        .map((w) => stemWord(w, locale)),
    ),
  ];
}

/**
 * Guesses the category of a letter to a generic mailbox: its words against the help-centre search
 * (articles name the catalogue leaves they belong to, `categories.article_slugs`) and against the
 * leaves' own names and hints. Confidence 0..1 grows with the evidence and with the lead over the
 * runner-up; null when nothing matches.
 */
export async function guessCategory(
  db: Executor,
  input: { subject: string; text: string; locale: Locale; departmentId?: string | null },
): Promise<RouteGuess> {
  const letterStems = stems(`${input.subject}\n${input.subject}\n${input.text.slice(0, 4000)}`, input.locale);
  if (letterStems.length === 0) return null;
  const leaves = await db
    .select({
      id: categories.id,
      name: categories.name,
      hint: categories.hint,
      departmentId: categories.departmentId,
      articleSlugs: categories.articleSlugs,
    })
    .from(categories)
    .where(and(eq(categories.active, true), eq(categories.isLeaf, true), eq(categories.audience, 'customer')));
  const candidates = input.departmentId ? leaves.filter((l) => l.departmentId === input.departmentId) : leaves;
  const letterSet = new Set(letterStems);

  // Help-centre evidence: each article hit counts for the leaves that link it.
  const words = [...new Set(tokenize(`${input.subject} ${input.text.slice(0, 1500)}`).filter(isContentWord))].slice(0, 30);
  // One meaningful word ("перезвоните") is too little to pick a category by the help centre.
  const hits = words.length > 1 ? await rankArticles(db, { q: words.join(' '), locale: input.locale, limit: 5 }) : [];
  const topHit = hits[0]?.score ?? 0;

  const scored = candidates.map((leaf) => {
    const own = stems(`${leaf.name.ru} ${leaf.name.uk} ${leaf.name.en} ${leaf.hint.ru} ${leaf.hint.uk}`, input.locale);
    const nameStems = stems(`${leaf.name.ru} ${leaf.name.uk} ${leaf.name.en}`, input.locale);
    const matched = own.filter((s) => letterSet.has(s)).length + nameStems.filter((s) => letterSet.has(s)).length;
    const keyword = Math.min(1, matched / 4);
    let article = 0;
    hits.forEach((h, rank) => {
      if ((leaf.articleSlugs ?? []).includes(h.slug))
        // A hit on one word in five is no evidence (the consultant treats it the same way).
        if (h.coverage >= MIN_COVERAGE)
          article = Math.max(article, ((topHit > 0 ? h.score / topHit : 0) * h.coverage) / (1 + rank * 0.5));
    });
    return { leaf, score: 0.6 * keyword + 0.4 * article };
  });
  scored.sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best || best.score <= 0) return null;
  const lead = second ? (best.score - second.score) / best.score : 1;
  const confidence = Math.round(Math.min(1, best.score * (0.6 + 0.8 * lead)) * 100) / 100;
  return { categoryId: best.leaf.id, departmentId: best.leaf.departmentId, confidence };
}
