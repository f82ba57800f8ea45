CREATE TABLE "sandbox_scenarios" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"name" text NOT NULL,
	"parameters" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"saved_by" text NOT NULL,
	"saved_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sandbox_scenarios" ADD CONSTRAINT "sandbox_scenarios_campaign_id_subsidy_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."subsidy_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_scenarios_name_uq" ON "sandbox_scenarios" USING btree ("campaign_id","name");--> statement-breakpoint
CREATE INDEX "sandbox_scenarios_campaign_idx" ON "sandbox_scenarios" USING btree ("campaign_id","saved_at");