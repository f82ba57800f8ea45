CREATE TABLE "subsidy_allocation_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"mode" text NOT NULL,
	"budget_fen" bigint NOT NULL,
	"total_requested_fen" bigint NOT NULL,
	"total_awarded_fen" bigint NOT NULL,
	"application_count" integer NOT NULL,
	"funded_count" integer NOT NULL,
	"partial_count" integer NOT NULL,
	"unfunded_count" integer NOT NULL,
	"parameters" jsonb NOT NULL,
	"preview" jsonb,
	"run_by" text NOT NULL,
	"run_by_name" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"duration_ms" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subsidy_allocation_runs_within_budget" CHECK ("subsidy_allocation_runs"."total_awarded_fen" <= "subsidy_allocation_runs"."budget_fen")
);
--> statement-breakpoint
CREATE TABLE "subsidy_application_loans" (
	"application_id" uuid NOT NULL,
	"loan_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"bank_id" uuid NOT NULL,
	"claimed_interest_fen" bigint NOT NULL,
	"bank_interest_fen" bigint NOT NULL,
	"loan_amount_fen" bigint NOT NULL,
	"disbursed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "subsidy_application_loans_application_id_loan_id_pk" PRIMARY KEY("application_id","loan_id")
);
--> statement-breakpoint
CREATE TABLE "subsidy_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"district_code" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"interest_from" date NOT NULL,
	"interest_to" date NOT NULL,
	"declaration_month" text NOT NULL,
	"investment_at_declaration_fen" bigint NOT NULL,
	"new_investment_fen" bigint NOT NULL,
	"progress_report" text NOT NULL,
	"claimed_interest_fen" bigint NOT NULL,
	"bank_interest_fen" bigint NOT NULL,
	"first_disbursed_at" timestamp with time zone NOT NULL,
	"idempotency_key" text,
	"submitted_by" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"reviews" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subsidy_applications_amounts_nonneg" CHECK ("subsidy_applications"."new_investment_fen" >= 0 and "subsidy_applications"."claimed_interest_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "subsidy_award_loans" (
	"award_id" uuid NOT NULL,
	"loan_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"campaign_year" integer NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"year_index" integer NOT NULL,
	"computed_fen" bigint NOT NULL,
	CONSTRAINT "subsidy_award_loans_award_id_loan_id_pk" PRIMARY KEY("award_id","loan_id")
);
--> statement-breakpoint
CREATE TABLE "subsidy_awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"district_code" text NOT NULL,
	"rank" integer NOT NULL,
	"computed_fen" bigint NOT NULL,
	"capped_fen" bigint NOT NULL,
	"awarded_fen" bigint NOT NULL,
	"status" text NOT NULL,
	"winner" text DEFAULT 'zyb' NOT NULL,
	"subsidy_years" jsonb NOT NULL,
	"explanation" text NOT NULL,
	"inputs" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subsidy_awards_amounts" CHECK ("subsidy_awards"."awarded_fen" >= 0 and "subsidy_awards"."awarded_fen" <= "subsidy_awards"."capped_fen")
);
--> statement-breakpoint
CREATE TABLE "subsidy_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"interest_from" date NOT NULL,
	"interest_to" date NOT NULL,
	"apply_from" date NOT NULL,
	"apply_to" date NOT NULL,
	"budget_fen" bigint NOT NULL,
	"allocation_mode" text NOT NULL,
	"notice_days" integer DEFAULT 7 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"allocated_fen" bigint DEFAULT 0 NOT NULL,
	"committed_run_id" uuid,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subsidy_campaigns_budget_nonneg" CHECK ("subsidy_campaigns"."budget_fen" >= 0),
	CONSTRAINT "subsidy_campaigns_within_budget" CHECK ("subsidy_campaigns"."allocated_fen" <= "subsidy_campaigns"."budget_fen"),
	CONSTRAINT "subsidy_campaigns_dates" CHECK ("subsidy_campaigns"."interest_from" <= "subsidy_campaigns"."interest_to" and "subsidy_campaigns"."apply_from" <= "subsidy_campaigns"."apply_to"),
	CONSTRAINT "subsidy_campaigns_notice_days" CHECK ("subsidy_campaigns"."notice_days" between 1 and 60)
);
--> statement-breakpoint
CREATE TABLE "subsidy_cap_ledger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"award_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subsidy_funding_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"notice_id" uuid NOT NULL,
	"document_number" text NOT NULL,
	"title" text NOT NULL,
	"total_fen" bigint NOT NULL,
	"item_count" integer NOT NULL,
	"issued_by" text NOT NULL,
	"issued_by_name" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subsidy_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"published_by" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subsidy_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notice_id" uuid NOT NULL,
	"award_id" uuid,
	"case_no" text NOT NULL,
	"name" text NOT NULL,
	"contact_enc" text NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"outcome_note" text,
	"handled_by" text,
	"handled_by_name" text,
	"closed_at" timestamp with time zone,
	"client_ip" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subsidy_other_subsidies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"loan_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"document_ref" text,
	"amount_fen" bigint NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subsidy_other_subsidies_amount_nonneg" CHECK ("subsidy_other_subsidies"."amount_fen" >= 0)
);
--> statement-breakpoint
ALTER TABLE "subsidy_allocation_runs" ADD CONSTRAINT "subsidy_allocation_runs_campaign_id_subsidy_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."subsidy_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_application_loans" ADD CONSTRAINT "subsidy_application_loans_application_id_subsidy_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."subsidy_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_application_loans" ADD CONSTRAINT "subsidy_application_loans_loan_id_loans_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."loans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_application_loans" ADD CONSTRAINT "subsidy_application_loans_campaign_id_subsidy_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."subsidy_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_application_loans" ADD CONSTRAINT "subsidy_application_loans_bank_id_institutions_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_applications" ADD CONSTRAINT "subsidy_applications_campaign_id_subsidy_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."subsidy_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_applications" ADD CONSTRAINT "subsidy_applications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_applications" ADD CONSTRAINT "subsidy_applications_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_applications" ADD CONSTRAINT "subsidy_applications_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_award_loans" ADD CONSTRAINT "subsidy_award_loans_award_id_subsidy_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."subsidy_awards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_award_loans" ADD CONSTRAINT "subsidy_award_loans_loan_id_loans_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."loans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_award_loans" ADD CONSTRAINT "subsidy_award_loans_campaign_id_subsidy_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."subsidy_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_awards" ADD CONSTRAINT "subsidy_awards_run_id_subsidy_allocation_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."subsidy_allocation_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_awards" ADD CONSTRAINT "subsidy_awards_campaign_id_subsidy_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."subsidy_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_awards" ADD CONSTRAINT "subsidy_awards_application_id_subsidy_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."subsidy_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_awards" ADD CONSTRAINT "subsidy_awards_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_cap_ledger" ADD CONSTRAINT "subsidy_cap_ledger_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_cap_ledger" ADD CONSTRAINT "subsidy_cap_ledger_campaign_id_subsidy_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."subsidy_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_cap_ledger" ADD CONSTRAINT "subsidy_cap_ledger_award_id_subsidy_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."subsidy_awards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_funding_plans" ADD CONSTRAINT "subsidy_funding_plans_campaign_id_subsidy_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."subsidy_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_funding_plans" ADD CONSTRAINT "subsidy_funding_plans_notice_id_subsidy_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."subsidy_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_notices" ADD CONSTRAINT "subsidy_notices_campaign_id_subsidy_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."subsidy_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_notices" ADD CONSTRAINT "subsidy_notices_run_id_subsidy_allocation_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."subsidy_allocation_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_objections" ADD CONSTRAINT "subsidy_objections_notice_id_subsidy_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."subsidy_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_objections" ADD CONSTRAINT "subsidy_objections_award_id_subsidy_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."subsidy_awards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_other_subsidies" ADD CONSTRAINT "subsidy_other_subsidies_application_id_subsidy_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."subsidy_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_other_subsidies" ADD CONSTRAINT "subsidy_other_subsidies_loan_id_loans_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."loans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "subsidy_allocation_runs_campaign_idx" ON "subsidy_allocation_runs" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_allocation_runs_one_commit_uq" ON "subsidy_allocation_runs" USING btree ("campaign_id") WHERE "subsidy_allocation_runs"."kind" = 'commit';--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_application_loans_campaign_loan_uq" ON "subsidy_application_loans" USING btree ("campaign_id","loan_id");--> statement-breakpoint
CREATE INDEX "subsidy_application_loans_bank_idx" ON "subsidy_application_loans" USING btree ("bank_id");--> statement-breakpoint
CREATE INDEX "subsidy_application_loans_loan_idx" ON "subsidy_application_loans" USING btree ("loan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_applications_campaign_project_uq" ON "subsidy_applications" USING btree ("campaign_id","project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_applications_idem_uq" ON "subsidy_applications" USING btree ("enterprise_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "subsidy_applications_campaign_status_idx" ON "subsidy_applications" USING btree ("campaign_id","status");--> statement-breakpoint
CREATE INDEX "subsidy_applications_enterprise_idx" ON "subsidy_applications" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "subsidy_applications_district_idx" ON "subsidy_applications" USING btree ("district_code","status");--> statement-breakpoint
CREATE INDEX "subsidy_award_loans_loan_idx" ON "subsidy_award_loans" USING btree ("loan_id","campaign_year");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_awards_run_app_uq" ON "subsidy_awards" USING btree ("run_id","application_id");--> statement-breakpoint
CREATE INDEX "subsidy_awards_campaign_idx" ON "subsidy_awards" USING btree ("campaign_id","rank");--> statement-breakpoint
CREATE INDEX "subsidy_awards_enterprise_idx" ON "subsidy_awards" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_campaigns_year_uq" ON "subsidy_campaigns" USING btree ("year");--> statement-breakpoint
CREATE INDEX "subsidy_cap_ledger_enterprise_idx" ON "subsidy_cap_ledger" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_funding_plans_campaign_uq" ON "subsidy_funding_plans" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_funding_plans_docno_uq" ON "subsidy_funding_plans" USING btree ("document_number");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_notices_campaign_uq" ON "subsidy_notices" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_objections_case_uq" ON "subsidy_objections" USING btree ("case_no");--> statement-breakpoint
CREATE INDEX "subsidy_objections_notice_idx" ON "subsidy_objections" USING btree ("notice_id","status");--> statement-breakpoint
CREATE INDEX "subsidy_other_subsidies_app_idx" ON "subsidy_other_subsidies" USING btree ("application_id");