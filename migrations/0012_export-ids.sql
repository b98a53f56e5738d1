ALTER TABLE "jobtrack"."applications" ADD COLUMN "origin_id" uuid;--> statement-breakpoint
ALTER TABLE "jobtrack"."statements" ADD COLUMN "origin_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "applications_user_export_id_idx" ON "jobtrack"."applications" USING btree ("user_id",coalesce("origin_id", "id"));--> statement-breakpoint
CREATE UNIQUE INDEX "statements_user_export_id_idx" ON "jobtrack"."statements" USING btree ("user_id",coalesce("origin_id", "id"));