CREATE TABLE "interpretation_rulings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"interpretation_id" text NOT NULL,
	"option" text NOT NULL,
	"effective_from" date NOT NULL,
	"notice" text NOT NULL,
	"notice_date" date NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	CONSTRAINT "interpretation_rulings_status" CHECK ("interpretation_rulings"."status" in ('draft', 'approved')),
	CONSTRAINT "interpretation_rulings_notice_date" CHECK ("interpretation_rulings"."notice_date" <= "interpretation_rulings"."effective_from"),
	CONSTRAINT "interpretation_rulings_maker_checker" CHECK (("interpretation_rulings"."status" = 'draft' and "interpretation_rulings"."approved_by" is null) or ("interpretation_rulings"."status" = 'approved' and "interpretation_rulings"."approved_by" is not null and "interpretation_rulings"."approved_by" <> "interpretation_rulings"."recorded_by"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "interpretation_rulings_notice_uq" ON "interpretation_rulings" USING btree ("interpretation_id","notice");--> statement-breakpoint
CREATE INDEX "interpretation_rulings_idx" ON "interpretation_rulings" USING btree ("interpretation_id","status","effective_from");