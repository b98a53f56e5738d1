import { eq, sql, type SQL } from 'drizzle-orm';
import { authUsers } from 'drizzle-orm/supabase';
import { localCredentials } from '#db/schema';
import type { Tx } from '~/db.server';

// auth.users is written with plain SQL: Drizzle's `authUsers` describes Supabase's full table,
// and an insert through it would name columns that the local bootstrap table does not have.

export type Account = {
  id: string;
  email: string;
  confirmed: boolean;
  passwordHash: string | null;
};

async function findAccount(tx: Tx, where: SQL): Promise<Account | null> {
  const [row] = await tx
    .select({
      id: authUsers.id,
      email: authUsers.email,
      confirmedAt: authUsers.emailConfirmedAt,
      passwordHash: localCredentials.passwordHash,
    })
    .from(authUsers)
    .leftJoin(localCredentials, eq(localCredentials.userId, authUsers.id))
    .where(where)
    .limit(1);
  return row ? toAccount(row) : null;
}

/** The account for a (normalised) email address, with its password hash, or null. */
export const findAccountByEmail = (tx: Tx, email: string) =>
  findAccount(tx, eq(authUsers.email, email));

/** The account with this id, or null. */
export const findAccountById = (tx: Tx, id: string) => findAccount(tx, eq(authUsers.id, id));

/** Creates an unconfirmed account; returns its id, or null when the email is already taken. */
export async function createAccount(
  tx: Tx,
  email: string,
  passwordHash: string,
): Promise<string | null> {
  const rows = await tx.execute<{ id: string }>(
    sql`insert into auth.users (email) values (${email}) on conflict (email) do nothing returning id`,
  );
  const id = rows[0]?.id;
  if (!id) return null;
  await tx.insert(localCredentials).values({ userId: id, passwordHash });
  return id;
}

/** Replaces the account's password hash. */
export async function setPasswordHash(tx: Tx, userId: string, passwordHash: string) {
  await tx
    .insert(localCredentials)
    .values({ userId, passwordHash })
    .onConflictDoUpdate({
      target: localCredentials.userId,
      set: { passwordHash, updatedAt: sql`now()` },
    });
}

/** Drops the account's password: it can then be used only through emailed links until one is set. */
export async function removePassword(tx: Tx, userId: string) {
  await tx.delete(localCredentials).where(eq(localCredentials.userId, userId));
}

/** Records that the person has shown they receive mail at the address (first time only). */
export async function markEmailConfirmed(tx: Tx, userId: string) {
  await tx.execute(
    sql`update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()), updated_at = now()
        where id = ${userId}`,
  );
}

/** Deletes the auth user; every row that references it goes with it (on delete cascade). */
export async function deleteAuthUser(tx: Tx, userId: string) {
  await tx.execute(sql`delete from auth.users where id = ${userId}`);
}

function toAccount(row: {
  id: string;
  email: string | null;
  confirmedAt: Date | null;
  passwordHash: string | null;
}): Account {
  return {
    id: row.id,
    email: row.email ?? '',
    confirmed: row.confirmedAt !== null,
    passwordHash: row.passwordHash,
  };
}
