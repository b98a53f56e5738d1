DROP INDEX "jobtrack"."applications_search_idx";--> statement-breakpoint
ALTER TABLE "jobtrack"."applications" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower((coalesce("jobtrack"."applications"."company", '') || chr(10) || coalesce("jobtrack"."applications"."role", '') || chr(10) || coalesce("jobtrack"."applications"."location", '') || chr(10) || coalesce("jobtrack"."applications"."source", '') || chr(10) || coalesce("jobtrack"."applications"."reference", '') || chr(10) || coalesce("jobtrack"."applications"."grade", '') || chr(10) || coalesce("jobtrack"."applications"."notes", '')))) STORED;--> statement-breakpoint
CREATE INDEX "applications_search_idx" ON "jobtrack"."applications" USING gin ("user_id","search_text" extensions.gin_trgm_ops);--> statement-breakpoint
-- The search (see 0009) now reads the stored lower-cased copy with LIKE: the same matches as ILIKE
-- on the text it copies, without lower-casing each candidate's whole text again.
CREATE OR REPLACE FUNCTION jobtrack.search_application_ids(pattern text) RETURNS SETOF uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = ''
AS $$
DECLARE
  person uuid := auth.uid();
BEGIN
  IF person IS NULL THEN
    RETURN;
  END IF;
  RETURN QUERY EXECUTE
    'SELECT id FROM jobtrack.applications WHERE user_id = $1 AND search_text LIKE lower($2)'
    USING person, pattern;
END
$$;
