ALTER TABLE "guarantee_fee_years" DROP CONSTRAINT "guarantee_fee_years_status";--> statement-breakpoint
ALTER TABLE "subsidy_funding_plans" ALTER COLUMN "campaign_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "subsidy_notices" ALTER COLUMN "campaign_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "subsidy_notices" ALTER COLUMN "run_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "subsidy_notices" ADD COLUMN "fee_year_id" uuid;--> statement-breakpoint
ALTER TABLE "subsidy_objections" ADD COLUMN "entry_id" uuid;--> statement-breakpoint
ALTER TABLE "subsidy_notices" ADD CONSTRAINT "subsidy_notices_fee_year_id_guarantee_fee_years_id_fk" FOREIGN KEY ("fee_year_id") REFERENCES "public"."guarantee_fee_years"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_funding_plans_notice_uq" ON "subsidy_funding_plans" USING btree ("notice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_notices_fee_year_uq" ON "subsidy_notices" USING btree ("fee_year_id");--> statement-breakpoint
-- A year's notice kept on its row moves to the shared notices (its objections and plan follow it there).
INSERT INTO "subsidy_notices" ("fee_year_id", "kind", "title", "body", "starts_on", "ends_on", "published_by", "published_at")
SELECT "id", 'original', "notice_title", coalesce("notice_body", ''), "notice_starts_on", "notice_ends_on", "created_by", "updated_at"
FROM "guarantee_fee_years" WHERE "notice_title" IS NOT NULL AND "notice_starts_on" IS NOT NULL AND "notice_ends_on" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "guarantee_fee_years" DROP COLUMN "notice_title";--> statement-breakpoint
ALTER TABLE "guarantee_fee_years" DROP COLUMN "notice_body";--> statement-breakpoint
ALTER TABLE "guarantee_fee_years" DROP COLUMN "notice_starts_on";--> statement-breakpoint
ALTER TABLE "guarantee_fee_years" DROP COLUMN "notice_ends_on";--> statement-breakpoint
ALTER TABLE "guarantee_fee_years" ADD CONSTRAINT "guarantee_fee_years_status" CHECK ("guarantee_fee_years"."status" in ('open', 'allocated', 'published', 'plan_issued'));--> statement-breakpoint
ALTER TABLE "subsidy_notices" ADD CONSTRAINT "subsidy_notices_one_scheme" CHECK (("subsidy_notices"."campaign_id" is not null and "subsidy_notices"."run_id" is not null and "subsidy_notices"."fee_year_id" is null) or ("subsidy_notices"."campaign_id" is null and "subsidy_notices"."run_id" is null and "subsidy_notices"."fee_year_id" is not null));