CREATE TABLE "jobtrack"."throttles" (
	"key_hash" text PRIMARY KEY NOT NULL,
	"spent" double precision NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "jobtrack"."throttles" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "jobtrack"."sign_in_failures" CASCADE;--> statement-breakpoint
-- The unique key comes first: the composite foreign key below needs it to exist.
ALTER TABLE "jobtrack"."applications" ADD CONSTRAINT "applications_id_user_key" UNIQUE("id","user_id");--> statement-breakpoint
ALTER TABLE "jobtrack"."status_changes" DROP CONSTRAINT "status_changes_application_id_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "jobtrack"."status_changes" ADD CONSTRAINT "status_changes_application_owner_fk" FOREIGN KEY ("application_id","user_id") REFERENCES "jobtrack"."applications"("id","user_id") ON DELETE cascade ON UPDATE no action;