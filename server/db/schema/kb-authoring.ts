import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { L10n } from '../../../common/forms/types';
import { customers, staffUsers } from './auth';
import { kbArticles } from './kb';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The help centre's sections: a tree by slug (articles name their section's slug). */
export const kbSections = pgTable(
  'kb_sections',
  {
    slug: text('slug').primaryKey(),
    parentSlug: text('parent_slug').references((): AnyPgColumn => kbSections.slug),
    name: jsonb('name').$type<L10n>().notNull(),
    position: integer('position').notNull().default(0),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [index('kb_sections_parent_idx').on(t.parentSlug, t.position)],
);

export const KB_REVISION_ACTIONS = ['seed', 'create', 'edit', 'revert'] as const;
export type KbRevisionAction = (typeof KB_REVISION_ACTIONS)[number];

/** Every save of a variant: the full text as it was saved (diffs are computed between two of them). */
export const kbArticleRevisions = pgTable(
  'kb_article_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => kbArticles.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    action: text('action').$type<KbRevisionAction>().notNull(),
    /** For a revert: the revision whose text was restored. */
    revertedFrom: integer('reverted_from'),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    note: text('note'),
    authorId: uuid('author_id').references(() => staffUsers.id),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('kb_article_revisions_uq').on(t.articleId, t.number)],
);

/** A lock on an article (all its variants): only the locker or an admin may edit it. */
export const kbArticleLocks = pgTable('kb_article_locks', {
  slug: text('slug').primaryKey(),
  staffId: uuid('staff_id')
    .notNull()
    .references(() => staffUsers.id),
  lockedAt: tz('locked_at').notNull().defaultNow(),
});

/** Who was counted viewing a variant recently (a hashed visitor/IP key), to count each once per window. */
export const kbViewMarks = pgTable(
  'kb_view_marks',
  {
    articleId: uuid('article_id')
      .notNull()
      .references(() => kbArticles.id, { onDelete: 'cascade' }),
    viewerKey: text('viewer_key').notNull(),
    countedAt: tz('counted_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.viewerKey] }), index('kb_view_marks_counted_idx').on(t.countedAt)],
);

/** "Was this helpful?": one vote per visitor (or signed-in customer) per variant, changeable. */
export const kbVotes = pgTable(
  'kb_votes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => kbArticles.id, { onDelete: 'cascade' }),
    voterKey: text('voter_key').notNull(),
    customerId: uuid('customer_id').references(() => customers.id),
    helpful: boolean('helpful').notNull(),
    comment: text('comment'),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('kb_votes_voter_uq').on(t.articleId, t.voterKey),
    index('kb_votes_unhelpful_idx').on(t.helpful, t.updatedAt),
  ],
);
