CREATE TABLE "agency_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"data" jsonb NOT NULL,
	"return_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "review_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_type" text NOT NULL,
	"target_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"action" text NOT NULL,
	"reason" text,
	"actor_id" uuid,
	"actor_name" text,
	"snapshot" jsonb,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mobile_hash" text NOT NULL,
	"purpose" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"ip" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sms_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mobile_hash" text NOT NULL,
	"mobile_enc" text NOT NULL,
	"mobile_masked" text NOT NULL,
	"purpose" text NOT NULL,
	"body" text NOT NULL,
	"gateway" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"provider_message_id" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "personnel" ADD COLUMN "pending_changes" jsonb;--> statement-breakpoint
ALTER TABLE "personnel" ADD COLUMN "return_reason" text;--> statement-breakpoint
ALTER TABLE "personnel" ADD COLUMN "submitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "kind" text DEFAULT 'internal' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "id_number_enc" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "id_number_hash" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "mobile_enc" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "mobile_hash" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "mobile_masked" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "oidc_subject" text;--> statement-breakpoint
ALTER TABLE "agency_revisions" ADD CONSTRAINT "agency_revisions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agency_revisions_agency_idx" ON "agency_revisions" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "agency_revisions_status_idx" ON "agency_revisions" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "review_records_target_idx" ON "review_records" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "review_records_agency_idx" ON "review_records" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "sms_codes_mobile_idx" ON "sms_codes" USING btree ("mobile_hash","purpose","created_at");--> statement-breakpoint
CREATE INDEX "sms_codes_ip_idx" ON "sms_codes" USING btree ("ip","created_at");--> statement-breakpoint
CREATE INDEX "sms_outbox_mobile_idx" ON "sms_outbox" USING btree ("mobile_hash","created_at");--> statement-breakpoint
CREATE INDEX "users_id_number_idx" ON "users" USING btree ("id_number_hash");--> statement-breakpoint
CREATE INDEX "users_mobile_idx" ON "users" USING btree ("mobile_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "users_oidc_subject_uq" ON "users" USING btree ("oidc_subject");