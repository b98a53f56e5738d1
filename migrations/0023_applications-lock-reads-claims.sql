-- 0022's first lock read the person only from the single claim the app sets. Callers that set
-- only the claims object (PostgREST does) took no early lock, so two of their overlapping
-- imports could deadlock again, and a sub that was not a uuid failed every insert. The person is
-- now read as auth.uid() reads them (the single claim, else the claims object's sub), never so
-- that the read can fail: not through auth.uid() itself, whose local stand-in (0000) fails on a
-- connection where only the claims object was ever set; a sub that is not a uuid takes no lock
-- (the count after the insert still holds the limit). An insert by anyone else (a migration, the
-- table's owner) is not stopped here.
CREATE OR REPLACE FUNCTION jobtrack.applications_lock_before_insert() RETURNS trigger
LANGUAGE plpgsql SET search_path = ''
AS $$
DECLARE
  sub text := coalesce(nullif(current_setting('request.jwt.claim.sub', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub');
BEGIN
  IF sub ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
    PERFORM pg_advisory_xact_lock(jobtrack.applications_lock_key(sub::uuid));
  END IF;
  RETURN NULL;
END
$$;
