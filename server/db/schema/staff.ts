import { index, integer, pgTable, primaryKey, text, timestamp, uuid, boolean, jsonb } from 'drizzle-orm/pg-core';
import type { L10n } from '../../../common/forms/types';
import { staffUsers } from './auth';
import { categories, departments } from './catalog';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Who works in which department, at which tier (1–3). */
export const departmentMembers = pgTable(
  'department_members',
  {
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staffUsers.id),
    tier: integer('tier').notNull().default(1),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.departmentId, t.staffId] }), index('department_members_staff_idx').on(t.staffId)],
);

/** Ready answers of the first line: per category and/or department, with placeholders. */
export const cannedAnswers = pgTable(
  'canned_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    locale: text('locale').notNull().default('ru'),
    categoryId: uuid('category_id').references(() => categories.id),
    departmentId: uuid('department_id').references(() => departments.id),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by'),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('canned_answers_scope_idx').on(t.departmentId, t.categoryId)],
);

/** Resolution codes an operator picks when solving a request. */
export const resolutionCodes = pgTable('resolution_codes', {
  code: text('code').primaryKey(),
  name: jsonb('name').$type<L10n>().notNull(),
  active: boolean('active').notNull().default(true),
});
