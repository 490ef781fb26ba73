import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Settings admins edit in the console (branding, contacts, …): one JSON value per key, each
 * validated by its zod schema in common/settings.ts on write and on read (an unreadable
 * value falls back to the default instead of breaking the portal).
 */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});
