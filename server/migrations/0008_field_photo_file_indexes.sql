CREATE INDEX "field_photos_sha_idx" ON "field_photos" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "field_photos_thumbnail_sha_idx" ON "field_photos" USING btree ("thumbnail_sha256");--> statement-breakpoint
CREATE INDEX "field_photos_watermarked_sha_idx" ON "field_photos" USING btree ("watermarked_sha256");