CREATE TABLE "financing_answer_times" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"effective_from" date NOT NULL,
	"first_contact_days" integer NOT NULL,
	"decision_days" integer NOT NULL,
	"green_first_contact_days" integer NOT NULL,
	"green_decision_days" integer NOT NULL,
	"basis" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "financing_answer_times_days" CHECK ("financing_answer_times"."first_contact_days" between 1 and 30 and "financing_answer_times"."decision_days" between 1 and 60 and "financing_answer_times"."green_first_contact_days" between 1 and 30 and "financing_answer_times"."green_decision_days" between 1 and 60)
);
--> statement-breakpoint
ALTER TABLE "loans" ADD COLUMN "source_order_id" uuid;--> statement-breakpoint
CREATE INDEX "financing_answer_times_from_idx" ON "financing_answer_times" USING btree ("effective_from");--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_source_order_id_financing_orders_id_fk" FOREIGN KEY ("source_order_id") REFERENCES "public"."financing_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "loans_source_order_uq" ON "loans" USING btree ("source_order_id") WHERE "loans"."source_order_id" is not null;