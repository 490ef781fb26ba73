CREATE TABLE "kb_phrasing_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"locale" text NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"asked" integer DEFAULT 1 NOT NULL,
	"proposed_by" uuid,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "bot_question_triage" (
	"locale" text NOT NULL,
	"normalized" text NOT NULL,
	"status" text NOT NULL,
	"slug" text,
	"staff_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bot_question_triage_locale_normalized_pk" PRIMARY KEY("locale","normalized")
);
--> statement-breakpoint
ALTER TABLE "kb_articles" ADD COLUMN "phrasings" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "kb_article_revisions" ADD COLUMN "phrasings" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "kb_search_docs" ADD COLUMN "section" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "kb_search_docs" ADD COLUMN "phrasings" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "kb_phrasing_proposals" ADD CONSTRAINT "kb_phrasing_proposals_proposed_by_staff_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_phrasing_proposals" ADD CONSTRAINT "kb_phrasing_proposals_reviewed_by_staff_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_question_triage" ADD CONSTRAINT "bot_question_triage_staff_id_staff_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kb_phrasing_proposals_uq" ON "kb_phrasing_proposals" USING btree ("slug","locale","text");--> statement-breakpoint
CREATE INDEX "kb_phrasing_proposals_status_idx" ON "kb_phrasing_proposals" USING btree ("status","slug");--> statement-breakpoint
-- Hand-written: every variant is indexed again, with its section and phrasings, by the start-up backfill (indexMissing).
DELETE FROM "kb_search_docs";