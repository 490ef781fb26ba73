-- Hand-written: the index rows are rebuilt in the new form by the start-up backfill (indexMissing).
DELETE FROM "kb_search_docs";--> statement-breakpoint
CREATE TABLE "kb_search_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP INDEX "kb_search_docs_ru_idx";--> statement-breakpoint
DROP INDEX "kb_search_docs_stem_idx";--> statement-breakpoint
DROP INDEX "kb_search_docs_title_trgm_idx";--> statement-breakpoint
DROP INDEX "kb_search_words_trgm_idx";--> statement-breakpoint
ALTER TABLE "kb_search_docs" ADD COLUMN "terms" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "kb_search_docs" ADD COLUMN "length" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kb_search_docs" ADD COLUMN "rev" bigserial NOT NULL;--> statement-breakpoint
CREATE INDEX "kb_search_docs_rev_idx" ON "kb_search_docs" USING btree ("rev");--> statement-breakpoint
ALTER TABLE "kb_search_docs" DROP COLUMN "ru_vector";--> statement-breakpoint
ALTER TABLE "kb_search_docs" DROP COLUMN "stem_vector";--> statement-breakpoint
-- Hand-written: the single counter row.
INSERT INTO "kb_search_state" ("id", "version") VALUES (1, 0);