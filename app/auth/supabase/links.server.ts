import type { AppLoadContext } from '@remix-run/cloudflare';
import { sql } from 'drizzle-orm';
import { asServer } from '~/db.server';
import type { EmailLinkType } from '../port';

// Supabase Auth has no call that says whether an emailed link still works without spending it,
// but the link's token hash is the very value it keeps in auth.users (confirmation_token for a
// confirmation, recovery_token for a sign-in or reset link), in the database this app already
// reads. So the confirm and reset pages can say at once that a link is spent, and ask for the
// sign-up password before anything is spent (docs/decisions/021).

/** How long Supabase accepts an emailed link (its MAILER_OTP_EXP; the dashboard's default). */
export const LINK_SECONDS = 3600;

/** A live link's account, as the confirm page needs it. */
export type Link = { userId: string; email: string; confirmed: boolean; asksForPassword: boolean };

/** The account a live emailed link belongs to, or null; spends nothing. */
export async function findLink(
  context: AppLoadContext,
  token: string,
  type: EmailLinkType,
): Promise<Link | null> {
  const column = type === 'signup' ? sql.raw('confirmation_token') : sql.raw('recovery_token');
  const sentAt = type === 'signup' ? sql.raw('confirmation_sent_at') : sql.raw('recovery_sent_at');
  const rows = await asServer(context, (tx) =>
    tx.execute<{ id: string; email: string; confirmed: boolean; has_password: boolean }>(sql`
      select id, email, email_confirmed_at is not null as confirmed,
             coalesce(encrypted_password, '') <> ''
               and coalesce(raw_app_meta_data ->> 'jobtrack_password', '') <> 'none' as has_password
      from auth.users
      where ${column} = ${token} and ${column} <> ''
        and ${sentAt} > now() - make_interval(secs => ${LINK_SECONDS})
      limit 1`),
  );
  const row = rows[0];
  if (!row) return null;
  // A confirmation link for an account whose password was chosen before anyone proved they
  // read this mailbox asks for that password (docs/decisions/015).
  const asksForPassword = type === 'signup' && !row.confirmed && row.has_password;
  return { userId: row.id, email: row.email, confirmed: row.confirmed, asksForPassword };
}

/** Whether the person has a password of their own (not Google-only, not dropped at a claim). */
export async function hasPassword(context: AppLoadContext, userId: string): Promise<boolean> {
  const rows = await asServer(context, (tx) =>
    tx.execute<{ has_password: boolean }>(sql`
      select coalesce(encrypted_password, '') <> ''
               and coalesce(raw_app_meta_data ->> 'jobtrack_password', '') <> 'none' as has_password
      from auth.users where id = ${userId}`),
  );
  return Boolean(rows[0]?.has_password);
}
