CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"target_type" text,
	"target_id" uuid,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "violation_round_files" (
	"round_id" uuid NOT NULL,
	"attachment_id" uuid NOT NULL,
	CONSTRAINT "violation_round_files_round_id_attachment_id_pk" PRIMARY KEY("round_id","attachment_id")
);
--> statement-breakpoint
CREATE TABLE "violation_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"violation_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"description" text NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"decision" text,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "violations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"project_id" uuid,
	"region_code" text NOT NULL,
	"city_code" text GENERATED ALWAYS AS (left(region_code, 4)) STORED NOT NULL,
	"problem" text NOT NULL,
	"rule" text NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"issued_by" uuid NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "violation_round_files" ADD CONSTRAINT "violation_round_files_round_id_violation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."violation_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "violation_rounds" ADD CONSTRAINT "violation_rounds_violation_id_violations_id_fk" FOREIGN KEY ("violation_id") REFERENCES "public"."violations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "violations" ADD CONSTRAINT "violations_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "violations" ADD CONSTRAINT "violations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_user_dedupe_uq" ON "notifications" USING btree ("user_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "notifications_user_created_idx" ON "notifications" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "notifications_user_unread_idx" ON "notifications" USING btree ("user_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "violation_rounds_violation_idx" ON "violation_rounds" USING btree ("violation_id","round");--> statement-breakpoint
CREATE INDEX "violations_agency_idx" ON "violations" USING btree ("agency_id","issued_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "violations_city_idx" ON "violations" USING btree ("city_code","status","issued_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "violations_status_deadline_idx" ON "violations" USING btree ("status","deadline");