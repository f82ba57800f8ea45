DROP INDEX "subsidy_notices_campaign_uq";--> statement-breakpoint
ALTER TABLE "subsidy_awards" ADD COLUMN "supplementary" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "subsidy_awards" ADD COLUMN "awarded_before_adjustment_fen" bigint;--> statement-breakpoint
ALTER TABLE "subsidy_awards" ADD COLUMN "adjustment_reason" text;--> statement-breakpoint
ALTER TABLE "subsidy_awards" ADD COLUMN "adjustment_objection_id" uuid;--> statement-breakpoint
ALTER TABLE "subsidy_awards" ADD COLUMN "adjusted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "subsidy_notices" ADD COLUMN "kind" text DEFAULT 'original' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_notices_campaign_original_uq" ON "subsidy_notices" USING btree ("campaign_id") WHERE "subsidy_notices"."kind" = 'original';--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_notices_run_uq" ON "subsidy_notices" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "subsidy_notices_campaign_idx" ON "subsidy_notices" USING btree ("campaign_id");