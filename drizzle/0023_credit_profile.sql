CREATE TABLE "credit_digital_levels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"level" integer NOT NULL,
	"score" text NOT NULL,
	"assessed_on" date NOT NULL,
	"valid_to" date NOT NULL,
	"assessor" text NOT NULL,
	"evidence" text NOT NULL,
	"recorded_by" uuid,
	"recorded_by_name" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "credit_digital_levels_level" CHECK ("credit_digital_levels"."level" between 1 and 4),
	CONSTRAINT "credit_digital_levels_validity" CHECK ("credit_digital_levels"."valid_to" >= "credit_digital_levels"."assessed_on")
);
--> statement-breakpoint
CREATE TABLE "credit_profile_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"viewer_id" uuid,
	"viewer_name" text NOT NULL,
	"viewer_role" text NOT NULL,
	"institution_id" uuid,
	"organisation" text NOT NULL,
	"viewed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_warning_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"warning_id" uuid NOT NULL,
	"audience" text NOT NULL,
	"institution_id" uuid,
	"district_code" text,
	"exposure" text,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"acknowledged_by_name" text,
	"action_taken" text,
	CONSTRAINT "credit_warning_deliveries_audience" CHECK ("credit_warning_deliveries"."audience" in ('bank', 'district')),
	CONSTRAINT "credit_warning_deliveries_target" CHECK (("credit_warning_deliveries"."audience" = 'bank' and "credit_warning_deliveries"."institution_id" is not null) or ("credit_warning_deliveries"."audience" = 'district' and "credit_warning_deliveries"."district_code" is not null)),
	CONSTRAINT "credit_warning_deliveries_ack" CHECK ("credit_warning_deliveries"."acknowledged_at" is null or ("credit_warning_deliveries"."action_taken" is not null and length("credit_warning_deliveries"."action_taken") > 0))
);
--> statement-breakpoint
CREATE TABLE "credit_warnings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"district_code" text,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"cause_key" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"close_reason" text,
	CONSTRAINT "credit_warnings_level" CHECK ("credit_warnings"."level" in ('high', 'medium', 'low')),
	CONSTRAINT "credit_warnings_status" CHECK ("credit_warnings"."status" in ('open', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "credit_digital_levels" ADD CONSTRAINT "credit_digital_levels_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_digital_levels" ADD CONSTRAINT "credit_digital_levels_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_profile_views" ADD CONSTRAINT "credit_profile_views_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_profile_views" ADD CONSTRAINT "credit_profile_views_viewer_id_users_id_fk" FOREIGN KEY ("viewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_profile_views" ADD CONSTRAINT "credit_profile_views_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_warning_deliveries" ADD CONSTRAINT "credit_warning_deliveries_warning_id_credit_warnings_id_fk" FOREIGN KEY ("warning_id") REFERENCES "public"."credit_warnings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_warning_deliveries" ADD CONSTRAINT "credit_warning_deliveries_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_warning_deliveries" ADD CONSTRAINT "credit_warning_deliveries_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_warnings" ADD CONSTRAINT "credit_warnings_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "credit_digital_levels_enterprise_idx" ON "credit_digital_levels" USING btree ("enterprise_id","assessed_on");--> statement-breakpoint
CREATE INDEX "credit_profile_views_enterprise_idx" ON "credit_profile_views" USING btree ("enterprise_id","viewed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_warning_deliveries_bank_uq" ON "credit_warning_deliveries" USING btree ("warning_id","institution_id") WHERE "credit_warning_deliveries"."audience" = 'bank';--> statement-breakpoint
CREATE UNIQUE INDEX "credit_warning_deliveries_district_uq" ON "credit_warning_deliveries" USING btree ("warning_id","district_code") WHERE "credit_warning_deliveries"."audience" = 'district';--> statement-breakpoint
CREATE INDEX "credit_warning_deliveries_institution_idx" ON "credit_warning_deliveries" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "credit_warning_deliveries_district_idx" ON "credit_warning_deliveries" USING btree ("district_code");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_warnings_cause_uq" ON "credit_warnings" USING btree ("cause_key");--> statement-breakpoint
CREATE INDEX "credit_warnings_subject_idx" ON "credit_warnings" USING btree ("kind","subject_id","status");--> statement-breakpoint
CREATE INDEX "credit_warnings_enterprise_idx" ON "credit_warnings" USING btree ("enterprise_id","raised_at");