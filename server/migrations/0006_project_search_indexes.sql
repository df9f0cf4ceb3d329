ALTER TABLE "projects" ADD COLUMN "name_bigrams" text[] GENERATED ALWAYS AS (array_remove(string_to_array(regexp_replace(lower(name), '(..)', '\1 ', 'g') || ' ' || regexp_replace(substr(lower(name), 2), '(..)', '\1 ', 'g'), ' '), '')) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "projects_city_created_idx" ON "projects" USING btree ("city_code","created_at" DESC NULLS LAST,"id") WHERE "projects"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "projects_name_bigrams_idx" ON "projects" USING gin ("name_bigrams") WHERE "projects"."deleted_at" is null;--> statement-breakpoint
-- Added by hand (drizzle-kit cannot express it): a substring search like '%废催化剂%' is estimated from
-- the histogram of name, and with the default 100 buckets a 1% pattern hits 0–2 of them, so the
-- estimate swung between 100 and 20,000 rows from one ANALYZE to the next (and with it the plan).
ALTER TABLE "projects" ALTER COLUMN "name" SET STATISTICS 1000;
