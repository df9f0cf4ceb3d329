CREATE TABLE "field_photos" (
	"id" uuid PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"photo_type" text NOT NULL,
	"stage" text NOT NULL,
	"remark" text,
	"personnel_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"size" bigint NOT NULL,
	"mime_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"thumbnail_sha256" text NOT NULL,
	"watermarked_sha256" text NOT NULL,
	"device_time" timestamp with time zone NOT NULL,
	"captured_at" timestamp with time zone NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"accuracy" double precision,
	"position_error" text,
	"distance_m" double precision,
	"exif_time" timestamp with time zone,
	"exif_latitude" double precision,
	"exif_longitude" double precision,
	"flags" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "field_task_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"personnel_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"device_time" timestamp with time zone NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "field_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"status" text DEFAULT 'created' NOT NULL,
	"remark" text,
	"created_by_personnel_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "field_track_points" (
	"id" uuid PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"personnel_id" uuid NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"accuracy" double precision NOT NULL,
	"device_time" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "field_uploads" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"offset" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "field_photos" ADD CONSTRAINT "field_photos_task_id_field_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."field_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_task_events" ADD CONSTRAINT "field_task_events_task_id_field_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."field_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_tasks" ADD CONSTRAINT "field_tasks_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_tasks" ADD CONSTRAINT "field_tasks_item_id_project_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."project_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_tasks" ADD CONSTRAINT "field_tasks_created_by_personnel_id_personnel_id_fk" FOREIGN KEY ("created_by_personnel_id") REFERENCES "public"."personnel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_track_points" ADD CONSTRAINT "field_track_points_task_id_field_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."field_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "field_photos_task_idx" ON "field_photos" USING btree ("task_id","captured_at");--> statement-breakpoint
CREATE INDEX "field_photos_project_idx" ON "field_photos" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "field_task_events_task_idx" ON "field_task_events" USING btree ("task_id","at");--> statement-breakpoint
CREATE INDEX "field_tasks_project_idx" ON "field_tasks" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "field_tasks_agency_idx" ON "field_tasks" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "field_track_points_task_idx" ON "field_track_points" USING btree ("task_id","recorded_at");