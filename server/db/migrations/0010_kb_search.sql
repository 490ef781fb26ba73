CREATE TABLE "bot_conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locale" text NOT NULL,
	"turns" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bot_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conversation_id" uuid NOT NULL,
	"locale" text NOT NULL,
	"text" text NOT NULL,
	"normalized" text NOT NULL,
	"outcome" text NOT NULL,
	"top_slug" text,
	"score" real,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_search_docs" (
	"article_id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"locale" text NOT NULL,
	"audience" text NOT NULL,
	"published" integer DEFAULT 1 NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"title_norm" text NOT NULL,
	"ru_vector" "tsvector" NOT NULL,
	"stem_vector" "tsvector" NOT NULL,
	"indexed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_search_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_synonyms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"terms" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bot_questions" ADD CONSTRAINT "bot_questions_conversation_id_bot_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."bot_conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_search_docs" ADD CONSTRAINT "kb_search_docs_article_id_kb_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."kb_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bot_questions_outcome_idx" ON "bot_questions" USING btree ("outcome","normalized");--> statement-breakpoint
CREATE INDEX "bot_questions_conversation_idx" ON "bot_questions" USING btree ("conversation_id","created_at");--> statement-breakpoint
CREATE INDEX "kb_search_docs_ru_idx" ON "kb_search_docs" USING gin ("ru_vector");--> statement-breakpoint
CREATE INDEX "kb_search_docs_stem_idx" ON "kb_search_docs" USING gin ("stem_vector");--> statement-breakpoint
CREATE INDEX "kb_search_docs_title_trgm_idx" ON "kb_search_docs" USING gin ("title_norm" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "kb_search_words_trgm_idx" ON "kb_search_words" USING gin ("word" gin_trgm_ops);