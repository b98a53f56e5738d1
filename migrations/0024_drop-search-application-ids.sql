-- Superseded by search_applications (0021), which every Worker since that release calls; kept
-- until now only for a Worker deployed before it.
DROP FUNCTION jobtrack.search_application_ids(text);
