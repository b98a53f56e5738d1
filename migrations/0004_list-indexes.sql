DROP INDEX "jobtrack"."applications_user_updated_idx";--> statement-breakpoint
DROP INDEX "jobtrack"."applications_user_closing_idx";--> statement-breakpoint
DROP INDEX "jobtrack"."applications_user_applied_idx";--> statement-breakpoint
DROP INDEX "jobtrack"."applications_user_status_idx";--> statement-breakpoint
CREATE INDEX "applications_search_idx" ON "jobtrack"."applications" USING gin ("user_id",(coalesce("company", '') || chr(10) || coalesce("role", '')) extensions.gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "applications_user_updated_idx" ON "jobtrack"."applications" USING btree ("user_id","updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "applications_user_closing_idx" ON "jobtrack"."applications" USING btree ("user_id","closing_date","updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "applications_user_applied_idx" ON "jobtrack"."applications" USING btree ("user_id","date_applied" DESC NULLS LAST,"updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "applications_user_status_idx" ON "jobtrack"."applications" USING btree ("user_id","status","updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);