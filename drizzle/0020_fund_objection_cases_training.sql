CREATE TABLE "fund_training_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"attendees" integer NOT NULL,
	"cost_fen" bigint NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_training_events_positive" CHECK ("fund_training_events"."attendees" > 0 and "fund_training_events"."cost_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "fund_training_years" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_institution_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"budget_fen" bigint NOT NULL,
	"spent_fen" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_training_years_budget" CHECK ("fund_training_years"."spent_fen" >= 0 and "fund_training_years"."spent_fen" <= "fund_training_years"."budget_fen")
);
--> statement-breakpoint
ALTER TABLE "fund_objections" ADD COLUMN "case_no" text;--> statement-breakpoint
ALTER TABLE "fund_objections" ADD COLUMN "result" text;--> statement-breakpoint
ALTER TABLE "fund_training_events" ADD CONSTRAINT "fund_training_events_year_id_fund_training_years_id_fk" FOREIGN KEY ("year_id") REFERENCES "public"."fund_training_years"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_training_events" ADD CONSTRAINT "fund_training_events_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_training_years" ADD CONSTRAINT "fund_training_years_operator_institution_id_institutions_id_fk" FOREIGN KEY ("operator_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fund_training_events_year_idx" ON "fund_training_events" USING btree ("year_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_training_years_uq" ON "fund_training_years" USING btree ("operator_institution_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_objections_case_uq" ON "fund_objections" USING btree ("case_no");