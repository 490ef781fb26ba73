import { check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const NOTICE_SEVERITIES = ['info', 'maintenance', 'outage', 'critical'] as const;
export type NoticeSeverity = (typeof NOTICE_SEVERITIES)[number];
export const NOTICE_AUDIENCES = ['customer', 'agent', 'all'] as const;
export type NoticeAudience = (typeof NOTICE_AUDIENCES)[number];
export type NoticeText = { ru: string; uk: string; en: string };

/**
 * Maintenance and outage notices (S0). Active while `starts_at <= now < ends_at`; a null end is an
 * open-ended outage, active until staff set its end.
 */
export const notices = pgTable(
  'notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    severity: text('severity').$type<NoticeSeverity>().notNull(),
    audience: text('audience').$type<NoticeAudience>().notNull().default('all'),
    startsAt: tz('starts_at').notNull(),
    endsAt: tz('ends_at'),
    title: jsonb('title').$type<NoticeText>().notNull(),
    body: jsonb('body').$type<NoticeText>().notNull(),
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('notices_window_idx').on(t.startsAt, t.endsAt),
    check('notices_window_ck', sql`${t.endsAt} IS NULL OR ${t.endsAt} > ${t.startsAt}`),
  ],
);
