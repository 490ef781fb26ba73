/**
 * The virtual consultant: answers a question with a short guide from the best help article,
 * up to three links, the catalogue leaf to write to, or hands off to a person (the contact
 * wizard until live chat exists). Offline: search and patterns only. Every question is kept
 * (bot_questions) so authors see what it could not answer.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Locale } from '../../../common/errors';
import type { Database, Executor } from '../../db/connection';
import { rankArticles, type RankedHit } from '../kb/kb.search';
import { normalize, stems } from '../kb/kb.text';
import { asksForPerson, firstSentences, phrase, smallTalk, stripGreeting, withoutHandoffWords } from './bot.text';

export type BotCategory = { id: string; slug: string; name: string; url: string };
export type BotAnswer = {
  conversationId: string;
  answer: string;
  articles: Array<{ slug: string; title: string; url: string }>;
  category?: BotCategory;
  handoff: boolean;
  /** How the question was taken (recorded with it; the evaluation scores it). */
  outcome: Outcome;
};
export type Outcome = 'answered' | 'unanswered' | 'handoff' | 'greeting' | 'thanks';

/** The best article must match at least this share of the question's words to be offered as the answer. */
export const MIN_COVERAGE = 0.5;
export const MIN_SCORE = 1.2;

const articleUrl = (slug: string) => `/help/${encodeURIComponent(slug)}`;
const rows = <T>(r: unknown): T[] => (r as { rows: T[] }).rows;

type Leaf = {
  id: string;
  slug: string;
  name: Record<Locale, string>;
  path: string[];
  articleSlugs: string[];
  stems: Map<Locale, Set<string>>;
};
const leafCache = new WeakMap<object, { at: number; leaves: Leaf[] }>();

/** The customers' active catalogue leaves with their wizard paths (cached for 30 s per database). */
async function customerLeaves(db: Executor): Promise<Leaf[]> {
  const hit = leafCache.get(db);
  if (hit && Date.now() - hit.at < 30_000) return hit.leaves;
  const found = rows<{ id: string; slug: string; name: Record<Locale, string>; path: string[]; article_slugs: string[] }>(
    await db.execute(sql`
      WITH RECURSIVE tree AS (
        SELECT id, slug, name, is_leaf, active, article_slugs, ARRAY[slug] AS path, position
          FROM categories WHERE parent_id IS NULL AND audience = 'customer' AND active
        UNION ALL
        SELECT c.id, c.slug, c.name, c.is_leaf, c.active, c.article_slugs, tree.path || c.slug, c.position
          FROM categories c JOIN tree ON c.parent_id = tree.id WHERE c.active
      )
      SELECT id, slug, name, path, article_slugs FROM tree WHERE is_leaf ORDER BY path`),
  );
  const leaves = found.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    path: r.path,
    articleSlugs: r.article_slugs,
    stems: new Map((['ru', 'uk', 'en'] as const).map((l) => [l, new Set(stems(r.name[l] ?? '', l))])),
  }));
  leafCache.set(db, { at: Date.now(), leaves });
  return leaves;
}

const present = (leaf: Leaf, locale: Locale): BotCategory => ({
  id: leaf.id,
  slug: leaf.slug,
  name: leaf.name[locale] || leaf.name.ru,
  url: `/contact/${leaf.path.map(encodeURIComponent).join('/')}`,
});

/**
 * The leaf to write to: one that lists the best article (the leaf named like it first, then the
 * one listing it earliest), else the leaf whose name shares most of the question's words.
 */
export async function findCategory(
  db: Executor,
  question: string,
  locale: Locale,
  best: RankedHit | undefined,
): Promise<BotCategory | undefined> {
  const leaves = await customerLeaves(db);
  if (best) {
    const linked = leaves
      .filter((l) => l.articleSlugs.includes(best.slug))
      .sort(
        (a, b) =>
          Number(b.slug === best.slug) - Number(a.slug === best.slug) ||
          a.articleSlugs.indexOf(best.slug) - b.articleSlugs.indexOf(best.slug),
      );
    if (linked[0]) return present(linked[0], locale);
  }
  const words = [...new Set(stems(question, locale))];
  if (words.length === 0) return undefined;
  let top: { leaf: Leaf; share: number } | undefined;
  for (const leaf of leaves) {
    const names = leaf.stems.get(locale)!;
    const share = words.filter((w) => names.has(w)).length / words.length;
    if (share > (top?.share ?? 0)) top = { leaf, share };
  }
  return top && top.share >= 0.5 ? present(top.leaf, locale) : undefined;
}

