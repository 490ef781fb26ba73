CREATE TABLE "kb_article_locks" (
	"slug" text PRIMARY KEY NOT NULL,
	"staff_id" uuid NOT NULL,
	"locked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_article_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"article_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"action" text NOT NULL,
	"reverted_from" integer,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_sections" (
	"slug" text PRIMARY KEY NOT NULL,
	"parent_slug" text,
	"name" jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_view_marks" (
	"article_id" uuid NOT NULL,
	"viewer_key" text NOT NULL,
	"counted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kb_view_marks_article_id_viewer_key_pk" PRIMARY KEY("article_id","viewer_key")
);
--> statement-breakpoint
CREATE TABLE "kb_votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"article_id" uuid NOT NULL,
	"voter_key" text NOT NULL,
	"customer_id" uuid,
	"helpful" boolean NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kb_articles" ADD COLUMN "categories" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "kb_articles" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kb_articles" ADD COLUMN "view_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kb_articles" ADD COLUMN "helpful_yes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kb_articles" ADD COLUMN "helpful_no" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kb_articles" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "kb_articles" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "kb_article_locks" ADD CONSTRAINT "kb_article_locks_staff_id_staff_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_article_revisions" ADD CONSTRAINT "kb_article_revisions_article_id_kb_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."kb_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_article_revisions" ADD CONSTRAINT "kb_article_revisions_author_id_staff_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_sections" ADD CONSTRAINT "kb_sections_parent_slug_kb_sections_slug_fk" FOREIGN KEY ("parent_slug") REFERENCES "public"."kb_sections"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_view_marks" ADD CONSTRAINT "kb_view_marks_article_id_kb_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."kb_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_votes" ADD CONSTRAINT "kb_votes_article_id_kb_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."kb_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_votes" ADD CONSTRAINT "kb_votes_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kb_article_revisions_uq" ON "kb_article_revisions" USING btree ("article_id","number");--> statement-breakpoint
CREATE INDEX "kb_sections_parent_idx" ON "kb_sections" USING btree ("parent_slug","position");--> statement-breakpoint
CREATE INDEX "kb_view_marks_counted_idx" ON "kb_view_marks" USING btree ("counted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "kb_votes_voter_uq" ON "kb_votes" USING btree ("article_id","voter_key");--> statement-breakpoint
CREATE INDEX "kb_votes_unhelpful_idx" ON "kb_votes" USING btree ("helpful","updated_at");--> statement-breakpoint
CREATE INDEX "kb_articles_section_idx" ON "kb_articles" USING btree ("section","locale");