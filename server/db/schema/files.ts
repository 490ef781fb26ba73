import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, tz } from './columns';

/**
 * File contents kept in the database (FILE_STORAGE=database), one row per distinct content:
 * uploads of the same bytes share it (deduplicated by SHA-256). `sha256` is null while an upload
 * is still streaming in; `touched_at` is set by every upload that lands on it, so the sweep never
 * removes a content that an upload has just claimed. Owned by platform/files.
 */
export const fileContents = pgTable(
  'file_contents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sha256: text('sha256'),
    size: bigint('size', { mode: 'number' }).notNull().default(0),
    createdAt: tz('created_at').notNull().defaultNow(),
    touchedAt: tz('touched_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('file_contents_sha256_uq').on(t.sha256), index('file_contents_touched_idx').on(t.touchedAt)],
);

/** A content's bytes in 1 MiB pieces, in order: streamed in and out one piece at a time. */
export const fileChunks = pgTable(
  'file_chunks',
  {
    contentId: uuid('content_id')
      .notNull()
      .references(() => fileContents.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contentId, t.seq] })],
);

/**
 * Stored files by key (what `attachments.storage_key` names): each upload is its own row, pointing
 * at a shared content. A row no attachment refers to is removed by the sweep after a grace period.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    key: text('key').primaryKey(),
    contentId: uuid('content_id')
      .notNull()
      .references(() => fileContents.id),
    size: bigint('size', { mode: 'number' }).notNull(),
    contentType: text('content_type').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: tz('created_at')
      .notNull()
      .default(sql`now()`),
  },
  (t) => [index('stored_files_content_idx').on(t.contentId), index('stored_files_created_idx').on(t.createdAt)],
);
