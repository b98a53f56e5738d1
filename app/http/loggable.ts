// What the app may write to the Worker's log about an error. Drizzle's query error puts the
// statement's parameters into its message (email addresses, password hashes, an emailed link, a
// person's draft), and Workers Logs keeps what is logged; so only the kind of error, the
// database's code and the underlying error's own message are logged, never the query's values.

/** A one-line description of `error` that never carries a query's parameters. */
export function loggable(error: unknown): string {
  if (!(error instanceof Error)) return typeof error === 'string' ? error : typeof error;
  const isQueryError = 'params' in error; // Drizzle's query error (its name is plain 'Error')
  const inner = error.cause instanceof Error ? error.cause : isQueryError ? null : error;
  if (!inner) return 'A database query failed';
  const code = (inner as { code?: unknown }).code;
  return `${inner.name}${typeof code === 'string' ? ` ${code}` : ''}: ${inner.message}`;
}
