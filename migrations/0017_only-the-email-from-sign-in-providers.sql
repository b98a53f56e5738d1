-- Only the email address is kept from Google, and no IP address is kept (the privacy policy;
-- docs/decisions/022). Supabase Auth writes every claim Google sends (name, picture, locale…)
-- into auth.identities.identity_data at each sign-in and copies it into
-- auth.users.raw_user_meta_data; no API removes the first. Its audit log copies the name and the
-- request's address into auth.audit_log_entries. These triggers keep, from any sign-in provider,
-- only what Supabase Auth itself reads (the subject, the address and whether it was verified:
-- re-check the list at each Supabase Auth upgrade), and no name or address in the audit log.
-- Supabase Auth's own role fires them; they run as their owner (security definer) so that role
-- needs no access to this schema, and they touch nothing but the row being written.
-- On a plain PostgreSQL (the embedded default) there are no such tables and no trigger is made.
SET LOCAL lock_timeout = '5s';
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jobtrack.only_the_email(profile jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE STRICT SET search_path = '' AS $$
  SELECT CASE WHEN pg_catalog.jsonb_typeof(profile) = 'object' THEN (
    SELECT coalesce(pg_catalog.jsonb_object_agg(key, value), '{}'::jsonb)
    FROM pg_catalog.jsonb_each(profile)
    WHERE key IN ('sub', 'provider_id', 'email', 'email_verified', 'phone_verified')
  ) ELSE profile END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jobtrack.identity_keeps_only_the_email() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' AS $$
BEGIN
  NEW.identity_data := jobtrack.only_the_email(NEW.identity_data);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jobtrack.user_keeps_only_the_email() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' AS $$
BEGIN
  NEW.raw_user_meta_data := jobtrack.only_the_email(NEW.raw_user_meta_data);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jobtrack.audit_entry_keeps_no_name_or_address() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' AS $$
BEGIN
  IF pg_catalog.json_typeof(NEW.payload) = 'object' THEN
    NEW.payload := (NEW.payload::jsonb - 'actor_name')::json;
  END IF;
  NEW.ip_address := '';
  RETURN NEW;
END
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION jobtrack.only_the_email(jsonb), jobtrack.identity_keeps_only_the_email(),
  jobtrack.user_keeps_only_the_email(), jobtrack.audit_entry_keeps_no_name_or_address() FROM PUBLIC;
--> statement-breakpoint
DO $$
BEGIN
  IF to_regclass('auth.identities') IS NULL THEN
    -- Supabase Auth makes its tables before anyone can run these migrations on a project; a
    -- Supabase-shaped auth.users without them means the order went wrong: stop, do not skip.
    IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'auth'
               AND table_name = 'users' AND column_name = 'raw_user_meta_data') THEN
      RAISE EXCEPTION 'auth.users is Supabase''s but auth.identities is missing: start Supabase Auth first';
    END IF;
    RETURN;
  END IF;
  CREATE OR REPLACE TRIGGER jobtrack_keeps_only_the_email
    BEFORE INSERT OR UPDATE OF identity_data ON auth.identities
    FOR EACH ROW EXECUTE FUNCTION jobtrack.identity_keeps_only_the_email();
  CREATE OR REPLACE TRIGGER jobtrack_keeps_only_the_email
    BEFORE INSERT OR UPDATE OF raw_user_meta_data ON auth.users
    FOR EACH ROW EXECUTE FUNCTION jobtrack.user_keeps_only_the_email();
  CREATE OR REPLACE TRIGGER jobtrack_keeps_no_name_or_address
    BEFORE INSERT OR UPDATE ON auth.audit_log_entries
    FOR EACH ROW EXECUTE FUNCTION jobtrack.audit_entry_keeps_no_name_or_address();
  -- What earlier sign-ins left behind goes too (each update fires its trigger). Row-level
  -- security off: a role it would hide rows from gets an error, not a silent partial clean.
  PERFORM set_config('row_security', 'off', true);
  UPDATE auth.identities SET identity_data = identity_data
    WHERE identity_data IS DISTINCT FROM jobtrack.only_the_email(identity_data);
  UPDATE auth.users SET raw_user_meta_data = raw_user_meta_data
    WHERE raw_user_meta_data IS DISTINCT FROM jobtrack.only_the_email(raw_user_meta_data);
  UPDATE auth.audit_log_entries SET payload = payload
    WHERE ip_address <> '' OR (json_typeof(payload) = 'object' AND payload::jsonb ? 'actor_name');
  PERFORM set_config('row_security', 'on', true);
END
$$;
