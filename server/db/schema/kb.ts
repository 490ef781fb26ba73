import { sql } from 'drizzle-orm';
import { customType, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const KB_AUDIENCES = ['customer', 'agent', 'all'] as const;
export type KbAudience = (typeof KB_AUDIENCES)[number];
export const KB_STATUSES = ['draft', 'published'] as const;
export type KbStatus = (typeof KB_STATUSES)[number];

/**
 * Help-centre articles, one row per language variant of a slug (section, audience and linked
 * categories are the article's and kept equal across its variants). Every save of a variant is
 * a revision (kb-authoring.ts); `revision` is the current number, for optimistic concurrency.
 * Search uses the generated Russian tsvector and trigrams.
 */
export const kbArticles = pgTable(
  'kb_articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    locale: text('locale').notNull(),
    section: text('section').notNull(),
    audience: text('audience').$type<KbAudience>().notNull().default('all'),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /**
     * "How customers ask": questions in this variant's language, in customers' own words, that
     * this article answers. Indexed with the article (each phrasing also on its own) for search
     * and the consultant; authored in the console's editor, or accepted from the consultant's
     * unanswered questions (kb_phrasing_proposals).
     */
    phrasings: text('phrasings')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Catalogue slugs this article answers: "Didn't help? Write to us" opens the first. */
    categories: text('categories')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: text('status').$type<KbStatus>().notNull().default('published'),
    revision: integer('revision').notNull().default(0),
    viewCount: integer('view_count').notNull().default(0),
    helpfulYes: integer('helpful_yes').notNull().default(0),
    helpfulNo: integer('helpful_no').notNull().default(0),
    publishedAt: tz('published_at'),
    updatedBy: uuid('updated_by'),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector('russian', coalesce(title, '')), 'A') || setweight(to_tsvector('russian', coalesce(summary, '')), 'B') || setweight(to_tsvector('russian', coalesce(body, '')), 'C')`,
    ),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('kb_articles_slug_locale_uq').on(t.slug, t.locale),
    index('kb_articles_section_idx').on(t.section, t.locale),
    index('kb_articles_search_idx').using('gin', t.searchVector),
    index('kb_articles_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
  ],
);
