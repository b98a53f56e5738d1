-- The closing-date order is read as runs (open adverts, closed ones, then those without a date),
-- each in the order of one of these. They are built before the old index is dropped: building one
-- only holds back writes, while DROP INDEX locks the table for reads too, until the migration's
-- transaction ends.
CREATE INDEX "applications_user_open_order_idx" ON "jobtrack"."applications" USING btree ("user_id","closing_date","closing_time","updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST,"status");--> statement-breakpoint
CREATE INDEX "applications_user_closed_order_idx" ON "jobtrack"."applications" USING btree ("user_id","closing_date" DESC NULLS LAST,"updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST,"status","closing_time");--> statement-breakpoint
-- No form or import stores a closing time without a date; any such row from before is cleared.
UPDATE "jobtrack"."applications" SET "closing_time" = NULL WHERE "closing_date" IS NULL AND "closing_time" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "jobtrack"."applications" ADD CONSTRAINT "applications_closing_time_needs_date" CHECK ("jobtrack"."applications"."closing_time" is null or "jobtrack"."applications"."closing_date" is not null);--> statement-breakpoint
DROP INDEX "jobtrack"."applications_user_closing_order_idx";
