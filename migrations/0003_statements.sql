CREATE TYPE "jobtrack"."statement_kind" AS ENUM('supporting', 'behaviours', 'cover_letter');--> statement-breakpoint
CREATE TYPE "jobtrack"."statement_version_status" AS ENUM('generating', 'complete', 'incomplete', 'stopped');--> statement-breakpoint
CREATE TABLE "jobtrack"."statement_generations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "jobtrack"."statement_generations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "jobtrack"."statement_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"statement_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"name" text,
	"text" text DEFAULT '' NOT NULL,
	"status" "jobtrack"."statement_version_status" DEFAULT 'generating' NOT NULL,
	"failure" text,
	"word_limit" integer NOT NULL,
	"request_key" uuid NOT NULL,
	"stop_requested" boolean DEFAULT false NOT NULL,
	"edited_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "jobtrack"."statement_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "jobtrack"."statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"application_id" uuid,
	"kind" "jobtrack"."statement_kind" NOT NULL,
	"job_title" text DEFAULT '' NOT NULL,
	"employer" text DEFAULT '' NOT NULL,
	"advert" text DEFAULT '' NOT NULL,
	"person_spec" text DEFAULT '' NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"word_limit" integer NOT NULL,
	"tone" text NOT NULL,
	"create_key" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "jobtrack"."statements" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "jobtrack"."statement_generations" ADD CONSTRAINT "statement_generations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobtrack"."statement_versions" ADD CONSTRAINT "statement_versions_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "jobtrack"."statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobtrack"."statement_versions" ADD CONSTRAINT "statement_versions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobtrack"."statements" ADD CONSTRAINT "statements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobtrack"."statements" ADD CONSTRAINT "statements_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "jobtrack"."applications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "statement_generations_user_idx" ON "jobtrack"."statement_generations" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "statement_versions_number_idx" ON "jobtrack"."statement_versions" USING btree ("statement_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "statement_versions_user_request_key_idx" ON "jobtrack"."statement_versions" USING btree ("user_id","request_key");--> statement-breakpoint
CREATE INDEX "statements_user_updated_idx" ON "jobtrack"."statements" USING btree ("user_id","updated_at");--> statement-breakpoint
CREATE INDEX "statements_application_idx" ON "jobtrack"."statements" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "statements_user_create_key_idx" ON "jobtrack"."statements" USING btree ("user_id","create_key");--> statement-breakpoint
CREATE POLICY "statement_generations_owner" ON "jobtrack"."statement_generations" AS PERMISSIVE FOR ALL TO "authenticated" USING (user_id = (select auth.uid())) WITH CHECK (user_id = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "statement_versions_owner" ON "jobtrack"."statement_versions" AS PERMISSIVE FOR ALL TO "authenticated" USING (user_id = (select auth.uid())) WITH CHECK (user_id = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "statements_owner" ON "jobtrack"."statements" AS PERMISSIVE FOR ALL TO "authenticated" USING (user_id = (select auth.uid())) WITH CHECK (user_id = (select auth.uid()));