type QuestionRow = {
  conversationId: string;
  locale: Locale;
  text: string;
  normalized: string;
  outcome: Outcome;
  topSlug: string | null;
  score: number | null;
  at: Date;
};

/**
 * Questions are written in batches: the answer does not wait for its row, and every FLUSH_MS
 * one statement stores what the process collected (new conversations, turns of continued ones,
 * the questions), so concurrent askers share a round trip — on PGlite's single connection that
 * is most of an answer's cost. A crash loses at most the last FLUSH_MS of rows (statistics of
 * unanswered questions, not anything a customer relies on); the unanswered list flushes first.
 */
const FLUSH_MS = 20;
const KNOWN_MAX = 50_000;

class QuestionLog {
  private pending: QuestionRow[] = [];
  /** Conversations opened since the last flush (id → locale, turns so far). */
  private opened = new Map<string, { locale: Locale; turns: number }>();
  /** Turns of conversations that already exist (or are in the batch being written). */
  private continued = new Map<string, number>();
  /** Conversation ids this process knows exist (or will, once flushed). */
  private known = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly db: Executor) {}

  /** The conversation to record under: a known id continues, an unknown or foreign id starts a new one. */
  async conversation(id: string | undefined, locale: Locale): Promise<string> {
    if (id && !this.known.has(id)) {
      const found = rows<{ id: string }>(await this.db.execute(sql`SELECT id FROM bot_conversations WHERE id = ${id}::uuid`));
      if (found.length > 0) this.remember(id);
    }
    if (id && this.known.has(id)) {
      const open = this.opened.get(id);
      if (open) open.turns += 1;
      else this.continued.set(id, (this.continued.get(id) ?? 0) + 1);
      return id;
    }
    const created = randomUUID();
    this.opened.set(created, { locale, turns: 1 });
    this.remember(created);
    return created;
  }

  private remember(id: string) {
    if (this.known.size >= KNOWN_MAX) this.known.clear();
    this.known.add(id);
  }

  add(row: QuestionRow): void {
    this.pending.push(row);
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush().catch(() => undefined), FLUSH_MS);
      this.timer.unref();
    }
  }

  /** Writes what was collected (one statement); resolves when everything added before the call is stored. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    const opened = this.opened;
    const continued = this.continued;
    this.pending = [];
    this.opened = new Map();
    this.continued = new Map();
    // One write at a time, in order; a failed batch (logged by the caller of flush, if any) does not stop the next.
    this.writing = this.writing.catch(() => undefined).then(() => write(this.db, batch, opened, continued));
    return this.writing;
  }
}

async function write(
  db: Executor,
  batch: QuestionRow[],
  opened: Map<string, { locale: Locale; turns: number }>,
  continued: Map<string, number>,
): Promise<void> {
  if (batch.length === 0 && continued.size === 0) return;
  const arr = (xs: Array<string | number | null>) => sql.param(xs);
  const newIds = [...opened.keys()];
  await db.execute(sql`
    WITH opened AS (
      INSERT INTO bot_conversations (id, locale, turns)
      SELECT * FROM unnest(${arr(newIds)}::uuid[], ${arr(newIds.map((id) => opened.get(id)!.locale))}::text[],
                           ${arr(newIds.map((id) => opened.get(id)!.turns))}::int[])
      RETURNING id
    ), continued AS (
      UPDATE bot_conversations c SET turns = c.turns + t.n, last_at = now()
        FROM unnest(${arr([...continued.keys()])}::uuid[], ${arr([...continued.values()])}::int[]) AS t(id, n)
       WHERE c.id = t.id
      RETURNING c.id
    )
    INSERT INTO bot_questions (conversation_id, locale, text, normalized, outcome, top_slug, score, created_at)
    SELECT * FROM unnest(${arr(batch.map((r) => r.conversationId))}::uuid[], ${arr(batch.map((r) => r.locale))}::text[],
                         ${arr(batch.map((r) => r.text))}::text[], ${arr(batch.map((r) => r.normalized))}::text[],
                         ${arr(batch.map((r) => r.outcome))}::text[], ${arr(batch.map((r) => r.topSlug))}::text[],
                         ${arr(batch.map((r) => r.score))}::real[], ${arr(batch.map((r) => r.at.toISOString()))}::timestamptz[])`);
}

const logs = new WeakMap<object, QuestionLog>();
function questionLog(db: Executor): QuestionLog {
  let log = logs.get(db);
  if (!log) logs.set(db, (log = new QuestionLog(db)));
  return log;
}

/** Stores the questions collected so far (the unanswered list and tests read them right after). */
export async function flushQuestions(db: Executor): Promise<void> {
  await logs.get(db)?.flush();
}

