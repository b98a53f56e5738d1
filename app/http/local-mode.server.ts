import type { Config } from '~/config.server';
import { isLocalDevelopment } from './security.server';

const PAGE = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>No email delivery configured · JobTrack</title>
</head>
<body>
<main>
<h1>This deployment has no email delivery configured</h1>
<p>JobTrack is running with local accounts (AUTH_MODE = "local"), which send no email: sign-in and
password reset links would only be written to logs and tables, where anyone who can read them could
use them to sign in as someone else. Local accounts therefore work only on http://localhost, on a
developer's own machine.</p>
<p>To serve JobTrack from this address, configure its Supabase accounts (AUTH_MODE = "supabase"),
which send real email; the README says how.</p>
</main>
</body>
</html>
`;

/**
 * Local mode anywhere but plain-http localhost: the 503 that answers every page instead of
 * quietly writing live sign-in links to the Worker's logs. Null where local mode may run.
 */
export function localModeRefusal(request: Request, config: Pick<Config, 'authMode'>) {
  if (config.authMode !== 'local' || isLocalDevelopment(request)) return null;
  return new Response(PAGE, {
    status: 503,
    statusText: 'Service Unavailable',
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
}
