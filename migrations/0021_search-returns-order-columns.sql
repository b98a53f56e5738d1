-- A search (see 0009 and 0018) now returns, beside each match's id, what the list needs to count
-- the matches by status and to order them: a page's statement takes its counts and its rows from
-- one run of the search, and reads only the page's own rows again. The rules are 0018's: the
-- owner's rights, only the rows of auth.uid(), the stored lower-cased text the index holds. The
-- caller names the person too (`owner`, the app's own user id), and the function answers nothing
-- unless that is auth.uid(): the app's filter on user_id and the claims' must both hold, as they do
-- for every other query under the policy.
CREATE FUNCTION jobtrack.search_applications(owner uuid, pattern text)
RETURNS TABLE (
  id uuid,
  status jobtrack.application_status,
  updated_at timestamp with time zone,
  date_applied date,
  closing_date date,
  closing_time time
)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = ''
AS $$
BEGIN
  IF owner IS NULL OR owner IS DISTINCT FROM auth.uid() THEN
    RETURN;
  END IF;
  RETURN QUERY EXECUTE
    'SELECT id, status, updated_at, date_applied, closing_date, closing_time
     FROM jobtrack.applications WHERE user_id = $1 AND search_text LIKE lower($2)'
    USING owner, pattern;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION jobtrack.search_applications(uuid, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION jobtrack.search_applications(uuid, text) TO authenticated;
--> statement-breakpoint
-- search_application_ids stays until a later migration: a Worker deployed before this one still
-- calls it, for the seconds between the migration and the deploy.
COMMENT ON FUNCTION jobtrack.search_application_ids(text) IS
  'Superseded by search_applications (0021); kept for Workers deployed before it. Drop in a later migration.';
