-- The new index is built before the old one is dropped: building it only holds back writes, while
-- DROP INDEX locks the table for reads too, until the migration's transaction ends.
CREATE INDEX "applications_user_closing_order_idx" ON "jobtrack"."applications" USING btree ("user_id","closing_date","closing_time","updated_at","id","status");--> statement-breakpoint
DROP INDEX "jobtrack"."applications_user_closing_idx";
