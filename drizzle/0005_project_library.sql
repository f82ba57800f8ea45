CREATE TABLE "project_declaration_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"declaration_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"provider_uscc" text NOT NULL,
	"provider_name" text NOT NULL,
	"contract_number" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"signed_on" date NOT NULL,
	"start_date" date,
	"end_date" date,
	"is_lead" boolean DEFAULT false NOT NULL,
	"attachment_id" uuid,
	CONSTRAINT "project_declaration_contracts_amount_ck" CHECK ("project_declaration_contracts"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "project_declaration_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"declaration_id" uuid NOT NULL,
	"event" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_id" text,
	"actor_name" text,
	"actor_role" text NOT NULL,
	"actor_org" text,
	"reason" text,
	"deadline" date,
	"details" jsonb,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_declaration_investments" (
	"declaration_id" uuid NOT NULL,
	"item" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	CONSTRAINT "project_declaration_investments_declaration_id_item_pk" PRIMARY KEY("declaration_id","item"),
	CONSTRAINT "project_declaration_investments_amount_ck" CHECK ("project_declaration_investments"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "project_declarations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"district_code" text,
	"form" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"predecessor_id" uuid,
	"name" text,
	"content" text,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"site_district_code" text,
	"site_address" text,
	"start_date" date,
	"end_date" date,
	"project_status" text,
	"planned_total_fen" bigint DEFAULT 0 NOT NULL,
	"investment_made_fen" bigint,
	"assessment_level" text,
	"assessment_date" date,
	"has_loan" boolean DEFAULT false NOT NULL,
	"loan_bank_id" uuid,
	"loan_contract_number" text,
	"loan_amount_fen" bigint,
	"loan_disbursed_on" date,
	"loan_maturity_on" date,
	"loan_id" uuid,
	"resource_pool_led" boolean DEFAULT false NOT NULL,
	"lead_provider_uscc" text,
	"lead_provider_name" text,
	"declared_on" date,
	"declaration_month" text,
	"window_opens" date,
	"window_closes" date,
	"verify_due_on" date,
	"submitted_at" timestamp with time zone,
	"last_submitted_at" timestamp with time zone,
	"submission_count" integer DEFAULT 0 NOT NULL,
	"return_deadline" date,
	"last_reason" text,
	"district_verified_at" timestamp with time zone,
	"district_verified_by" uuid,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"eligibility" jsonb,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_declarations_state_ck" CHECK ("project_declarations"."state" in ('draft','submitted','returned','district_verified','approved','rejected','withdrawn','lapsed')),
	CONSTRAINT "project_declarations_form_ck" CHECK ("project_declarations"."form" in ('manufacturer','service_provider')),
	CONSTRAINT "project_declarations_money_ck" CHECK ("project_declarations"."planned_total_fen" >= 0 and coalesce("project_declarations"."investment_made_fen", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "project_idempotency_keys" (
	"actor_id" text NOT NULL,
	"key" text NOT NULL,
	"operation" text NOT NULL,
	"target_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_idempotency_keys_actor_id_key_pk" PRIMARY KEY("actor_id","key")
);
--> statement-breakpoint
CREATE TABLE "project_number_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "project_number_counters_seq_ck" CHECK ("project_number_counters"."last_seq" >= 0)
);
--> statement-breakpoint
CREATE TABLE "project_progress_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"district_code" text,
	"period" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"investment_to_date_fen" bigint NOT NULL,
	"status" text NOT NULL,
	"milestones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"narrative" text,
	"reported_on" date,
	"submitted_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_progress_reports_money_ck" CHECK ("project_progress_reports"."investment_to_date_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "project_spot_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"district_code" text,
	"state" text DEFAULT 'open' NOT NULL,
	"reason" text NOT NULL,
	"planned_on" date,
	"opened_by" uuid NOT NULL,
	"opened_by_name" text,
	"opened_at" timestamp with time zone NOT NULL,
	"outcome" text,
	"findings" text,
	"rectify_by" date,
	"closed_by" uuid,
	"closed_by_name" text,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"library_number" text NOT NULL,
	"number_year" integer NOT NULL,
	"number_seq" integer NOT NULL,
	"declaration_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"district_code" text,
	"form" text NOT NULL,
	"name" text NOT NULL,
	"declaration_month" text NOT NULL,
	"declared_on" date NOT NULL,
	"approved_on" date NOT NULL,
	"approved_at" timestamp with time zone NOT NULL,
	"approved_by" uuid NOT NULL,
	"investment_at_declaration_fen" bigint NOT NULL,
	"planned_total_fen" bigint NOT NULL,
	"resource_pool_led" boolean NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"loan_bank_id" uuid,
	"loan_id" uuid,
	"tracking_state" text DEFAULT 'active' NOT NULL,
	"current_status" text NOT NULL,
	"investment_to_date_fen" bigint NOT NULL,
	"last_report_period" text,
	"last_reported_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_money_ck" CHECK ("projects"."investment_at_declaration_fen" >= 0 and "projects"."investment_to_date_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "notification_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notification_id" uuid,
	"channel" text NOT NULL,
	"recipient_user_id" uuid,
	"address_enc" text NOT NULL,
	"address_masked" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 5 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"provider_message_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "notification_outbox_status_ck" CHECK ("notification_outbox"."status" in ('pending','sending','sent','failed')),
	CONSTRAINT "notification_outbox_channel_ck" CHECK ("notification_outbox"."channel" in ('sms','email'))
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"object_type" text,
	"object_id" text,
	"dedupe_key" text,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "calendar_holiday_schedules" (
	"year" integer PRIMARY KEY NOT NULL,
	"notice" text NOT NULL,
	"title" text NOT NULL,
	"issued_on" date NOT NULL,
	"periods" jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "filing_window_overrides" (
	"month" text PRIMARY KEY NOT NULL,
	"opens" date NOT NULL,
	"closes" date NOT NULL,
	"notice" text NOT NULL,
	"reason" text,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "project_declaration_contracts" ADD CONSTRAINT "project_declaration_contracts_declaration_id_project_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."project_declarations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_declaration_contracts" ADD CONSTRAINT "project_declaration_contracts_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_declaration_events" ADD CONSTRAINT "project_declaration_events_declaration_id_project_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."project_declarations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_declaration_investments" ADD CONSTRAINT "project_declaration_investments_declaration_id_project_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."project_declarations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_declarations" ADD CONSTRAINT "project_declarations_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_declarations" ADD CONSTRAINT "project_declarations_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_declarations" ADD CONSTRAINT "project_declarations_loan_bank_id_institutions_id_fk" FOREIGN KEY ("loan_bank_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_progress_reports" ADD CONSTRAINT "project_progress_reports_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_spot_checks" ADD CONSTRAINT "project_spot_checks_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_declaration_id_project_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."project_declarations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_loan_bank_id_institutions_id_fk" FOREIGN KEY ("loan_bank_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD CONSTRAINT "notification_outbox_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD CONSTRAINT "notification_outbox_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_declaration_contracts_decl_idx" ON "project_declaration_contracts" USING btree ("declaration_id","position");--> statement-breakpoint
CREATE INDEX "project_declaration_contracts_provider_idx" ON "project_declaration_contracts" USING btree ("provider_uscc");--> statement-breakpoint
CREATE INDEX "project_declaration_events_decl_idx" ON "project_declaration_events" USING btree ("declaration_id","id");--> statement-breakpoint
CREATE INDEX "project_declarations_enterprise_idx" ON "project_declarations" USING btree ("enterprise_id","created_at");--> statement-breakpoint
CREATE INDEX "project_declarations_queue_idx" ON "project_declarations" USING btree ("district_code","state","verify_due_on");--> statement-breakpoint
CREATE INDEX "project_declarations_state_idx" ON "project_declarations" USING btree ("state");--> statement-breakpoint
CREATE INDEX "project_declarations_bank_idx" ON "project_declarations" USING btree ("loan_bank_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_declarations_predecessor_uq" ON "project_declarations" USING btree ("predecessor_id") WHERE "project_declarations"."predecessor_id" is not null and "project_declarations"."state" <> 'withdrawn';--> statement-breakpoint
CREATE UNIQUE INDEX "project_declarations_active_name_uq" ON "project_declarations" USING btree ("enterprise_id",lower("name")) WHERE "project_declarations"."state" in ('submitted','returned','district_verified','approved');--> statement-breakpoint
CREATE UNIQUE INDEX "project_progress_reports_period_uq" ON "project_progress_reports" USING btree ("project_id","period");--> statement-breakpoint
CREATE INDEX "project_spot_checks_project_idx" ON "project_spot_checks" USING btree ("project_id","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_library_number_uq" ON "projects" USING btree ("library_number");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_number_uq" ON "projects" USING btree ("number_year","number_seq");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_declaration_uq" ON "projects" USING btree ("declaration_id");--> statement-breakpoint
CREATE INDEX "projects_enterprise_idx" ON "projects" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "projects_district_idx" ON "projects" USING btree ("district_code");--> statement-breakpoint
CREATE INDEX "projects_month_idx" ON "projects" USING btree ("declaration_month");--> statement-breakpoint
CREATE INDEX "notification_outbox_due_idx" ON "notification_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_uq" ON "notifications" USING btree ("recipient_user_id","dedupe_key");