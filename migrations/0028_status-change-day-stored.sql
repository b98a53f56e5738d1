-- The day each status change happened, stored with the row (statusChangeDay in db/schema.ts). The
-- job-search log's range of days is then an index condition under row-level security, which a
-- range of the expression never was (not leakproof, so tested row by row after the policy).
DROP INDEX "jobtrack"."status_changes_user_day_idx";--> statement-breakpoint
ALTER TABLE "jobtrack"."status_changes" ADD COLUMN "happened_on" date GENERATED ALWAYS AS (coalesce("jobtrack"."status_changes"."occurred_on", (("jobtrack"."status_changes"."changed_at" at time zone 'Europe/London'))::date)) STORED;--> statement-breakpoint
CREATE INDEX "status_changes_user_day_idx" ON "jobtrack"."status_changes" USING btree ("user_id","happened_on");
