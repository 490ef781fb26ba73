/**
 * The consultant's records: every question asked (written in batches) and the unanswered ones
 * grouped for authors, with what authors decided about them (bot_question_triage).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Locale } from '../../../common/errors';
import type { Executor } from '../../db/connection';
import { asLocale } from '../../platform/locale';

/** 'unsure': offered with low confidence (counted with the unanswered for authors). */
export type Outcome = 'answered' | 'unsure' | 'unanswered' | 'handoff' | 'greeting' | 'thanks';
const rows = <T>(r: unknown): T[] => (r as { rows: T[] }).rows;

export type QuestionRow = {
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
export function questionLog(db: Executor): QuestionLog {
  let log = logs.get(db);
  if (!log) logs.set(db, (log = new QuestionLog(db)));
  return log;
}

/** Stores the questions collected so far (the unanswered list and tests read them right after). */
export async function flushQuestions(db: Executor): Promise<void> {
  await logs.get(db)?.flush();
}

export type TriageStatus = 'new' | 'attached' | 'needs_article';
export type UnansweredRow = {
  question: string;
  locale: Locale;
  /** The group's key (normalised text): what attach / needs-article name. */
  normalized: string;
  count: number;
  lastAskedAt: string;
  topSlug: string | null;
  status: TriageStatus;
  /** The article it was attached to. */
  slug: string | null;
};

/**
 * Questions the consultant could not answer — handed off for want of an article, or offered only
 * with low confidence — grouped by their normalised text, most asked first, with what authors
 * decided about each group (`status`: new, attached to an article, needs a new article).
 */
export async function listUnanswered(
  db: Executor,
  options: { locale?: Locale; days: number; limit: number; offset: number; status?: TriageStatus },
): Promise<{ items: UnansweredRow[]; total: number }> {
  await flushQuestions(db);
  const localeFilter = options.locale ? sql`AND q.locale = ${options.locale}` : sql``;
  const statusFilter =
    options.status === undefined
      ? sql``
      : options.status === 'new'
        ? sql`AND t.status IS NULL`
        : sql`AND t.status = ${options.status}`;
  const found = rows<{
    question: string;
    locale: string;
    normalized: string;
    count: number;
    last_asked_at: Date | string;
    top_slug: string | null;
    status: string | null;
    slug: string | null;
    total: number;
  }>(
    await db.execute(sql`
      SELECT min(q.text) AS question, q.locale, q.normalized, count(*)::int AS count, max(q.created_at) AS last_asked_at,
             mode() WITHIN GROUP (ORDER BY q.top_slug) AS top_slug, min(t.status) AS status, min(t.slug) AS slug,
             count(*) OVER ()::int AS total
        FROM bot_questions q
        LEFT JOIN bot_question_triage t ON t.locale = q.locale AND t.normalized = q.normalized
       WHERE q.outcome IN ('unanswered', 'unsure') AND q.created_at > now() - make_interval(days => ${options.days})
             ${localeFilter} ${statusFilter}
       GROUP BY q.normalized, q.locale
       ORDER BY count DESC, max(q.created_at) DESC, q.normalized
       LIMIT ${options.limit} OFFSET ${options.offset}`),
  );
  return {
    items: found.map((r) => ({
      question: r.question,
      locale: asLocale(r.locale),
      normalized: r.normalized,
      count: Number(r.count),
      lastAskedAt: new Date(r.last_asked_at).toISOString(),
      topSlug: r.top_slug,
      status: (r.status ?? 'new') as TriageStatus,
      slug: r.slug,
    })),
    total: Number(found[0]?.total ?? 0),
  };
}

/** Unanswered (and low-confidence) questions per week (weeks starting Monday, UTC), the last `weeks` weeks, oldest first. */
export async function unansweredPerWeek(
  db: Executor,
  weeks: number,
  locale?: Locale,
): Promise<Array<{ week: string; count: number }>> {
  await flushQuestions(db);
  const localeFilter = locale ? sql`AND locale = ${locale}` : sql``;
  const found = rows<{ week: string; count: number }>(
    await db.execute(sql`
      WITH w AS (
        SELECT generate_series(date_trunc('week', now() AT TIME ZONE 'UTC') - make_interval(weeks => ${weeks - 1}),
                               date_trunc('week', now() AT TIME ZONE 'UTC'), interval '1 week') AS week
      )
      SELECT to_char(w.week, 'YYYY-MM-DD') AS week,
             (SELECT count(*) FROM bot_questions q
               WHERE q.outcome IN ('unanswered', 'unsure') ${localeFilter}
                 AND q.created_at >= w.week AT TIME ZONE 'UTC' AND q.created_at < (w.week + interval '1 week') AT TIME ZONE 'UTC')::int AS count
        FROM w ORDER BY w.week`),
  );
  return found.map((r) => ({ week: r.week, count: Number(r.count) }));
}

/** A group's question as customers asked it (the most recent wording) and how often; null when there is none. */
export async function questionGroup(
  db: Executor,
  locale: Locale,
  normalized: string,
): Promise<{ text: string; count: number } | null> {
  await flushQuestions(db);
  const [found] = rows<{ text: string; count: number }>(
    await db.execute(sql`
      SELECT (array_agg(text ORDER BY created_at DESC))[1] AS text, count(*)::int AS count
        FROM bot_questions WHERE locale = ${locale} AND normalized = ${normalized}
       HAVING count(*) > 0`),
  );
  return found ? { text: found.text, count: Number(found.count) } : null;
}

/** Records what an author decided about a group (one row per group; a later decision replaces it). */
export async function setTriage(
  db: Executor,
  row: { locale: Locale; normalized: string; status: 'attached' | 'needs_article'; slug: string | null; staffId: string },
): Promise<void> {
  await db.execute(sql`
    INSERT INTO bot_question_triage (locale, normalized, status, slug, staff_id, at)
    VALUES (${row.locale}, ${row.normalized}, ${row.status}, ${row.slug}, ${row.staffId}, now())
    ON CONFLICT (locale, normalized) DO UPDATE SET status = excluded.status, slug = excluded.slug,
      staff_id = excluded.staff_id, at = now()`);
}
