import { and, eq, gt, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { authTokens } from '#db/schema';
import type { Tx } from '~/db.server';
import { randomToken, sha256 } from '../hashing.server';

/** What an emailed link's token is for; each purpose is only accepted where it belongs. */
export type TokenPurpose = 'confirm' | 'magiclink' | 'recovery';

/** The stored purpose of each kind of link the port names. */
export const PURPOSE_OF = {
  signup: 'confirm',
  magiclink: 'magiclink',
  recovery: 'recovery',
} as const;

/** Minutes each kind of link stays valid: all within the hour the issue allows. */
export const TOKEN_MINUTES: Record<TokenPurpose, number> = {
  confirm: 60,
  magiclink: 30,
  recovery: 60,
};

/** Issues a single-use token; only its SHA-256 is stored. Returns the raw token for the link. */
export async function issueToken(tx: Tx, userId: string, purpose: TokenPurpose): Promise<string> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + TOKEN_MINUTES[purpose] * 60_000);
  // Drop this person's spent and expired tokens so they do not pile up.
  await tx
    .delete(authTokens)
    .where(
      and(
        eq(authTokens.userId, userId),
        or(isNotNull(authTokens.usedAt), lt(authTokens.expiresAt, new Date())),
      ),
    );
  await tx
    .insert(authTokens)
    .values({ tokenHash: await sha256(token), userId, purpose, expiresAt });
  return token;
}

/**
 * Marks a live token used and returns its owner, or null when it is unknown, spent, expired or
 * for another purpose. One UPDATE does check and spend, so two clicks cannot both succeed.
 */
export async function consumeToken(tx: Tx, token: string, purpose: TokenPurpose) {
  const tokenHash = await sha256(token);
  const rows = await tx.execute<{ user_id: string; email: string | null }>(sql`
    update jobtrack.auth_tokens t set used_at = now()
    from auth.users u
    where t.token_hash = ${tokenHash} and t.purpose = ${purpose} and u.id = t.user_id
      and t.used_at is null and t.expires_at > now()
    returning t.user_id, u.email`);
  const row = rows[0];
  return row ? { userId: row.user_id, email: row.email ?? '' } : null;
}

/**
 * The owner of a live token, read without spending it, or null when it is unknown, spent,
 * expired or for another purpose: what opening a link may learn.
 */
export async function peekToken(tx: Tx, token: string, purpose: TokenPurpose) {
  const [row] = await tx
    .select({ userId: authTokens.userId })
    .from(authTokens)
    .where(
      and(
        eq(authTokens.tokenHash, await sha256(token)),
        eq(authTokens.purpose, purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, new Date()),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Cancels every outstanding link the person has (after a password change, reset or claim). */
export async function revokeTokens(tx: Tx, userId: string) {
  await tx.delete(authTokens).where(eq(authTokens.userId, userId));
}
