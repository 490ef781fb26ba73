CREATE TABLE "demo_wallets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid,
	"wallet_number" text NOT NULL,
	"passport_sealed" text NOT NULL,
	"owner_name" text NOT NULL,
	"blocked" boolean DEFAULT false NOT NULL,
	"block_reason" text,
	"sms_confirmation_off" boolean DEFAULT false NOT NULL,
	"unknown_ip_login" boolean DEFAULT false NOT NULL,
	"card_withdrawals_bypassing" boolean DEFAULT false NOT NULL,
	"transfers_from_complained_account" boolean DEFAULT false NOT NULL,
	"weekly_limit_exceeded" boolean DEFAULT false NOT NULL,
	"balance_kopecks" text DEFAULT '0' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "demo_wallets_wallet_number_unique" UNIQUE("wallet_number")
);
--> statement-breakpoint
CREATE TABLE "canned_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"locale" text DEFAULT 'ru' NOT NULL,
	"category_id" uuid,
	"department_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "department_members" (
	"department_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"tier" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "department_members_department_id_staff_id_pk" PRIMARY KEY("department_id","staff_id")
);
--> statement-breakpoint
CREATE TABLE "resolution_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"name" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "tier" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "assignee_id" uuid;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "priority_customer" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "resolution_code" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "identification" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "identified_by" uuid;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "identified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "demo_wallets" ADD CONSTRAINT "demo_wallets_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canned_answers" ADD CONSTRAINT "canned_answers_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canned_answers" ADD CONSTRAINT "canned_answers_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "department_members" ADD CONSTRAINT "department_members_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "department_members" ADD CONSTRAINT "department_members_staff_id_staff_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "canned_answers_scope_idx" ON "canned_answers" USING btree ("department_id","category_id");--> statement-breakpoint
CREATE INDEX "department_members_staff_idx" ON "department_members" USING btree ("staff_id");--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_assignee_id_staff_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tickets_q_mine_idx" ON "tickets" USING btree ("assignee_id","priority_customer" DESC NULLS LAST,"resolution_due_at","id") WHERE status IN ('new', 'open', 'reopened', 'pending_customer');--> statement-breakpoint
CREATE INDEX "tickets_q_unassigned_idx" ON "tickets" USING btree ("department_id","priority_customer" DESC NULLS LAST,"resolution_due_at","id") WHERE assignee_id IS NULL AND status IN ('new', 'open', 'reopened');--> statement-breakpoint
CREATE INDEX "tickets_q_waiting_idx" ON "tickets" USING btree ("department_id","priority_customer" DESC NULLS LAST,"updated_at","id") WHERE status = 'pending_customer';--> statement-breakpoint
CREATE INDEX "tickets_q_all_idx" ON "tickets" USING btree ("priority_customer" DESC NULLS LAST,"resolution_due_at","id") WHERE status IN ('new', 'open', 'reopened', 'pending_customer');--> statement-breakpoint
CREATE INDEX "tickets_q_department_idx" ON "tickets" USING btree ("department_id","priority_customer" DESC NULLS LAST,"resolution_due_at","id") WHERE status IN ('new', 'open', 'reopened', 'pending_customer');--> statement-breakpoint
CREATE INDEX "tickets_q_at_risk_idx" ON "tickets" USING btree ("priority_customer" DESC NULLS LAST,"resolution_due_at","id") WHERE at_risk_at IS NOT NULL AND breached_at IS NULL AND status IN ('new', 'open', 'reopened');--> statement-breakpoint
CREATE INDEX "tickets_q_breached_idx" ON "tickets" USING btree ("priority_customer" DESC NULLS LAST,"resolution_due_at","id") WHERE breached_at IS NOT NULL AND status IN ('new', 'open', 'reopened', 'pending_customer');