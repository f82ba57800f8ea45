ALTER TABLE "fund_objections" ADD COLUMN "case_no" text;--> statement-breakpoint
ALTER TABLE "fund_objections" ADD COLUMN "result" text;--> statement-breakpoint
CREATE UNIQUE INDEX "fund_objections_case_uq" ON "fund_objections" USING btree ("case_no");