CREATE TABLE "project_assignments" (
	"item_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"personnel_id" uuid NOT NULL,
	"post" text NOT NULL,
	CONSTRAINT "project_assignments_item_id_personnel_id_post_pk" PRIMARY KEY("item_id","personnel_id","post")
);
--> statement-breakpoint
CREATE TABLE "project_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"point_name" text NOT NULL,
	"medium" text NOT NULL,
	"factors" text NOT NULL,
	"frequency" text NOT NULL,
	"sample_count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"category" text NOT NULL,
	"report_number" text NOT NULL,
	"attachment_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_sequences" (
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"last" bigint NOT NULL,
	CONSTRAINT "project_sequences_region_code_year_pk" PRIMARY KEY("region_code","year")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"project_no" text NOT NULL,
	"name" text NOT NULL,
	"monitoring_type" text NOT NULL,
	"monitoring_nature" text NOT NULL,
	"region_code" text NOT NULL,
	"city_code" text GENERATED ALWAYS AS (left(region_code, 4)) STORED NOT NULL,
	"address" text NOT NULL,
	"longitude" double precision NOT NULL,
	"latitude" double precision NOT NULL,
	"planned_start" date NOT NULL,
	"planned_end" date NOT NULL,
	"description" text,
	"entrust_category" text NOT NULL,
	"client_name" text NOT NULL,
	"client_credit_code" text NOT NULL,
	"client_contact" text NOT NULL,
	"client_phone" text NOT NULL,
	"client_email" text NOT NULL,
	"client_address" text NOT NULL,
	"is_subcontracted" boolean NOT NULL,
	"subcontractor_name" text,
	"contract_number" text NOT NULL,
	"contract_amount" numeric(14, 2) NOT NULL,
	"contract_signed_on" date NOT NULL,
	"training_date" date NOT NULL,
	"training_content" text NOT NULL,
	"training_participants" text NOT NULL,
	"status" text DEFAULT 'in_progress' NOT NULL,
	"return_reason" text,
	"submitted_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "project_assignments" ADD CONSTRAINT "project_assignments_item_id_project_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."project_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_assignments" ADD CONSTRAINT "project_assignments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_assignments" ADD CONSTRAINT "project_assignments_personnel_id_personnel_id_fk" FOREIGN KEY ("personnel_id") REFERENCES "public"."personnel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_items" ADD CONSTRAINT "project_items_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reports" ADD CONSTRAINT "project_reports_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_assignments_personnel_idx" ON "project_assignments" USING btree ("personnel_id","project_id");--> statement-breakpoint
CREATE INDEX "project_assignments_project_idx" ON "project_assignments" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_items_project_idx" ON "project_items" USING btree ("project_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "project_reports_number_uq" ON "project_reports" USING btree ("report_number");--> statement-breakpoint
CREATE UNIQUE INDEX "project_reports_project_category_uq" ON "project_reports" USING btree ("project_id","category");--> statement-breakpoint
CREATE UNIQUE INDEX "project_reports_attachment_uq" ON "project_reports" USING btree ("attachment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_project_no_uq" ON "projects" USING btree ("project_no");--> statement-breakpoint
CREATE INDEX "projects_agency_created_idx" ON "projects" USING btree ("agency_id","created_at" DESC NULLS LAST,"id") WHERE "projects"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "projects_city_status_created_idx" ON "projects" USING btree ("city_code","status","created_at" DESC NULLS LAST,"id") WHERE "projects"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "projects_region_created_idx" ON "projects" USING btree ("region_code","created_at" DESC NULLS LAST,"id") WHERE "projects"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "projects_status_created_idx" ON "projects" USING btree ("status","created_at" DESC NULLS LAST,"id") WHERE "projects"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "projects_created_idx" ON "projects" USING btree ("created_at" DESC NULLS LAST,"id") WHERE "projects"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "projects_name_trgm_idx" ON "projects" USING gin ("name" gin_trgm_ops) WHERE "projects"."deleted_at" is null;