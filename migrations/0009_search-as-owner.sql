-- Under row-level security PostgreSQL applies a condition that is not leakproof, such as ILIKE,
-- only after the policy's own, so the trigram index cannot serve a search: it would read every row
-- of the person. This function runs the search as the table's owner, so the index serves it, but
-- only over the rows of auth.uid(), the person the transaction's claims name: exactly the rows the
-- policy allows. EXECUTE plans each search for its own pattern and person (a plan made once for
-- any pattern would not take the index). Its expression must stay the index's (searchText in
-- db/schema.ts); test/integration/applications/search-index.test.ts checks it. The same design is
-- on branch i8 for company and role; this one searches every text field a person types.
CREATE FUNCTION jobtrack.search_application_ids(pattern text) RETURNS SETOF uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = ''
AS $$
DECLARE
  person uuid := auth.uid();
BEGIN
  IF person IS NULL THEN
    RETURN;
  END IF;
  RETURN QUERY EXECUTE
    'SELECT id FROM jobtrack.applications
     WHERE user_id = $1
       AND (coalesce(company, '''') || chr(10) || coalesce(role, '''') || chr(10)
         || coalesce(location, '''') || chr(10) || coalesce(source, '''') || chr(10)
         || coalesce(reference, '''') || chr(10) || coalesce(grade, '''') || chr(10)
         || coalesce(notes, '''')) ILIKE $2'
    USING person, pattern;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION jobtrack.search_application_ids(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION jobtrack.search_application_ids(text) TO authenticated;
