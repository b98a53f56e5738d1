CREATE SCHEMA "jobtrack";
--> statement-breakpoint
CREATE TYPE "jobtrack"."application_status" AS ENUM('saved', 'applied', 'interviewing', 'offer', 'accepted', 'rejected', 'withdrawn', 'ghosted');--> statement-breakpoint
CREATE TABLE "jobtrack"."applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"company" text NOT NULL,
	"role" text NOT NULL,
	"status" "jobtrack"."application_status" DEFAULT 'saved' NOT NULL,
	"date_applied" date,
	"closing_date" date,
	"advert_url" text,
	"location" text,
	"salary" text,
	"source" text,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "jobtrack"."applications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "jobtrack"."auth_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "jobtrack"."auth_tokens" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "jobtrack"."dev_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "jobtrack"."dev_outbox" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "jobtrack"."local_credentials" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"password_hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "jobtrack"."local_credentials" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "jobtrack"."sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "jobtrack"."sessions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "jobtrack"."sign_in_failures" (
	"email_hash" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_failure_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "jobtrack"."sign_in_failures" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "jobtrack"."status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"from_status" "jobtrack"."application_status",
	"to_status" "jobtrack"."application_status" NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "jobtrack"."status_changes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "jobtrack"."applications" ADD CONSTRAINT "applications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobtrack"."auth_tokens" ADD CONSTRAINT "auth_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobtrack"."local_credentials" ADD CONSTRAINT "local_credentials_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobtrack"."sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobtrack"."status_changes" ADD CONSTRAINT "status_changes_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "jobtrack"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobtrack"."status_changes" ADD CONSTRAINT "status_changes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applications_user_updated_idx" ON "jobtrack"."applications" USING btree ("user_id","updated_at");--> statement-breakpoint
CREATE INDEX "applications_user_closing_idx" ON "jobtrack"."applications" USING btree ("user_id","closing_date");--> statement-breakpoint
CREATE INDEX "applications_user_applied_idx" ON "jobtrack"."applications" USING btree ("user_id","date_applied");--> statement-breakpoint
CREATE INDEX "applications_user_status_idx" ON "jobtrack"."applications" USING btree ("user_id","status");--> statement-breakpoint
CREATE INDEX "auth_tokens_user_idx" ON "jobtrack"."auth_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "jobtrack"."sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "status_changes_application_idx" ON "jobtrack"."status_changes" USING btree ("application_id","changed_at");--> statement-breakpoint
CREATE POLICY "applications_owner" ON "jobtrack"."applications" AS PERMISSIVE FOR ALL TO "authenticated" USING (user_id = (select auth.uid())) WITH CHECK (user_id = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "status_changes_owner" ON "jobtrack"."status_changes" AS PERMISSIVE FOR ALL TO "authenticated" USING (user_id = (select auth.uid())) WITH CHECK (user_id = (select auth.uid()));