CREATE TABLE "incoming_mail" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mailbox_id" uuid NOT NULL,
	"source" text NOT NULL,
	"message_id" text NOT NULL,
	"raw_sealed" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"imap_uid" bigint,
	"state" text DEFAULT 'received' NOT NULL,
	"reason" text,
	"from_address" text,
	"subject" text,
	"text_body" text,
	"html_sanitized" text,
	"ticket_id" uuid,
	"ticket_message_id" uuid,
	"threaded_by" text,
	"other_sender" boolean DEFAULT false NOT NULL,
	"routed_category_id" uuid,
	"route_confidence" real,
	"refused_files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mailboxes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"address" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"department_id" uuid,
	"category_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"imap_host" text,
	"imap_port" integer,
	"imap_secure" boolean DEFAULT true NOT NULL,
	"imap_user" text,
	"imap_password_sealed" text,
	"imap_folder" text DEFAULT 'INBOX' NOT NULL,
	"imap_uid_validity" bigint,
	"imap_last_uid" bigint DEFAULT 0 NOT NULL,
	"imap_last_polled_at" timestamp with time zone,
	"imap_last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incoming_mail" ADD CONSTRAINT "incoming_mail_mailbox_id_mailboxes_id_fk" FOREIGN KEY ("mailbox_id") REFERENCES "public"."mailboxes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_mail" ADD CONSTRAINT "incoming_mail_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_mail" ADD CONSTRAINT "incoming_mail_ticket_message_id_ticket_messages_id_fk" FOREIGN KEY ("ticket_message_id") REFERENCES "public"."ticket_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_mail" ADD CONSTRAINT "incoming_mail_routed_category_id_categories_id_fk" FOREIGN KEY ("routed_category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailboxes" ADD CONSTRAINT "mailboxes_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailboxes" ADD CONSTRAINT "mailboxes_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "incoming_mail_mailbox_message_uq" ON "incoming_mail" USING btree ("mailbox_id","message_id");--> statement-breakpoint
CREATE INDEX "incoming_mail_message_id_idx" ON "incoming_mail" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "incoming_mail_ticket_idx" ON "incoming_mail" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "incoming_mail_received_idx" ON "incoming_mail" USING btree ("received_at") WHERE state = 'received';--> statement-breakpoint
CREATE UNIQUE INDEX "mailboxes_address_uq" ON "mailboxes" USING btree (lower("address"));