-- A signed-in person's queries run as `authenticated`; RLS policies then limit them to their own rows.
-- The local-auth tables get no grant at all: only the server's own role reads them.
GRANT USAGE ON SCHEMA jobtrack TO authenticated;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON jobtrack.applications, jobtrack.status_changes TO authenticated;
