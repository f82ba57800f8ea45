CREATE TABLE "credit_enhancements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"loan_id" uuid NOT NULL,
	"bank_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reference" text NOT NULL,
	"expected_fen" bigint NOT NULL,
	"award_paid_fen" bigint NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_enhancements_amounts" CHECK ("credit_enhancements"."expected_fen" >= 0 and "credit_enhancements"."award_paid_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "guarantee_fee_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"loan_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"district_code" text NOT NULL,
	"cover_institution_id" uuid NOT NULL,
	"bank_id" uuid NOT NULL,
	"claimant" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"fee_paid_fen" bigint NOT NULL,
	"guaranteed_amount_fen" bigint NOT NULL,
	"vouchers" jsonb NOT NULL,
	"other_subsidies" jsonb NOT NULL,
	"requested_fen" bigint NOT NULL,
	"explanation" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"reviews" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"awarded_fen" bigint,
	"award_rank" integer,
	"declaration_month" text NOT NULL,
	"loan_disbursed_at" timestamp with time zone NOT NULL,
	"submitted_by" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guarantee_fee_claims_amounts" CHECK ("guarantee_fee_claims"."fee_paid_fen" > 0 and "guarantee_fee_claims"."requested_fen" >= 0),
	CONSTRAINT "guarantee_fee_claims_awarded" CHECK ("guarantee_fee_claims"."awarded_fen" is null or ("guarantee_fee_claims"."awarded_fen" >= 0 and "guarantee_fee_claims"."awarded_fen" <= "guarantee_fee_claims"."requested_fen"))
);
--> statement-breakpoint
CREATE TABLE "guarantee_fee_years" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"budget_fen" bigint NOT NULL,
	"allocation_mode" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"allocated_fen" bigint DEFAULT 0 NOT NULL,
	"notice_title" text,
	"notice_body" text,
	"notice_starts_on" date,
	"notice_ends_on" date,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guarantee_fee_years_within_budget" CHECK ("guarantee_fee_years"."allocated_fen" >= 0 and "guarantee_fee_years"."allocated_fen" <= "guarantee_fee_years"."budget_fen"),
	CONSTRAINT "guarantee_fee_years_status" CHECK ("guarantee_fee_years"."status" in ('open', 'allocated', 'published'))
);
--> statement-breakpoint
CREATE TABLE "risk_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"loan_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"district_code" text NOT NULL,
	"institution_id" uuid NOT NULL,
	"institution_kind" text NOT NULL,
	"default_date" date NOT NULL,
	"outstanding_principal_fen" bigint NOT NULL,
	"outstanding_interest_fen" bigint NOT NULL,
	"collateral_realised_fen" bigint NOT NULL,
	"loss_fen" bigint NOT NULL,
	"share" text NOT NULL,
	"collection_steps" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"net_loss_fen" bigint,
	"compensation_fen" bigint,
	"pool_year" integer,
	"explanation" text,
	"first_approved_by" text,
	"payment_ref" text,
	"paid_at" timestamp with time zone,
	"recovered_after_fen" bigint DEFAULT 0 NOT NULL,
	"returned_fen" bigint DEFAULT 0 NOT NULL,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_claims_compensation_within_loss" CHECK ("risk_claims"."compensation_fen" is null or ("risk_claims"."compensation_fen" >= 0 and "risk_claims"."compensation_fen" <= "risk_claims"."net_loss_fen")),
	CONSTRAINT "risk_claims_returned_within" CHECK ("risk_claims"."returned_fen" >= 0 and ("risk_claims"."compensation_fen" is null or "risk_claims"."returned_fen" <= "risk_claims"."compensation_fen"))
);
--> statement-breakpoint
CREATE TABLE "risk_pools" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"budget_fen" bigint NOT NULL,
	"committed_fen" bigint DEFAULT 0 NOT NULL,
	"paid_fen" bigint DEFAULT 0 NOT NULL,
	"returned_fen" bigint DEFAULT 0 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_pools_never_overspent" CHECK ("risk_pools"."committed_fen" >= 0 and "risk_pools"."paid_fen" >= 0 and "risk_pools"."returned_fen" >= 0 and "risk_pools"."committed_fen" + "risk_pools"."paid_fen" <= "risk_pools"."budget_fen" + "risk_pools"."returned_fen")
);
--> statement-breakpoint
CREATE TABLE "risk_recoveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"claim_id" uuid NOT NULL,
	"received_on" date NOT NULL,
	"reported_on" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"returned_fen" bigint NOT NULL,
	"overdue" boolean NOT NULL,
	"explanation" text NOT NULL,
	"note" text,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_recoveries_positive" CHECK ("risk_recoveries"."amount_fen" > 0)
);
--> statement-breakpoint
ALTER TABLE "credit_enhancements" ADD CONSTRAINT "credit_enhancements_loan_id_loans_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."loans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_enhancements" ADD CONSTRAINT "credit_enhancements_bank_id_institutions_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guarantee_fee_claims" ADD CONSTRAINT "guarantee_fee_claims_loan_id_loans_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."loans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guarantee_fee_claims" ADD CONSTRAINT "guarantee_fee_claims_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guarantee_fee_claims" ADD CONSTRAINT "guarantee_fee_claims_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guarantee_fee_claims" ADD CONSTRAINT "guarantee_fee_claims_cover_institution_id_institutions_id_fk" FOREIGN KEY ("cover_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guarantee_fee_claims" ADD CONSTRAINT "guarantee_fee_claims_bank_id_institutions_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_claims" ADD CONSTRAINT "risk_claims_loan_id_loans_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."loans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_claims" ADD CONSTRAINT "risk_claims_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_claims" ADD CONSTRAINT "risk_claims_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_claims" ADD CONSTRAINT "risk_claims_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_recoveries" ADD CONSTRAINT "risk_recoveries_claim_id_risk_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."risk_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "credit_enhancements_loan_ref_uq" ON "credit_enhancements" USING btree ("loan_id","kind","reference");--> statement-breakpoint
CREATE UNIQUE INDEX "guarantee_fee_claims_loan_period_uq" ON "guarantee_fee_claims" USING btree ("loan_id","period_from","period_to") WHERE "guarantee_fee_claims"."status" not in ('district_returned', 'city_returned');--> statement-breakpoint
CREATE INDEX "guarantee_fee_claims_year_status_idx" ON "guarantee_fee_claims" USING btree ("year","status");--> statement-breakpoint
CREATE INDEX "guarantee_fee_claims_enterprise_idx" ON "guarantee_fee_claims" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "guarantee_fee_years_year_uq" ON "guarantee_fee_years" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_claims_loan_institution_uq" ON "risk_claims" USING btree ("loan_id","institution_id") WHERE "risk_claims"."status" not in ('district_returned', 'city_returned');--> statement-breakpoint
CREATE INDEX "risk_claims_institution_idx" ON "risk_claims" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "risk_claims_loan_idx" ON "risk_claims" USING btree ("loan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_pools_year_uq" ON "risk_pools" USING btree ("year");--> statement-breakpoint
CREATE INDEX "risk_recoveries_claim_idx" ON "risk_recoveries" USING btree ("claim_id");