/** Answers one question and records it. */
export async function ask(db: Database, input: { text: string; locale: Locale; conversationId?: string }): Promise<BotAnswer> {
  const { locale } = input;
  const text = input.text.trim();
  const talk = smallTalk(text);
  let outcome: Outcome;
  let reply: Omit<BotAnswer, 'conversationId' | 'outcome'>;
  let best: RankedHit | undefined;

  if (talk) {
    outcome = talk;
    reply = { answer: phrase(locale, talk), articles: [], handoff: false };
  } else {
    const question = stripGreeting(text);
    const person = asksForPerson(question);
    const topic = person ? withoutHandoffWords(question) : question;
    const hits = await rankArticles(db, { q: topic, locale, limit: 3, audience: 'customer' });
    best = hits[0];
    const good = best !== undefined && best.coverage >= MIN_COVERAGE && best.score >= MIN_SCORE;
    const category = await findCategory(db, topic, locale, good ? best : undefined);
    const articles = good
      ? hits.filter((h) => h.coverage >= MIN_COVERAGE / 2).map((h) => ({ slug: h.slug, title: h.title, url: articleUrl(h.slug) }))
      : [];
    if (person || !good) {
      outcome = person ? 'handoff' : 'unanswered';
      const lead = person ? '' : `${phrase(locale, 'unknown')} `;
      const handoffText = category ? phrase(locale, 'handoffCategory', { category: category.name }) : phrase(locale, 'handoff');
      reply = {
        answer: person ? handoffText : `${lead}${handoffText}`.trim(),
        articles,
        ...(category ? { category } : {}),
        handoff: true,
      };
    } else {
      outcome = 'answered';
      const guide = firstSentences(best!.summary);
      const tail = articles.length > 1 ? ` ${phrase(locale, 'moreLinks')}` : '';
      const hint = category ? ` ${phrase(locale, 'categoryHint', { category: category.name })}` : '';
      reply = { answer: `${guide}${tail}${hint}`, articles, ...(category ? { category } : {}), handoff: false };
    }
  }

  const log = questionLog(db);
  const conversationId = await log.conversation(input.conversationId, locale);
  log.add({
    conversationId,
    locale,
    text: text.slice(0, 500),
    normalized: normalize(text).slice(0, 200),
    outcome,
    topSlug: best?.slug ?? null,
    score: best ? best.score : null,
    at: new Date(),
  });
  return { conversationId, ...reply, outcome };
}

export type UnansweredRow = { question: string; locale: string; count: number; lastAskedAt: string; topSlug: string | null };

/**
 * Questions the consultant could not answer, grouped by their normalised text, most asked first
 * (keyset-free: a page of `limit` with an offset; the groups are few).
 */
export async function listUnanswered(
  db: Executor,
  options: { locale?: Locale; days: number; limit: number; offset: number },
): Promise<{ items: UnansweredRow[]; total: number }> {
  await flushQuestions(db);
  const localeFilter = options.locale ? sql`AND locale = ${options.locale}` : sql``;
  const found = rows<{
    question: string;
    locale: string;
    count: number;
    last_asked_at: Date | string;
    top_slug: string | null;
    total: number;
  }>(
    await db.execute(sql`
      SELECT min(text) AS question, locale, count(*)::int AS count, max(created_at) AS last_asked_at,
             mode() WITHIN GROUP (ORDER BY top_slug) AS top_slug, count(*) OVER ()::int AS total
        FROM bot_questions
       WHERE outcome = 'unanswered' AND created_at > now() - make_interval(days => ${options.days}) ${localeFilter}
       GROUP BY normalized, locale
       ORDER BY count DESC, max(created_at) DESC, normalized
       LIMIT ${options.limit} OFFSET ${options.offset}`),
  );
  return {
    items: found.map((r) => ({
      question: r.question,
      locale: r.locale,
      count: Number(r.count),
      lastAskedAt: new Date(r.last_asked_at).toISOString(),
      topSlug: r.top_slug,
    })),
    total: Number(found[0]?.total ?? 0),
  };
}
