CREATE TYPE "jobtrack"."event_format" AS ENUM('in_person', 'video', 'phone');--> statement-breakpoint
CREATE TYPE "jobtrack"."event_kind" AS ENUM('phone_screen', 'interview', 'assessment_centre', 'offer_deadline', 'other');--> statement-breakpoint
CREATE TABLE "jobtrack"."application_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "jobtrack"."event_kind" NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"format" "jobtrack"."event_format",
	"place" text,
	"link" text,
	"notes" text,
	"create_key" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "jobtrack"."application_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "jobtrack"."tracker_settings" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"ghost_after_weeks" integer DEFAULT 4 NOT NULL,
	"calendar_token_hash" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tracker_settings_ghost_weeks" CHECK ("jobtrack"."tracker_settings"."ghost_after_weeks" between 1 and 52)
);
--> statement-breakpoint
ALTER TABLE "jobtrack"."tracker_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "jobtrack"."applications" ADD COLUMN "follow_up_on" date;--> statement-breakpoint
ALTER TABLE "jobtrack"."application_events" ADD CONSTRAINT "application_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobtrack"."application_events" ADD CONSTRAINT "application_events_application_owner_fk" FOREIGN KEY ("application_id","user_id") REFERENCES "jobtrack"."applications"("id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobtrack"."tracker_settings" ADD CONSTRAINT "tracker_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_events_user_starts_idx" ON "jobtrack"."application_events" USING btree ("user_id","starts_at");--> statement-breakpoint
CREATE INDEX "application_events_application_idx" ON "jobtrack"."application_events" USING btree ("application_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "application_events_user_create_key_idx" ON "jobtrack"."application_events" USING btree ("user_id","create_key");--> statement-breakpoint
CREATE UNIQUE INDEX "tracker_settings_calendar_token_idx" ON "jobtrack"."tracker_settings" USING btree ("calendar_token_hash");--> statement-breakpoint
CREATE INDEX "applications_user_follow_up_idx" ON "jobtrack"."applications" USING btree ("user_id","follow_up_on");--> statement-breakpoint
CREATE POLICY "application_events_owner" ON "jobtrack"."application_events" AS PERMISSIVE FOR ALL TO "authenticated" USING (user_id = (select auth.uid())) WITH CHECK (user_id = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "tracker_settings_owner" ON "jobtrack"."tracker_settings" AS PERMISSIVE FOR ALL TO "authenticated" USING (user_id = (select auth.uid())) WITH CHECK (user_id = (select auth.uid()));