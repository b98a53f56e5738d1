// The app's migrations run on Supabase, where auth.users and auth.uid() already exist, exactly as
// on a plain PostgreSQL, where they create a stand-in: on a Supabase-shaped auth schema they change
// nothing of its tables, the app's tables hang off Supabase's users with cascading deletes, and
// of what a sign-in provider sends only the email address is kept (docs/decisions/022).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runMigrations } from '../../../../db/migrate';

const SUPABASE_AUTH = readFileSync(
  new URL('../../../fixtures/supabase-auth-schema.sql', import.meta.url),
  'utf8',
);

const name = `supabase_${randomUUID().replace(/-/g, '')}`;
let url: string;
let sql: postgres.Sql;
let before: Awaited<ReturnType<typeof supabaseAuthSchema>>;

/** Google's account number for an address (21 digits, as Google's are). */
const googleSub = (email: string) =>
  `1${[...email].reduce((n, c) => (n * 31n + BigInt(c.charCodeAt(0))) % 10n ** 20n, 7n)}`.padEnd(
    21,
    '0',
  );

/** What Google's userinfo gives Supabase Auth, which writes all of it at each sign-in. */
const googleProfile = (email: string, name: string, sub = googleSub(email)) => ({
  iss: 'https://accounts.google.com',
  sub,
  provider_id: sub,
  email,
  email_verified: true,
  phone_verified: false,
  name,
  full_name: name,
  given_name: name.split(' ')[0],
  picture: 'https://lh3.googleusercontent.com/a/ACg8ocK-example=s96-c',
  avatar_url: 'https://lh3.googleusercontent.com/a/ACg8ocK-example=s96-c',
  locale: 'en-GB',
});
const KEPT = (email: string, sub = googleSub(email)) => ({
  sub,
  provider_id: sub,
  email,
  email_verified: true,
  phone_verified: false,
});

/** A Google account as Supabase Auth writes it: the user, then its identity. */
async function googleSignUp(
  db: postgres.Sql | postgres.TransactionSql,
  email: string,
  name: string,
) {
  const id = randomUUID();
  const profile = db.json(googleProfile(email, name));
  await db`insert into auth.users (id, email, aud, role, raw_user_meta_data)
    values (${id}, ${email}, 'authenticated', 'authenticated', ${profile})`;
  await db`insert into auth.identities (provider_id, user_id, identity_data, provider)
    values (${googleSub(email)}, ${id}, ${profile}, 'google')`;
  return id;
}

async function storedProfile(id: string) {
  const [row] = await sql`select u.raw_user_meta_data as meta, i.identity_data as identity
    from auth.users u join auth.identities i on i.user_id = u.id where u.id = ${id}`;
  return row!;
}

/** Supabase Auth's own database role: its tables, and nothing of the app's schema. */
async function asSupabaseAuth<T>(work: (db: postgres.TransactionSql) => Promise<T>) {
  await sql`do $$ begin
    if not exists (select 1 from pg_roles where rolname = 'jobtrack_test_auth_admin') then
      create role jobtrack_test_auth_admin nologin bypassrls;
    end if;
  end $$`;
  await sql`grant usage on schema auth to jobtrack_test_auth_admin`;
  await sql`grant all on all tables in schema auth to jobtrack_test_auth_admin`;
  return sql.begin(async (tx) => {
    await tx`set local role jobtrack_test_auth_admin`;
    return work(tx);
  }) as Promise<T>;
}

beforeAll(async () => {
  const serverUrl = inject('pgServerUrl');
  const server = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await server.unsafe(`create database "${name}" template template0`);
  await server.end();
  url = serverUrl.replace(/\/postgres$/, `/${name}`);
  sql = postgres(url, { max: 1, onnotice: () => {} });
  await sql.unsafe(SUPABASE_AUTH);
  await googleSignUp(sql, 'priya.shah@gmail.com', 'Priya Shah');
  before = await supabaseAuthSchema();
  await runMigrations(url);
});
afterAll(async () => {
  await sql?.end();
});

/** What Supabase owns: the columns of auth.users and the definition of auth.uid(). */
async function supabaseAuthSchema() {
  const columns = await sql`
    select column_name, data_type, is_nullable, column_default, is_generated
    from information_schema.columns where table_schema = 'auth' and table_name = 'users'
    order by ordinal_position`;
  const [uid] = await sql`select pg_get_functiondef('auth.uid()'::regprocedure) as definition`;
  const indexes = await sql`select indexdef from pg_indexes
    where schemaname = 'auth' and tablename = 'users' order by indexname`;
  return { columns, uid: uid!.definition as string, indexes };
}

describe('migrations on a Supabase project', () => {
  it('leave Supabase’s auth.users and auth.uid() exactly as they were', async () => {
    expect(before.columns).toHaveLength(35);
    expect(await supabaseAuthSchema()).toEqual(before);
  });

  it('keep only the email address of what Google sends, as Supabase Auth writes it', async () => {
    const id = await asSupabaseAuth((tx) =>
      googleSignUp(tx, 'tom.oneill@gmail.com', 'Tom O’Neill'),
    );

    expect(await storedProfile(id)).toEqual({
      meta: KEPT('tom.oneill@gmail.com'),
      identity: KEPT('tom.oneill@gmail.com'),
    });
  });

  it('keep only the email address when a later Google sign-in writes the profile again', async () => {
    const id = await googleSignUp(sql, 'amara.okafor@gmail.com', 'Amara Okafor');
    // She has since changed her Google address and name; Supabase Auth rewrites both.
    const sub = googleSub('amara.okafor@gmail.com');
    const again = sql.json(googleProfile('amara.bell@gmail.com', 'Amara Bell', sub));

    const updated = await asSupabaseAuth(async (tx) => [
      await tx`update auth.identities set identity_data = ${again} where user_id = ${id}`,
      await tx`update auth.users set raw_user_meta_data = ${again} where id = ${id}`,
    ]);

    expect(updated.map((r) => r.count)).toEqual([1, 1]);
    expect(await storedProfile(id)).toEqual({
      meta: KEPT('amara.bell@gmail.com', sub),
      identity: KEPT('amara.bell@gmail.com', sub),
    });
  });

  it('remove the profiles that sign-ins before them left behind', async () => {
    const [{ id }] =
      (await sql`select id from auth.users where email = 'priya.shah@gmail.com'`) as [
        { id: string },
      ];
    expect(await storedProfile(id)).toEqual({
      meta: KEPT('priya.shah@gmail.com'),
      identity: KEPT('priya.shah@gmail.com'),
    });
  });

  it('hang every row of a person off Supabase’s user, gone when the user is deleted', async () => {
    const id = randomUUID();
    await sql`insert into auth.users (id, email, aud, role) values (${id}, 'p@example.com', 'authenticated', 'authenticated')`;
    await sql`insert into jobtrack.applications (user_id, company, role, status)
      values (${id}, 'Acme Ltd', 'Analyst', 'applied')`;

    await sql`delete from auth.users where id = ${id}`;

    expect(await sql`select 1 from jobtrack.applications where user_id = ${id}`).toEqual([]);
  });
});
