DROP INDEX "jobtrack"."applications_user_updated_idx";--> statement-breakpoint
DROP INDEX "jobtrack"."applications_user_applied_idx";--> statement-breakpoint
DROP INDEX "jobtrack"."applications_user_status_idx";--> statement-breakpoint
CREATE INDEX "applications_user_updated_idx" ON "jobtrack"."applications" USING btree ("user_id","updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "applications_user_applied_idx" ON "jobtrack"."applications" USING btree ("user_id","date_applied" DESC NULLS LAST,"updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "applications_user_status_idx" ON "jobtrack"."applications" USING btree ("user_id","status","updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);