import type { AppLoadContext } from '@remix-run/cloudflare';
import { eq, inArray, sql } from 'drizzle-orm';
import { throttles } from '#db/schema';
import { asServer } from '~/db.server';
import { sha256 } from './hashing.server';

// Two kinds of limit on the requests that guess passwords or send email (docs/decisions/016):
//
// - Per address, in our database: a "leaky bucket" per purpose and email address, keyed by a
//   SHA-256 of both. Each attempt fills it by one; it drains at a steady rate; when it is full,
//   attempts are refused until it has drained by one. Unknown addresses are counted exactly like
//   known ones, so a refusal never says whether an account exists.
// - Per client, by Cloudflare's Rate Limiting binding, keyed by a SHA-256 of the client's address
//   (its /64 for IPv6). Cloudflare keeps that counter for a minute; we store nothing about it.

/** A per-address allowance: `capacity` attempts at once, then one more per `drainSeconds`. */
export type Allowance = { name: string; capacity: number; drainSeconds: number };

/**
 * Password guesses per email address: 5 at once, then one every 6 minutes (10 an hour). Someone
 * who guesses less often than that can never keep the owner locked out (see docs/decisions/016).
 */
export const PASSWORD_GUESSES: Allowance = { name: 'sign-in', capacity: 5, drainSeconds: 360 };

/**
 * Emails per address, two allowances of 5 at once, then one every 12 minutes each. Sign-in links
 * and reset links share one; sign-ups (a confirmation link, or a note that the account exists)
 * and confirmation resends have the other. So a stranger's sign-ups never use up the owner's
 * links, and a stranger who uses up the links has sent the owner live ones: each lives 30 minutes
 * or more, longer than a slot takes to free (docs/decisions/016).
 */
export const LINK_EMAILS: Allowance = { name: 'email-link', capacity: 5, drainSeconds: 720 };
export const SIGN_UP_EMAILS: Allowance = { name: 'email-sign-up', capacity: 5, drainSeconds: 720 };

/** The key an address's allowance is stored under. */
export const throttleKey = (allowance: Allowance, email: string) =>
  sha256(`${allowance.name}:${email}`);

/**
 * Takes one attempt from this address's allowance: 0 when admitted, otherwise the seconds until
 * one is free. Checking and counting are one upsert, so parallel attempts cannot all slip through.
 */
export async function admit(
  context: AppLoadContext,
  allowance: Allowance,
  email: string,
): Promise<number> {
  const key = await throttleKey(allowance, email);
  const capacity = sql.raw(String(allowance.capacity));
  const drain = sql.raw(String(allowance.drainSeconds));
  // What is still in the bucket now, after draining since it was last filled.
  const level = sql`greatest(0, t.spent - extract(epoch from now() - t.updated_at) / ${drain})`;
  const fits = sql`${level} + 1 <= ${capacity}`;
  const rows = await asServer(context, async (tx) => {
    const result = await tx.execute<{ admitted: boolean; wait: number }>(sql`
      insert into jobtrack.throttles as t (key_hash, spent, updated_at) values (${key}, 1, now())
      on conflict (key_hash) do update set
        spent = case when ${fits} then ${level} + 1 else t.spent end,
        updated_at = case when ${fits} then now() else t.updated_at end
      returning
        -- Only an admitted attempt writes this transaction's now().
        updated_at = now() as admitted,
        greatest(1, ceil((spent + 1 - ${capacity}) * ${drain}
          - extract(epoch from now() - updated_at)))::int as wait`);
    // A bucket left alone for a day is long empty: forget it.
    await tx.execute(
      sql`delete from jobtrack.throttles where updated_at < now() - interval '1 day'`,
    );
    return result;
  });
  const row = rows[0];
  return !row || row.admitted ? 0 : Number(row.wait);
}

/** Empties these allowances for the address (a right password; a deleted account). */
export async function forget(context: AppLoadContext, email: string, ...allowances: Allowance[]) {
  const keys = await Promise.all(allowances.map((allowance) => throttleKey(allowance, email)));
  await asServer(context, (tx) => tx.delete(throttles).where(inArray(throttles.keyHash, keys)));
}

/** Forgets one stored allowance by its key (tests move time by editing rows instead). */
export async function forgetKey(context: AppLoadContext, key: string) {
  await asServer(context, (tx) => tx.delete(throttles).where(eq(throttles.keyHash, key)));
}

/** Seconds a client is told to wait after a per-client refusal: the binding's period. */
export const CLIENT_RETRY_SECONDS = 60;

/**
 * Counts this request against the client's per-minute allowance for `kind`; false when the
 * client has used it up. Keyed by a hash of the address Cloudflare saw, never the address itself.
 */
export async function clientAllowed(
  context: AppLoadContext,
  request: Request,
  kind: 'password' | 'email',
): Promise<boolean> {
  const key = await sha256(`client:${clientAddress(request)}`);
  const { success } = await context.config.limiters[kind].limit({ key });
  return success;
}

/** The client's address as Cloudflare reports it; an IPv6 address stands for its /64. */
export function clientAddress(request: Request): string {
  const ip = request.headers.get('CF-Connecting-IP')?.trim().toLowerCase();
  if (!ip) return 'unknown';
  if (!ip.includes(':')) return ip;
  // An IPv4 address written in IPv6 form (::ffff:192.0.2.1) is that IPv4 address.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (mapped) return mapped[1]!;
  // One household or phone usually holds a whole /64, so that is what counts as one client.
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = ip.includes('::')
    ? Array(Math.max(0, 8 - left.length - right.length)).fill('0')
    : [];
  const groups = [...left, ...zeros, ...right].slice(0, 4);
  return `${groups.map((g) => Number.parseInt(g || '0', 16).toString(16)).join(':')}::/64`;
}
