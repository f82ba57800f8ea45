CREATE TABLE "fund_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"district_code" text,
	"direction" text NOT NULL,
	"project_name" text NOT NULL,
	"project_id" uuid,
	"cluster" text,
	"state" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"invoice_total_fen" bigint NOT NULL,
	"checks" jsonb NOT NULL,
	"avoid_experts" jsonb NOT NULL,
	"targets" jsonb NOT NULL,
	"tasks" jsonb NOT NULL,
	"return_reasons" text,
	"return_due_on" date,
	"score" text,
	"rank" integer,
	"proposed_fen" bigint,
	"decided_fen" bigint,
	"change_reason" text,
	"explanation" jsonb,
	"awarded_fen" bigint,
	"final_fen" bigint,
	"acceptance" jsonb,
	"timeline" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"purpose" text DEFAULT 'review' NOT NULL,
	"seat" integer NOT NULL,
	"seed" text NOT NULL,
	"status" text DEFAULT 'drawn' NOT NULL,
	"declared_at" timestamp with time zone,
	"note" text,
	"scores" jsonb,
	"total" text,
	"comment" text,
	"scored_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_call_directions" (
	"call_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"budget_fen" bigint NOT NULL,
	"committed_fen" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "fund_call_directions_call_id_direction_pk" PRIMARY KEY("call_id","direction"),
	CONSTRAINT "fund_call_directions_budget" CHECK ("fund_call_directions"."committed_fen" >= 0 and "fund_call_directions"."committed_fen" <= "fund_call_directions"."budget_fen")
);
--> statement-breakpoint
CREATE TABLE "fund_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"materials" jsonb NOT NULL,
	"criteria" jsonb NOT NULL,
	"method" text NOT NULL,
	"min_reviews" integer NOT NULL,
	"experts_per_application" integer NOT NULL,
	"threshold" text NOT NULL,
	"policy_version" text NOT NULL,
	"operator_institution_id" uuid NOT NULL,
	"audit_institution_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"deliberation" jsonb,
	"notice_starts_on" date,
	"notice_ends_on" date,
	"planned_on" date,
	"filed_on" date,
	CONSTRAINT "fund_calls_dates" CHECK ("fund_calls"."opens_on" <= "fund_calls"."closes_on"),
	CONSTRAINT "fund_calls_notice_days" CHECK ("fund_calls"."notice_starts_on" is null or "fund_calls"."notice_ends_on" >= "fund_calls"."notice_starts_on" + 6)
);
--> statement-breakpoint
CREATE TABLE "fund_clawbacks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"spot_check_id" uuid NOT NULL,
	"misuse" boolean NOT NULL,
	"findings" text NOT NULL,
	"amount_fen" bigint DEFAULT 0 NOT NULL,
	"due_on" date,
	"repaid_fen" bigint DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_clawbacks_repaid" CHECK ("fund_clawbacks"."repaid_fen" >= 0 and "fund_clawbacks"."repaid_fen" <= "fund_clawbacks"."amount_fen")
);
--> statement-breakpoint
CREATE TABLE "fund_experts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_institution_id" uuid NOT NULL,
	"name" text NOT NULL,
	"field" text NOT NULL,
	"employer" text NOT NULL,
	"employer_credit_code" text NOT NULL,
	"phone_enc" text NOT NULL,
	"user_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"item" text NOT NULL,
	"invoice_no" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"issued_on" date NOT NULL,
	"seller" text NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"application_id" uuid,
	"name" text NOT NULL,
	"contact_enc" text NOT NULL,
	"content" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_pool_members" (
	"call_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	CONSTRAINT "fund_pool_members_call_id_enterprise_id_pk" PRIMARY KEY("call_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "fund_spot_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"seed" text NOT NULL,
	"size" integer NOT NULL,
	"sample" jsonb NOT NULL,
	"drawn_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fund_applications" ADD CONSTRAINT "fund_applications_call_id_fund_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."fund_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_applications" ADD CONSTRAINT "fund_applications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_applications" ADD CONSTRAINT "fund_applications_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_assignments" ADD CONSTRAINT "fund_assignments_application_id_fund_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."fund_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_assignments" ADD CONSTRAINT "fund_assignments_expert_id_fund_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."fund_experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_call_directions" ADD CONSTRAINT "fund_call_directions_call_id_fund_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."fund_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_calls" ADD CONSTRAINT "fund_calls_operator_institution_id_institutions_id_fk" FOREIGN KEY ("operator_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_calls" ADD CONSTRAINT "fund_calls_audit_institution_id_institutions_id_fk" FOREIGN KEY ("audit_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_calls" ADD CONSTRAINT "fund_calls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_clawbacks" ADD CONSTRAINT "fund_clawbacks_application_id_fund_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."fund_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_clawbacks" ADD CONSTRAINT "fund_clawbacks_spot_check_id_fund_spot_checks_id_fk" FOREIGN KEY ("spot_check_id") REFERENCES "public"."fund_spot_checks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_experts" ADD CONSTRAINT "fund_experts_operator_institution_id_institutions_id_fk" FOREIGN KEY ("operator_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_experts" ADD CONSTRAINT "fund_experts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_invoices" ADD CONSTRAINT "fund_invoices_application_id_fund_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."fund_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_objections" ADD CONSTRAINT "fund_objections_call_id_fund_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."fund_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_objections" ADD CONSTRAINT "fund_objections_application_id_fund_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."fund_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_pool_members" ADD CONSTRAINT "fund_pool_members_call_id_fund_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."fund_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_pool_members" ADD CONSTRAINT "fund_pool_members_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_spot_checks" ADD CONSTRAINT "fund_spot_checks_call_id_fund_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."fund_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_spot_checks" ADD CONSTRAINT "fund_spot_checks_drawn_by_users_id_fk" FOREIGN KEY ("drawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fund_applications_once_uq" ON "fund_applications" USING btree ("call_id","enterprise_id","direction");--> statement-breakpoint
CREATE INDEX "fund_applications_call_idx" ON "fund_applications" USING btree ("call_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_assignments_once_uq" ON "fund_assignments" USING btree ("application_id","purpose","expert_id");--> statement-breakpoint
CREATE INDEX "fund_assignments_expert_idx" ON "fund_assignments" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "fund_calls_operator_idx" ON "fund_calls" USING btree ("operator_institution_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_clawbacks_once_uq" ON "fund_clawbacks" USING btree ("spot_check_id","application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_experts_user_uq" ON "fund_experts" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_invoices_claimed_uq" ON "fund_invoices" USING btree ("invoice_no") WHERE "fund_invoices"."stage" = 'application';--> statement-breakpoint
CREATE INDEX "fund_invoices_app_idx" ON "fund_invoices" USING btree ("application_id","stage");--> statement-breakpoint
CREATE INDEX "fund_objections_call_idx" ON "fund_objections" USING btree ("call_id","status");