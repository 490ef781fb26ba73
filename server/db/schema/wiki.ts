import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { customers } from './auth';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The members' wiki (S4): pages written by customers, beside the official knowledge base. */
export const wikiPages = pgTable(
  'wiki_pages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    locale: text('locale').notNull().default('ru'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** The number of the current revision; an edit names the one it started from (409 when stale). */
    revision: integer('revision').notNull().default(1),
    locked: boolean('locked').notNull().default(false),
    lockReason: text('lock_reason'),
    lockedBy: uuid('locked_by'),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('wiki_pages_slug_uq').on(t.slug), index('wiki_pages_updated_idx').on(t.updatedAt)],
);

export const WIKI_REVISION_KINDS = ['create', 'edit', 'proposal', 'revert'] as const;
export type WikiRevisionKind = (typeof WIKI_REVISION_KINDS)[number];

/** Every saved state of a page: direct edits, accepted proposals, reverts. */
export const wikiRevisions = pgTable(
  'wiki_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pageId: uuid('page_id')
      .notNull()
      .references(() => wikiPages.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    kind: text('kind').$type<WikiRevisionKind>().notNull(),
    summary: text('summary').notNull().default(''),
    /** The member whose text it is (for a proposal: its author); null for staff edits. */
    authorCustomerId: uuid('author_customer_id').references(() => customers.id),
    /** The staff member who saved, accepted or reverted. */
    staffId: uuid('staff_id'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('wiki_revisions_page_number_uq').on(t.pageId, t.number),
    index('wiki_revisions_author_idx').on(t.authorCustomerId),
  ],
);

export const WIKI_PROPOSAL_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type WikiProposalStatus = (typeof WIKI_PROPOSAL_STATUSES)[number];

/** Edits proposed by members below the edit level, accepted or rejected by moderators. */
export const wikiProposals = pgTable(
  'wiki_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pageId: uuid('page_id')
      .notNull()
      .references(() => wikiPages.id, { onDelete: 'cascade' }),
    baseRevision: integer('base_revision').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    summary: text('summary').notNull().default(''),
    authorCustomerId: uuid('author_customer_id')
      .notNull()
      .references(() => customers.id),
    status: text('status').$type<WikiProposalStatus>().notNull().default('pending'),
    decidedBy: uuid('decided_by'),
    decidedAt: tz('decided_at'),
    reason: text('reason'),
    /** The revision an accepted proposal became. */
    revisionNumber: integer('revision_number'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('wiki_proposals_pending_idx')
      .on(t.createdAt)
      .where(sql`${t.status} = 'pending'`),
    index('wiki_proposals_author_idx').on(t.authorCustomerId, t.createdAt),
  ],
);

/** What the level computation needs beyond the customer row, and the admins' override. */
export const wikiMembers = pgTable(
  'wiki_members',
  {
    customerId: uuid('customer_id')
      .primaryKey()
      .references(() => customers.id),
    identityVerified: boolean('identity_verified').notNull().default(false),
    /** Moderation strikes (a rejected abusive proposal, a warning): any strike caps the level at 1. */
    strikes: integer('strikes').notNull().default(0),
    levelOverride: integer('level_override'),
    overrideReason: text('override_reason'),
    updatedBy: uuid('updated_by'),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [check('wiki_members_level_ck', sql`${t.levelOverride} IS NULL OR ${t.levelOverride} BETWEEN 0 AND 4`)],
);
