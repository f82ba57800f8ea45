CREATE TABLE "financing_needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"district_code" text,
	"amount_min_fen" bigint,
	"amount_max_fen" bigint,
	"term_min_months" integer,
	"term_max_months" integer,
	"purpose" text NOT NULL,
	"guarantee" text,
	"wanted_by" date,
	"project_id" uuid,
	"description" text NOT NULL,
	"source_text" text,
	"reading" jsonb,
	"consent_scope" text DEFAULT 'none' NOT NULL,
	"consent_banks" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"consent_at" timestamp with time zone,
	"exclusive" boolean DEFAULT false NOT NULL,
	"green_channel" boolean DEFAULT false NOT NULL,
	"green_reason" text,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "financing_needs_consent_scope" CHECK ("financing_needs"."consent_scope" in ('none', 'named', 'all')),
	CONSTRAINT "financing_needs_status" CHECK ("financing_needs"."status" in ('open', 'closed')),
	CONSTRAINT "financing_needs_amounts" CHECK ("financing_needs"."amount_min_fen" is null or "financing_needs"."amount_max_fen" is null or "financing_needs"."amount_min_fen" <= "financing_needs"."amount_max_fen")
);
--> statement-breakpoint
CREATE TABLE "financing_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL,
	"product_id" uuid,
	"institution_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"origin" text NOT NULL,
	"status" text NOT NULL,
	"exclusive" boolean NOT NULL,
	"green_channel" boolean NOT NULL,
	"contact_due_on" date NOT NULL,
	"contact_due_basis" text NOT NULL,
	"decision_due_on" date,
	"decision_due_basis" text,
	"promised_decision_days" integer,
	"accepted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decline_reason" text,
	"approved_amount_fen" bigint,
	"approved_rate" text,
	"approved_term_months" integer,
	"disbursed_on" date,
	"refuse_reason" text,
	"overdue_marked_on" date,
	"rating" integer,
	"rating_comment" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "financing_orders_status" CHECK ("financing_orders"."status" in ('pending', 'accepted', 'declined', 'approved', 'refused', 'withdrawn')),
	CONSTRAINT "financing_orders_origin" CHECK ("financing_orders"."origin" in ('apply', 'take')),
	CONSTRAINT "financing_orders_rating" CHECK ("financing_orders"."rating" is null or "financing_orders"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "financing_product_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"data" jsonb NOT NULL,
	"status" text NOT NULL,
	"submitted_by" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"reason" text,
	CONSTRAINT "financing_product_versions_status" CHECK ("financing_product_versions"."status" in ('pending', 'approved', 'refused')),
	CONSTRAINT "financing_product_versions_refusal_reason" CHECK ("financing_product_versions"."status" <> 'refused' or ("financing_product_versions"."reason" is not null and length("financing_product_versions"."reason") > 0))
);
--> statement-breakpoint
CREATE TABLE "financing_products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"latest_version" integer NOT NULL,
	"live_version" integer,
	"review_status" text NOT NULL,
	"name" text,
	"type" text,
	"amount_min_fen" bigint,
	"amount_max_fen" bigint,
	"term_min_months" integer,
	"term_max_months" integer,
	"guarantees" text[],
	"districts" text[],
	"valid_from" date,
	"valid_to" date,
	"live" jsonb,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "financing_products_review_status" CHECK ("financing_products"."review_status" in ('pending', 'approved', 'refused'))
);
--> statement-breakpoint
ALTER TABLE "financing_needs" ADD CONSTRAINT "financing_needs_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_needs" ADD CONSTRAINT "financing_needs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_orders" ADD CONSTRAINT "financing_orders_need_id_financing_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."financing_needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_orders" ADD CONSTRAINT "financing_orders_product_id_financing_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."financing_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_orders" ADD CONSTRAINT "financing_orders_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_orders" ADD CONSTRAINT "financing_orders_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_product_versions" ADD CONSTRAINT "financing_product_versions_product_id_financing_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."financing_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_products" ADD CONSTRAINT "financing_products_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "financing_needs_enterprise_idx" ON "financing_needs" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "financing_needs_open_idx" ON "financing_needs" USING btree ("status","green_channel");--> statement-breakpoint
CREATE INDEX "financing_orders_institution_idx" ON "financing_orders" USING btree ("institution_id","status");--> statement-breakpoint
CREATE INDEX "financing_orders_enterprise_idx" ON "financing_orders" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "financing_orders_need_bank_uq" ON "financing_orders" USING btree ("need_id","institution_id") WHERE "financing_orders"."status" in ('pending', 'accepted', 'approved');--> statement-breakpoint
CREATE UNIQUE INDEX "financing_orders_exclusive_uq" ON "financing_orders" USING btree ("need_id") WHERE "financing_orders"."exclusive" and "financing_orders"."status" in ('pending', 'accepted', 'approved');--> statement-breakpoint
CREATE UNIQUE INDEX "financing_product_versions_uq" ON "financing_product_versions" USING btree ("product_id","version");--> statement-breakpoint
CREATE INDEX "financing_product_versions_status_idx" ON "financing_product_versions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "financing_products_institution_idx" ON "financing_products" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "financing_products_live_idx" ON "financing_products" USING btree ("live_version","type");