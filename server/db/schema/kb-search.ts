import { bigint, bigserial, index, integer, pgTable, primaryKey, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { staffUsers } from './auth';
import { kbArticles } from './kb';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * The search index of the help centre: one row per article variant (kb_articles row), written
 * by the indexer (modules/kb/kb.search.ts) when an article is saved and by the start-up backfill.
 * `terms` lists the variant's stems (stemmed in the app: Ukrainian and Russian, fleeting vowels
 * folded) with their counts per field; every process loads the rows into its in-memory inverted
 * index (kb.memory.ts) and follows changes by `rev`, which every write takes anew from a sequence.
 */
export const kbSearchDocs = pgTable(
  'kb_search_docs',
  {
    articleId: uuid('article_id')
      .primaryKey()
      .references(() => kbArticles.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    locale: text('locale').notNull(),
    audience: text('audience').notNull(),
    /** The article's help-centre section (results are grouped by it). */
    section: text('section').notNull().default(''),
    published: integer('published').notNull().default(1),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    titleNorm: text('title_norm').notNull(),
    /** "stem:a:b:c" per distinct stem: occurrences in the title, the short answer + tags, the body. */
    terms: text('terms').notNull().default(''),
    /** The phrasings' stems, one phrasing after another, separated by "|" (each phrasing is matched on its own too). */
    phrasings: text('phrasings').notNull().default(''),
    /** Number of stems in the variant (rank normalisation). */
    length: integer('length').notNull().default(0),
    /** Revision: a new value from the sequence on every write; nodes re-read rows above the newest they hold. */
    rev: bigserial('rev', { mode: 'number' }).notNull(),
    indexedAt: tz('indexed_at').notNull().defaultNow(),
  },
  (t) => [index('kb_search_docs_rev_idx').on(t.rev)],
);

/**
 * One row: a counter every writer of the index, the lexicon or the synonyms bumps in its own
 * transaction, so each process's periodic "anything new?" check is one primary-key read.
 */
export const kbSearchState = pgTable('kb_search_state', {
  id: integer('id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});

/** Every normalised word of the indexed articles: typos in a query are corrected to the nearest one. */
export const kbSearchWords = pgTable('kb_search_words', {
  word: text('word').primaryKey(),
});

/** Words customers use for the same thing (киви / кошелёк, смс / sms); edited by admins. */
export const kbSynonyms = pgTable('kb_synonyms', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Two or more words or short phrases, normalised (lower case, ё = е). */
  terms: text('terms').array().notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

/** A conversation with the virtual consultant (no personal data: the questions only). */
export const botConversations = pgTable('bot_conversations', {
  id: uuid('id').primaryKey().defaultRandom(),
  locale: text('locale').notNull(),
  turns: integer('turns').notNull().default(0),
  startedAt: tz('started_at').notNull().defaultNow(),
  lastAt: tz('last_at').notNull().defaultNow(),
});

/** One question asked of the consultant and how it was answered; unanswered ones are counted for authors. */
export const botQuestions = pgTable(
  'bot_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => botConversations.id, { onDelete: 'cascade' }),
    locale: text('locale').notNull(),
    text: text('text').notNull(),
    /** Normalised text: questions are grouped by it in the authors' list. */
    normalized: text('normalized').notNull(),
    /** answered | unanswered | handoff | greeting | thanks */
    outcome: text('outcome').notNull(),
    topSlug: text('top_slug'),
    score: real('score'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('bot_questions_outcome_idx').on(t.outcome, t.normalized),
    index('bot_questions_conversation_idx').on(t.conversationId, t.createdAt),
  ],
);

export const BOT_TRIAGE_STATUSES = ['attached', 'needs_article'] as const;
export type BotTriageStatus = (typeof BOT_TRIAGE_STATUSES)[number];

/**
 * What an author decided about a group of unanswered questions (same normalised text and
 * language): attached to an article (a phrasing proposal was made) or marked as needing a new
 * article. The unanswered list shows the new groups first and these by status.
 */
export const botQuestionTriage = pgTable(
  'bot_question_triage',
  {
    locale: text('locale').notNull(),
    normalized: text('normalized').notNull(),
    status: text('status').$type<BotTriageStatus>().notNull(),
    slug: text('slug'),
    staffId: uuid('staff_id').references(() => staffUsers.id),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.locale, t.normalized] })],
);
