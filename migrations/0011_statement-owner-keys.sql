ALTER TABLE "jobtrack"."statement_versions" DROP CONSTRAINT "statement_versions_statement_id_statements_id_fk";
--> statement-breakpoint
ALTER TABLE "jobtrack"."statements" DROP CONSTRAINT "statements_application_id_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "jobtrack"."statements" ADD CONSTRAINT "statements_id_user_key" UNIQUE("id","user_id");--> statement-breakpoint
ALTER TABLE "jobtrack"."statement_versions" ADD CONSTRAINT "statement_versions_statement_owner_fk" FOREIGN KEY ("statement_id","user_id") REFERENCES "jobtrack"."statements"("id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
DROP POLICY "statement_generations_owner" ON "jobtrack"."statement_generations" CASCADE;--> statement-breakpoint
CREATE POLICY "statement_generations_read" ON "jobtrack"."statement_generations" AS PERMISSIVE FOR SELECT TO "authenticated" USING (user_id = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "statement_generations_add" ON "jobtrack"."statement_generations" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (user_id = (select auth.uid()) and created_at > now() - interval '1 minute');--> statement-breakpoint
CREATE POLICY "statement_generations_prune" ON "jobtrack"."statement_generations" AS PERMISSIVE FOR DELETE TO "authenticated" USING (user_id = (select auth.uid()) and created_at < now() - interval '1 day');--> statement-breakpoint
-- Written by hand (drizzle cannot say SET NULL of one column): a statement can only name an
-- application of its own person, and deleting the application unlinks it.
UPDATE "jobtrack"."statements" s SET "application_id" = NULL WHERE "application_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "jobtrack"."applications" a WHERE a."id" = s."application_id" AND a."user_id" = s."user_id");--> statement-breakpoint
ALTER TABLE "jobtrack"."statements" ADD CONSTRAINT "statements_application_owner_fk" FOREIGN KEY ("application_id","user_id") REFERENCES "jobtrack"."applications"("id","user_id") ON DELETE SET NULL ("application_id") ON UPDATE no action;--> statement-breakpoint
-- The record of generations is append-only for the person: no UPDATE, and DELETE only of rows
-- that no longer count (the policy above).
REVOKE UPDATE ON "jobtrack"."statement_generations" FROM authenticated;
