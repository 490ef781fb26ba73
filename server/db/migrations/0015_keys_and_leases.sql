CREATE TABLE "process_instances" (
	"instance" text PRIMARY KEY NOT NULL,
	"node" text NOT NULL,
	"pid" integer NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secret_keys" (
	"key_id" text PRIMARY KEY NOT NULL,
	"check" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "outbox_events" ADD COLUMN "claimed_by" text;