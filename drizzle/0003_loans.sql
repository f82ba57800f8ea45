CREATE TABLE "loan_import_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bank_id" uuid NOT NULL,
	"file_sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"loans_created" integer DEFAULT 0 NOT NULL,
	"loans_unchanged" integer DEFAULT 0 NOT NULL,
	"repayments_created" integer DEFAULT 0 NOT NULL,
	"repayments_unchanged" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_via" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loan_repayments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"loan_id" uuid NOT NULL,
	"period_no" integer NOT NULL,
	"due_date" date NOT NULL,
	"paid_date" date NOT NULL,
	"principal_paid_fen" bigint NOT NULL,
	"interest_paid_fen" bigint NOT NULL,
	"import_batch_id" uuid,
	"created_by" uuid,
	"created_via" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loan_repayments_amounts_nonneg" CHECK ("loan_repayments"."principal_paid_fen" >= 0 and "loan_repayments"."interest_paid_fen" >= 0),
	CONSTRAINT "loan_repayments_period_positive" CHECK ("loan_repayments"."period_no" >= 1)
);
--> statement-breakpoint
CREATE TABLE "loans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bank_id" uuid NOT NULL,
	"contract_no" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"cover_institution_id" uuid NOT NULL,
	"cover_kind" text NOT NULL,
	"project_id" uuid,
	"purpose" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"annual_rate" numeric(9, 6) NOT NULL,
	"term_months" integer NOT NULL,
	"disbursed_at" timestamp with time zone NOT NULL,
	"disbursed_on" date NOT NULL,
	"maturity_date" date NOT NULL,
	"remarks" text,
	"import_batch_id" uuid,
	"created_by" uuid,
	"created_via" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loans_amount_positive" CHECK ("loans"."amount_fen" > 0),
	CONSTRAINT "loans_rate_range" CHECK ("loans"."annual_rate" > 0 and "loans"."annual_rate" <= 0.24),
	CONSTRAINT "loans_term_range" CHECK ("loans"."term_months" between 1 and 60)
);
--> statement-breakpoint
ALTER TABLE "loan_import_batches" ADD CONSTRAINT "loan_import_batches_bank_id_institutions_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_import_batches" ADD CONSTRAINT "loan_import_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_repayments" ADD CONSTRAINT "loan_repayments_loan_id_loans_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."loans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_repayments" ADD CONSTRAINT "loan_repayments_import_batch_id_loan_import_batches_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."loan_import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_repayments" ADD CONSTRAINT "loan_repayments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_bank_id_institutions_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_cover_institution_id_institutions_id_fk" FOREIGN KEY ("cover_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_import_batch_id_loan_import_batches_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."loan_import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "loan_import_batches_bank_sha_uq" ON "loan_import_batches" USING btree ("bank_id","file_sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "loan_repayments_loan_period_uq" ON "loan_repayments" USING btree ("loan_id","period_no");--> statement-breakpoint
CREATE INDEX "loan_repayments_loan_paid_idx" ON "loan_repayments" USING btree ("loan_id","paid_date");--> statement-breakpoint
CREATE UNIQUE INDEX "loans_bank_contract_uq" ON "loans" USING btree ("bank_id","contract_no");--> statement-breakpoint
CREATE INDEX "loans_enterprise_idx" ON "loans" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "loans_cover_idx" ON "loans" USING btree ("cover_institution_id");--> statement-breakpoint
CREATE INDEX "loans_project_idx" ON "loans" USING btree ("project_id");