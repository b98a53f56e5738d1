import type { AppLoadContext } from '@remix-run/cloudflare';
import { eq, sql, type SQL } from 'drizzle-orm';
import { signInFailures } from '#db/schema';
import { asServer } from '~/db.server';
import { sha256 } from './hashing.server';

// Slows down password guessing for one email: after 5 failures within 15 minutes, further
// attempts are refused for 1 minute, then 2, 4, 8, capped at 15. Failures for emails with no
// account count the same, so a lock-out never reveals whether an account exists. Keyed by a hash
// of the email; no IP address is stored.

/** Failures allowed before the first lock-out. */
export const FREE_ATTEMPTS = 5;
/** Failures further apart than this (plus any lock-out) start the count again. */
export const WINDOW_MINUTES = 15;
/** First lock-out, doubled per further failure, up to the cap. */
export const FIRST_LOCKOUT_SECONDS = 60;
export const MAX_LOCKOUT_SECONDS = 15 * 60;

/** The lock-out that `failures` earns, as a SQL interval (one formula for checking and counting). */
function lockout(failures: SQL): SQL {
  const [free, first, max] = [FREE_ATTEMPTS, FIRST_LOCKOUT_SECONDS, MAX_LOCKOUT_SECONDS].map((n) =>
    sql.raw(String(n)),
  );
  return sql`(case when ${failures} >= ${free}
    then least(${first} * power(2, ${failures} - ${free}), ${max})
    else 0 end) * interval '1 second'`;
}

const emailKey = (email: string) => sha256(`sign-in:${email}`);

/**
 * Admits one password attempt for this email, counting it as a failure in advance (a success then
 * clears the count); returns 0, or the seconds to wait when the email is locked out. Checking and
 * counting are one upsert, so parallel guesses cannot all slip past the check before any is counted.
 */
export async function admitAttempt(context: AppLoadContext, email: string): Promise<number> {
  const emailHash = await emailKey(email);
  const locked = sql`f.last_failure_at + ${lockout(sql`f.failures`)} > now()`;
  const [rows] = await asServer(context, (tx) => [
    tx.execute<{ admitted: boolean; wait: number }>(sql`
      insert into jobtrack.sign_in_failures as f (email_hash, failures, last_failure_at)
      values (${emailHash}, 1, now())
      on conflict (email_hash) do update set
        failures = case
          when ${locked} then f.failures
          when f.last_failure_at + interval '${sql.raw(String(WINDOW_MINUTES))} minutes'
               + ${lockout(sql`f.failures`)} > now()
          then least(f.failures + 1, 100) else 1 end,
        last_failure_at = case when ${locked} then f.last_failure_at else now() end
      returning
        -- Only an admitted attempt writes this transaction's now().
        last_failure_at = now() as admitted,
        greatest(1, ceil(extract(epoch from
          (last_failure_at + ${lockout(sql`failures`)} - now()))))::int as wait`),
    // Keep no record longer than it can matter.
    tx.execute(
      sql`delete from jobtrack.sign_in_failures where last_failure_at < now() - interval '1 day'`,
    ),
  ]);
  const row = rows[0];
  return !row || row.admitted ? 0 : Number(row.wait);
}

/** Forgets the failures for this email (after a success). */
export async function clearFailures(context: AppLoadContext, email: string) {
  const emailHash = await emailKey(email);
  await asServer(context, (tx) =>
    tx.delete(signInFailures).where(eq(signInFailures.emailHash, emailHash)),
  );
}
