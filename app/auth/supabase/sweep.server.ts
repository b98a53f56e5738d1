import type { AppLoadContext } from '@remix-run/cloudflare';
import { sql } from 'drizzle-orm';
import { asServer } from '~/db.server';
import { adminClient } from './clients.server';
import { describe } from './errors.server';

// Google accounts nobody finished (docs/decisions/028). Supabase makes the account as Google sends
// the person back, before JobTrack's callback decides whether it may exist; a person who closes
// the tab there, or a removal that failed, leaves an account that never got a session here, holds
// nothing and has no age confirmed: an email address kept for no one. Once a day the Worker's
// cron removes those a day old, with the secret key, so Supabase ends everything of theirs too.

/** At most this many accounts a run: a backlog is worked off over the following days. */
const PER_RUN = 100;

/**
 * Removes Google-only accounts with no "18 or over" mark, a day old or more, with no session
 * and no row of JobTrack's. Returns how many went; does nothing in local mode.
 */
export async function sweepUnfinishedGoogleAccounts(context: AppLoadContext): Promise<number> {
  const supabase = context.config.supabase;
  if (!supabase) return 0;
  const rows = await asServer(context, (tx) =>
    tx.execute<{ id: string }>(sql`
      select u.id from auth.users u
      where u.raw_app_meta_data -> 'providers' = '["google"]'::jsonb
        and (u.raw_app_meta_data -> 'jobtrack_adult') is distinct from 'true'::jsonb
        and u.created_at < now() - interval '1 day'
        and not exists (select 1 from auth.sessions s where s.user_id = u.id)
        and not exists (select 1 from jobtrack.applications a where a.user_id = u.id)
        and not exists (select 1 from jobtrack.statements s where s.user_id = u.id)
        and not exists (select 1 from jobtrack.tracker_settings t where t.user_id = u.id)
      order by u.created_at
      limit ${PER_RUN}`),
  );
  const admin = adminClient(supabase);
  let removed = 0;
  for (const { id } of rows) {
    const { error } = await admin.auth.admin.deleteUser(id);
    if (error) console.warn('Supabase removal of an unfinished Google account:', describe(error));
    else removed += 1;
  }
  return removed;
}
