-- Only the email address is kept from Google (the privacy policy; docs/decisions/022). Supabase
-- Auth writes every claim Google sends (name, picture, locale…) into auth.identities.identity_data
-- at each sign-in and copies it into auth.users.raw_user_meta_data; no API removes the first.
-- These triggers keep, from any sign-in provider, only what Supabase Auth itself reads: the
-- subject, the address and whether it was verified. Supabase Auth's own role fires them; they run
-- as their owner (security definer) so that role needs no access to this schema, and they touch
-- nothing but the row being written.
-- On a plain PostgreSQL (the embedded default) there is no auth.identities and no trigger is made.
CREATE OR REPLACE FUNCTION jobtrack.only_the_email(profile jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE STRICT SET search_path = '' AS $$
  SELECT coalesce(pg_catalog.jsonb_object_agg(key, value), '{}'::jsonb)
  FROM pg_catalog.jsonb_each(profile)
  WHERE key IN ('sub', 'provider_id', 'email', 'email_verified', 'phone_verified')
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
DO $$
BEGIN
  IF to_regclass('auth.identities') IS NOT NULL THEN
    CREATE TRIGGER jobtrack_keeps_only_the_email
      BEFORE INSERT OR UPDATE OF identity_data ON auth.identities
      FOR EACH ROW EXECUTE FUNCTION jobtrack.identity_keeps_only_the_email();
    CREATE TRIGGER jobtrack_keeps_only_the_email
      BEFORE INSERT OR UPDATE OF raw_user_meta_data ON auth.users
      FOR EACH ROW EXECUTE FUNCTION jobtrack.user_keeps_only_the_email();
    -- What earlier sign-ins left behind goes too (each update fires its trigger).
    UPDATE auth.identities SET identity_data = identity_data
      WHERE identity_data IS DISTINCT FROM jobtrack.only_the_email(identity_data);
    UPDATE auth.users SET raw_user_meta_data = raw_user_meta_data
      WHERE raw_user_meta_data IS DISTINCT FROM jobtrack.only_the_email(raw_user_meta_data);
  END IF;
END
$$;
