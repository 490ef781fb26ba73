CREATE TABLE "demo_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"receipt_number" text NOT NULL,
	"terminal_id" text NOT NULL,
	"account" text NOT NULL,
	"service" text NOT NULL,
	"amount_kopecks" bigint NOT NULL,
	"currency" text DEFAULT 'RUB' NOT NULL,
	"paid_at" timestamp with time zone NOT NULL,
	"credited_at" timestamp with time zone,
	"status" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"category_id" uuid,
	"outcome" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "demo_payments_receipt_uq" ON "demo_payments" USING btree ("receipt_number");--> statement-breakpoint
CREATE INDEX "demo_payments_terminal_paid_idx" ON "demo_payments" USING btree ("terminal_id","paid_at");--> statement-breakpoint
CREATE INDEX "demo_payments_account_paid_idx" ON "demo_payments" USING btree ("account","paid_at");--> statement-breakpoint
CREATE INDEX "payment_checks_created_idx" ON "payment_checks" USING btree ("created_at");