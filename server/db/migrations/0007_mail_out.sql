ALTER TABLE "customers" ADD COLUMN "answer_notices" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "outgoing_mail" ADD COLUMN "references_ids" text;--> statement-breakpoint
ALTER TABLE "outgoing_mail" ADD COLUMN "headers" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "outgoing_mail_list_idx" ON "outgoing_mail" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "outgoing_mail_status_idx" ON "outgoing_mail" USING btree ("status","created_at" DESC NULLS LAST);