-- The Statement Builder's tables, for a signed-in person's role; RLS policies limit each to their rows.
GRANT SELECT, INSERT, UPDATE, DELETE ON jobtrack.statements, jobtrack.statement_versions, jobtrack.statement_generations TO authenticated;
