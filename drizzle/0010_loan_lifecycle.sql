CREATE TABLE "loan_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"loan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"reason" text NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"created_by" uuid,
	"created_by_name" text,
	"created_via" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loan_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"loan_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"agreement_no" text NOT NULL,
	"agreement_date" date NOT NULL,
	"previous_maturity_date" date NOT NULL,
	"new_maturity_date" date NOT NULL,
	"term_months_after" integer NOT NULL,
	"remarks" text,
	"created_by" uuid,
	"created_by_name" text,
	"created_via" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loan_extensions_later" CHECK ("loan_extensions"."new_maturity_date" > "loan_extensions"."previous_maturity_date")
);
--> statement-breakpoint
DROP INDEX "loans_bank_contract_uq";--> statement-breakpoint
ALTER TABLE "loans" ADD COLUMN "extended_maturity_date" date;--> statement-breakpoint
ALTER TABLE "loans" ADD COLUMN "status" text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "loans" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "loans" ADD COLUMN "cancelled_by" uuid;--> statement-breakpoint
ALTER TABLE "loans" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "loans" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "loan_corrections" ADD CONSTRAINT "loan_corrections_loan_id_loans_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."loans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_corrections" ADD CONSTRAINT "loan_corrections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_extensions" ADD CONSTRAINT "loan_extensions_loan_id_loans_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."loans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_extensions" ADD CONSTRAINT "loan_extensions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "loan_corrections_loan_idx" ON "loan_corrections" USING btree ("loan_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "loan_extensions_loan_seq_uq" ON "loan_extensions" USING btree ("loan_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "loan_extensions_loan_agreement_uq" ON "loan_extensions" USING btree ("loan_id","agreement_no");--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "loans_bank_contract_active_uq" ON "loans" USING btree ("bank_id","contract_no") WHERE "loans"."status" = 'active';--> statement-breakpoint
CREATE INDEX "loans_bank_contract_idx" ON "loans" USING btree ("bank_id","contract_no");--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_status_valid" CHECK ("loans"."status" in ('active', 'cancelled'));--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_extended_after_maturity" CHECK ("loans"."extended_maturity_date" is null or "loans"."extended_maturity_date" > "loans"."maturity_date");