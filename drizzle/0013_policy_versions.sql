CREATE TABLE "policy_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" text NOT NULL,
	"doc_number" text NOT NULL,
	"title" text NOT NULL,
	"issuer" text NOT NULL,
	"issued_on" date NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"source_text" text NOT NULL,
	"params" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"drafted_by" text NOT NULL,
	"drafted_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"superseded_at" timestamp with time zone,
	"superseded_by" uuid,
	CONSTRAINT "policy_versions_status" CHECK ("policy_versions"."status" in ('draft', 'approved', 'superseded')),
	CONSTRAINT "policy_versions_dates" CHECK ("policy_versions"."valid_to" is null or "policy_versions"."valid_from" <= "policy_versions"."valid_to"),
	CONSTRAINT "policy_versions_maker_checker" CHECK (("policy_versions"."status" = 'draft' and "policy_versions"."approved_by" is null) or ("policy_versions"."status" <> 'draft' and "policy_versions"."approved_by" is not null and "policy_versions"."approved_by" <> "policy_versions"."drafted_by"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "policy_versions_doc_uq" ON "policy_versions" USING btree ("policy_id","doc_number");--> statement-breakpoint
CREATE INDEX "policy_versions_policy_idx" ON "policy_versions" USING btree ("policy_id","status");