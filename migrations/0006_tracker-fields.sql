ALTER TABLE "jobtrack"."applications" ADD COLUMN "salary_min" integer;--> statement-breakpoint
ALTER TABLE "jobtrack"."applications" ADD COLUMN "salary_max" integer;--> statement-breakpoint
ALTER TABLE "jobtrack"."applications" ADD COLUMN "salary_note" text;--> statement-breakpoint
ALTER TABLE "jobtrack"."applications" ADD COLUMN "reference" text;--> statement-breakpoint
ALTER TABLE "jobtrack"."applications" ADD COLUMN "grade" text;--> statement-breakpoint
ALTER TABLE "jobtrack"."applications" ADD COLUMN "closing_time" time;--> statement-breakpoint
ALTER TABLE "jobtrack"."applications" ADD COLUMN "may_close_early" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "jobtrack"."status_changes" ADD COLUMN "occurred_on" date;--> statement-breakpoint
CREATE INDEX "applications_search_idx" ON "jobtrack"."applications" USING gin ("user_id",(coalesce("company", '') || chr(10) || coalesce("role", '') || chr(10) || coalesce("location", '') || chr(10) || coalesce("source", '') || chr(10) || coalesce("reference", '') || chr(10) || coalesce("grade", '') || chr(10) || coalesce("notes", '')) extensions.gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "jobtrack"."applications" ADD CONSTRAINT "applications_salary_range" CHECK ("jobtrack"."applications"."salary_min" <= "jobtrack"."applications"."salary_max");