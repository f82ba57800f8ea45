CREATE TABLE "outreach_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"theme" text NOT NULL,
	"held_on" date NOT NULL,
	"mode" text NOT NULL,
	"place" text NOT NULL,
	"slots" jsonb NOT NULL,
	"status" text NOT NULL,
	"scheduled_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outreach_events_status" CHECK ("outreach_events"."status" in ('open', 'scheduled', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "outreach_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"slot" integer NOT NULL,
	"institution_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"wished_by" text NOT NULL,
	"outcome_recorded_at" timestamp with time zone,
	"intention_fen" bigint,
	"signed" boolean,
	"follow_up_order_id" uuid,
	"outcome_note" text,
	"outcome_by" text
);
--> statement-breakpoint
CREATE TABLE "outreach_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"side" text NOT NULL,
	"institution_id" uuid,
	"enterprise_id" uuid,
	"wishes" uuid[] NOT NULL,
	"contact_name" text NOT NULL,
	"seq" integer NOT NULL,
	"checked_in_at" timestamp with time zone,
	"registered_by" text NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "outreach_registrations_party" CHECK (("outreach_registrations"."side" = 'institution' and "outreach_registrations"."institution_id" is not null and "outreach_registrations"."enterprise_id" is null) or ("outreach_registrations"."side" = 'enterprise' and "outreach_registrations"."enterprise_id" is not null and "outreach_registrations"."institution_id" is null))
);
--> statement-breakpoint
CREATE TABLE "outreach_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"whitelist_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"method" text NOT NULL,
	"outcome" text NOT NULL,
	"intention_fen" bigint,
	"note" text NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_whitelist_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"whitelist_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"source" text NOT NULL,
	"category" text,
	"reason" text NOT NULL,
	"added_by" text NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "outreach_whitelist_entries_reason" CHECK (length(trim("outreach_whitelist_entries"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "outreach_whitelists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"period_code" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"criteria" jsonb NOT NULL,
	"bank_ids" uuid[] NOT NULL,
	"status" text NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" text,
	"next_due_on" date,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outreach_whitelists_status" CHECK ("outreach_whitelists"."status" in ('draft', 'published'))
);
--> statement-breakpoint
ALTER TABLE "outreach_meetings" ADD CONSTRAINT "outreach_meetings_event_id_outreach_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."outreach_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_meetings" ADD CONSTRAINT "outreach_meetings_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_meetings" ADD CONSTRAINT "outreach_meetings_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_registrations" ADD CONSTRAINT "outreach_registrations_event_id_outreach_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."outreach_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_registrations" ADD CONSTRAINT "outreach_registrations_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_registrations" ADD CONSTRAINT "outreach_registrations_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_visits" ADD CONSTRAINT "outreach_visits_entry_id_outreach_whitelist_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."outreach_whitelist_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_visits" ADD CONSTRAINT "outreach_visits_whitelist_id_outreach_whitelists_id_fk" FOREIGN KEY ("whitelist_id") REFERENCES "public"."outreach_whitelists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_visits" ADD CONSTRAINT "outreach_visits_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_visits" ADD CONSTRAINT "outreach_visits_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_whitelist_entries" ADD CONSTRAINT "outreach_whitelist_entries_whitelist_id_outreach_whitelists_id_fk" FOREIGN KEY ("whitelist_id") REFERENCES "public"."outreach_whitelists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_whitelist_entries" ADD CONSTRAINT "outreach_whitelist_entries_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_meetings_inst_slot_uq" ON "outreach_meetings" USING btree ("event_id","slot","institution_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_meetings_ent_slot_uq" ON "outreach_meetings" USING btree ("event_id","slot","enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_meetings_pair_uq" ON "outreach_meetings" USING btree ("event_id","institution_id","enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_registrations_inst_uq" ON "outreach_registrations" USING btree ("event_id","institution_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_registrations_ent_uq" ON "outreach_registrations" USING btree ("event_id","enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_registrations_seq_uq" ON "outreach_registrations" USING btree ("event_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_visits_entry_bank_uq" ON "outreach_visits" USING btree ("entry_id","institution_id");--> statement-breakpoint
CREATE INDEX "outreach_visits_list_idx" ON "outreach_visits" USING btree ("whitelist_id","institution_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_whitelist_entries_uq" ON "outreach_whitelist_entries" USING btree ("whitelist_id","enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_whitelists_period_uq" ON "outreach_whitelists" USING btree ("period_code") WHERE "outreach_whitelists"."status" = 'published';