-- A signed-in person's role reaches the new tables; RLS policies limit it to the person's rows.
GRANT SELECT, INSERT, UPDATE, DELETE ON jobtrack.application_events, jobtrack.tracker_settings TO authenticated;
--> statement-breakpoint
-- The private calendar feed has no session: its URL carries a long random token, and the table
-- keeps only that token's SHA-256. This function answers one question, "whose feed has this
-- hash?", with the owner's id or null, and nothing else of the row; the feed then reads that
-- person's data under RLS like any signed-in request (decision 026). An exact match on a unique
-- index: the same work for any hash, and a hash cannot be guessed from a token it has not seen.
CREATE FUNCTION jobtrack.calendar_feed_owner(token_hash text) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ''
AS $$
  SELECT s.user_id FROM jobtrack.tracker_settings s
  WHERE s.calendar_token_hash = calendar_feed_owner.token_hash
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION jobtrack.calendar_feed_owner(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION jobtrack.calendar_feed_owner(text) TO authenticated;
