import { sql } from 'drizzle-orm';
import { customType, index, integer, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { kbArticles } from './kb';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The search index of the help centre: one row per article variant (kb_articles row), written
 * by the indexer (modules/kb/kb.search.ts) when an article is saved and by the start-up backfill.
 * Two vectors: PostgreSQL's `russian` stemming, and words stemmed in the app (Ukrainian and
 * Russian, with fleeting vowels folded) stored as a `simple` vector; `title_norm` (ё = е,
 * lower case) carries the trigram index for typos and partial words.
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
    published: integer('published').notNull().default(1),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    titleNorm: text('title_norm').notNull(),
    ruVector: tsvector('ru_vector').notNull(),
    stemVector: tsvector('stem_vector').notNull(),
    indexedAt: tz('indexed_at').notNull().defaultNow(),
  },
  (t) => [
    index('kb_search_docs_ru_idx').using('gin', t.ruVector),
    index('kb_search_docs_stem_idx').using('gin', t.stemVector),
    index('kb_search_docs_title_trgm_idx').using('gin', sql`${t.titleNorm} gin_trgm_ops`),
  ],
);

/** Every normalised word of the indexed articles: typos in a query are corrected to the nearest one. */
export const kbSearchWords = pgTable(
  'kb_search_words',
  {
    word: text('word').primaryKey(),
  },
  (t) => [index('kb_search_words_trgm_idx').using('gin', sql`${t.word} gin_trgm_ops`)],
);

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
