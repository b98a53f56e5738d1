-- Search over a person's applications uses a trigram GIN index that also holds user_id, so a
-- search reads only that person's matches. pg_trgm makes ILIKE '%…%' indexable; btree_gin lets
-- the same GIN index hold the uuid. Supabase offers both and keeps extensions in the `extensions`
-- schema; on a plain PostgreSQL (the embedded default, tests) this creates that schema too.
CREATE SCHEMA IF NOT EXISTS extensions;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA extensions;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin WITH SCHEMA extensions;
