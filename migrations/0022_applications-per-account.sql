-- An account holds at most 10,000 applications (MAX_APPLICATIONS in app/applications/limits.ts),
-- however they arrive: the add form, an import, a CSV, guest mode's move. The export format holds
-- as many (FORMAT_CAPS), so every account's export can be imported again, and no account can fill
-- the database. Checked after each insert statement, under a lock per person held to the end of
-- the transaction, so two inserts at once cannot both pass: the second waits for the first to
-- end, then counts again (each statement of the function reads what has committed by then). An
-- insert that would go past the limit fails with check_violation naming
-- `applications_per_account`, and writes nothing.
--
-- The lock is taken before the statement inserts anything, for the person the transaction is
-- for: taken only after, two imports of overlapping files could each hold a row the
-- other waits for, and deadlock. The check takes it again for each person the rows belong to
-- (the same lock for the app's own inserts, which are always the signed-in person's).
CREATE FUNCTION jobtrack.applications_lock_key(owner uuid) RETURNS bigint
LANGUAGE sql IMMUTABLE SET search_path = ''
AS $$ SELECT hashtextextended('applications_per_account:' || owner::text, 0) $$;
--> statement-breakpoint
-- The person is read from the claim every transaction of the app sets first (app/db.server.ts,
-- setupStatement), as auth.uid() reads it first; not through auth.uid() itself, whose local
-- stand-in (0000) fails on a connection where only the claims object was ever set, and an insert
-- by anyone else (a migration, the table's owner) must not fail here.
CREATE FUNCTION jobtrack.applications_lock_before_insert() RETURNS trigger
LANGUAGE plpgsql SET search_path = ''
AS $$
DECLARE
  person uuid := nullif(current_setting('request.jwt.claim.sub', true), '')::uuid;
BEGIN
  IF person IS NOT NULL THEN
    PERFORM pg_advisory_xact_lock(jobtrack.applications_lock_key(person));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION jobtrack.applications_within_limit() RETURNS trigger
LANGUAGE plpgsql SET search_path = ''
AS $$
DECLARE
  owner uuid;
BEGIN
  FOR owner IN SELECT DISTINCT user_id FROM added ORDER BY user_id LOOP
    PERFORM pg_advisory_xact_lock(jobtrack.applications_lock_key(owner));
    IF (SELECT count(*) FROM jobtrack.applications WHERE user_id = owner) > 10000 THEN
      RAISE EXCEPTION 'an account holds at most 10000 applications'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'applications_per_account';
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER applications_lock_before_insert BEFORE INSERT ON jobtrack.applications
  FOR EACH STATEMENT EXECUTE FUNCTION jobtrack.applications_lock_before_insert();
--> statement-breakpoint
CREATE TRIGGER applications_per_account AFTER INSERT ON jobtrack.applications
  REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION jobtrack.applications_within_limit();
