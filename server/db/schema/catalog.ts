import { PRIORITIES } from '../../../common/tickets';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { FormDef, L10n } from '../../../common/forms/types';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export { PRIORITIES };
export type Priority = (typeof PRIORITIES)[number];
export const AUDIENCES = ['customer', 'agent'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** First line, technical support, security service, terminal service, agent support (editable). */
export const departments = pgTable('departments', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: jsonb('name').$type<L10n>().notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: tz('created_at').notNull().defaultNow(),
});

/** Business calendars of SLA policies (server/modules/sla/calendar.ts). */
export const slaCalendars = pgTable('sla_calendars', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** BusinessCalendar: time zone, weekly hours, holidays, alwaysOpen. */
  definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const slaPolicies = pgTable('sla_policies', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: jsonb('name').$type<L10n>().notNull(),
  calendarId: uuid('calendar_id')
    .notNull()
    .references(() => slaCalendars.id),
  firstResponseMinutes: integer('first_response_minutes').notNull(),
  resolutionMinutes: integer('resolution_minutes').notNull(),
  /** Share of the target after which a request counts as "at risk". */
  atRiskPercent: integer('at_risk_percent').notNull().default(80),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

/** A tree of any depth; leaves carry a form, routing, priority and SLA. */
export const categories = pgTable(
  'categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id').references((): AnyPgColumn => categories.id),
    slug: text('slug').notNull(),
    name: jsonb('name').$type<L10n>().notNull(),
    hint: jsonb('hint').$type<L10n>().notNull(),
    audience: text('audience').$type<Audience>().notNull(),
    position: integer('position').notNull().default(0),
    active: boolean('active').notNull().default(true),
    isLeaf: boolean('is_leaf').notNull().default(false),
    departmentId: uuid('department_id').references(() => departments.id),
    priority: text('priority').$type<Priority>().notNull().default('normal'),
    slaPolicyId: uuid('sla_policy_id').references(() => slaPolicies.id),
    /** The form version new requests use; older versions stay for the requests filed with them. */
    currentFormId: uuid('current_form_id'),
    articleSlugs: text('article_slugs')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    deflections: integer('deflections').notNull().default(0),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('categories_slug_uq').on(t.slug), index('categories_parent_idx').on(t.parentId, t.position)],
);

/** Immutable form versions of a leaf. */
export const forms = pgTable(
  'forms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => categories.id),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<FormDef>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('forms_category_version_uq').on(t.categoryId, t.version)],
);

/** "This answered my question": which article ended the wizard at which leaf. */
export const deflections = pgTable(
  'deflections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => categories.id),
    articleSlug: text('article_slug'),
    query: text('query'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [index('deflections_category_idx').on(t.categoryId, t.createdAt)],
);
