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
    phrasings: text('phrasings')
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

export const KB_PHRASING_PROPOSAL_STATUSES = ['proposed', 'accepted', 'rejected'] as const;
export type KbPhrasingProposalStatus = (typeof KB_PHRASING_PROPOSAL_STATUSES)[number];

/**
 * A customer's question proposed as a phrasing of an article (from the consultant's unanswered
 * list, in one click): an author of the article accepts it (it joins the variant's phrasings as a
 * new revision) or rejects it. One proposal per article, language and text.
 */
export const kbPhrasingProposals = pgTable(
  'kb_phrasing_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    locale: text('locale').notNull(),
    text: text('text').notNull(),
    status: text('status').$type<KbPhrasingProposalStatus>().notNull().default('proposed'),
    /** How often customers asked it (the unanswered group's count when proposed). */
    asked: integer('asked').notNull().default(1),
    proposedBy: uuid('proposed_by').references(() => staffUsers.id),
    proposedAt: tz('proposed_at').notNull().defaultNow(),
    reviewedBy: uuid('reviewed_by').references(() => staffUsers.id),
    reviewedAt: tz('reviewed_at'),
  },
  (t) => [
    uniqueIndex('kb_phrasing_proposals_uq').on(t.slug, t.locale, t.text),
    index('kb_phrasing_proposals_status_idx').on(t.status, t.slug),
  ],
);
