-- An account holds at most 10,000 applications (MAX_APPLICATIONS in app/applications/limits.ts),
-- however they arrive: the add form, an import, a CSV, guest mode's move. The export format holds
-- as many (FORMAT_CAPS), so every account's export can be imported again, and no account can fill
-- the database. Checked after each insert statement, under a lock per person taken there, so two
-- inserts at once cannot both pass: the second waits for the first to end, then counts again
-- (each statement of the function reads what has committed by then). An insert that would go past
-- the limit fails with check_violation naming `applications_per_account`, and writes nothing.
CREATE FUNCTION jobtrack.applications_within_limit() RETURNS trigger
LANGUAGE plpgsql SET search_path = ''
AS $$
DECLARE
  owner uuid;
BEGIN
  FOR owner IN SELECT DISTINCT user_id FROM added ORDER BY user_id LOOP
    PERFORM pg_advisory_xact_lock(hashtext('jobtrack.applications_per_account'),
      hashtext(owner::text));
    IF (SELECT count(*) FROM jobtrack.applications WHERE user_id = owner) > 10000 THEN
      RAISE EXCEPTION 'an account holds at most 10000 applications'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'applications_per_account';
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER applications_per_account AFTER INSERT ON jobtrack.applications
  REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION jobtrack.applications_within_limit();
