// The app's migrations run on Supabase, where auth.users and auth.uid() already exist, exactly as
// on a plain PostgreSQL, where they create a stand-in: on a Supabase-shaped auth schema they change
// nothing of its tables, the app's tables hang off Supabase's users with cascading deletes, and of
// what a sign-in provider sends only the email address is kept, with no name or address in the
// audit log (docs/decisions/022).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runMigrations } from '../../../../db/migrate';

const SUPABASE_AUTH = readFileSync(
  new URL('../../../fixtures/supabase-auth-schema.sql', import.meta.url),
  'utf8',
);

type Db = postgres.Sql | postgres.TransactionSql;

/** A new database with a Supabase-shaped auth schema, and its URL. */
async function supabaseDatabase() {
  const serverUrl = inject('pgServerUrl');
  const name = `supabase_${randomUUID().replace(/-/g, '')}`;
  const server = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await server.unsafe(`create database "${name}" template template0`);
  await server.end();
  const url = serverUrl.replace(/\/postgres$/, `/${name}`);
  const db = postgres(url, { max: 1, onnotice: () => {} });
  await db.unsafe(SUPABASE_AUTH);
  return { url, db };
}

/** Google's account numbers (21 digits), one per address. */
const subs = new Map<string, string>();
const googleSub = (email: string) => {
  if (!subs.has(email)) subs.set(email, `10${String(subs.size + 1).padStart(19, '0')}`);
  return subs.get(email)!;
};

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
/** What is left of that profile. */
const KEPT = (email: string, sub = googleSub(email)) => ({
  sub,
  provider_id: sub,
  email,
  email_verified: true,
  phone_verified: false,
});

/** A Google sign-up as Supabase Auth writes it: the user, its identity, its audit entry. */
async function googleSignUp(db: Db, email: string, name: string) {
  const id = randomUUID();
  const profile = db.json(googleProfile(email, name));
  await db`insert into auth.users (id, email, aud, role, raw_user_meta_data)
    values (${id}, ${email}, 'authenticated', 'authenticated', ${profile})`;
  await db`insert into auth.identities (provider_id, user_id, identity_data, provider)
    values (${googleSub(email)}, ${id}, ${profile}, 'google')`;
  // models.NewAuditLogEntry: the actor's full_name, and the address the callback came from.
  const payload = db.json({
    actor_id: id,
    actor_via_sso: false,
    actor_username: email,
    actor_name: name,
    action: 'user_signedup',
    log_type: 'team',
    traits: { provider: 'google' },
  });
  await db`insert into auth.audit_log_entries (id, payload, created_at, ip_address)
    values (${randomUUID()}, ${payload}::json, now(), '203.0.113.77')`;
  return id;
}

let url: string;
let sql: postgres.Sql;
let before: Awaited<ReturnType<typeof supabaseAuthSchema>>;

async function storedProfile(id: string) {
  const [row] = await sql`select u.raw_user_meta_data as meta, i.identity_data as identity
    from auth.users u join auth.identities i on i.user_id = u.id where u.id = ${id}`;
  return row!;
}

async function auditEntriesOf(id: string) {
  return sql`select payload::jsonb as payload, ip_address from auth.audit_log_entries
    where payload->>'actor_id' = ${id}`;
}

/** Supabase Auth's own database role: its tables (it owns them), nothing of the app's schema. */
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
  ({ url, db: sql } = await supabaseDatabase());
  // Left by sign-ins before the migrations: a Google account, and a user Supabase's admin
  // import made with JSON null metadata (models.NewUserWithPasswordHash).
  await googleSignUp(sql, 'priya.shah@gmail.com', 'Priya Shah');
  await sql`insert into auth.users (id, email, raw_user_meta_data)
    values (${randomUUID()}, 'imported@example.com', 'null'::jsonb)`;
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

  it('hang every row of a person off Supabase’s user, gone when the user is deleted', async () => {
    const id = randomUUID();
    await sql`insert into auth.users (id, email, aud, role) values (${id}, 'p@example.com', 'authenticated', 'authenticated')`;
    await sql`insert into jobtrack.applications (user_id, company, role, status)
      values (${id}, 'Acme Ltd', 'Analyst', 'applied')`;

    await sql`delete from auth.users where id = ${id}`;

    expect(await sql`select 1 from jobtrack.applications where user_id = ${id}`).toEqual([]);
  });

  it('refuse to run on a Supabase-shaped auth.users without auth.identities', async () => {
    const broken = await supabaseDatabase();
    await broken.db`drop table auth.identities`;
    await broken.db.end();

    await expect(runMigrations(broken.url)).rejects.toThrow(/auth\.identities is missing/);
  });
});

describe('what Supabase keeps of a Google sign-in, after the migrations', () => {
  it('only the email address of the profile, and no name or address in the audit log', async () => {
    const id = await asSupabaseAuth((tx) =>
      googleSignUp(tx, 'tom.oneill@gmail.com', 'Tom O’Neill'),
    );

    expect(await storedProfile(id)).toEqual({
      meta: KEPT('tom.oneill@gmail.com'),
      identity: KEPT('tom.oneill@gmail.com'),
    });
    const [entry] = await auditEntriesOf(id);
    expect(entry).toEqual({
      ip_address: '',
      payload: {
        actor_id: id,
        actor_via_sso: false,
        actor_username: 'tom.oneill@gmail.com',
        action: 'user_signedup',
        log_type: 'team',
        traits: { provider: 'google' },
      },
    });
  });

  it('only the email address when a later sign-in writes the profile again', async () => {
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

  it('nothing more of what sign-ins before the migrations left behind', async () => {
    const [{ id }] = (await sql`select id from auth.users
      where email = 'priya.shah@gmail.com'`) as unknown as [{ id: string }];

    expect(await storedProfile(id)).toEqual({
      meta: KEPT('priya.shah@gmail.com'),
      identity: KEPT('priya.shah@gmail.com'),
    });
    const [entry] = await auditEntriesOf(id);
    expect(entry!.ip_address).toBe('');
    expect(entry!.payload).not.toHaveProperty('actor_name');
  });

  it('metadata that is not an object, as Supabase’s admin import writes it, unchanged', async () => {
    const id = randomUUID();
    await asSupabaseAuth(
      (tx) => tx`insert into auth.users (id, email, raw_user_meta_data)
        values (${id}, 'bulk.import@example.com', 'null'::jsonb)`,
    );

    const [user] = await sql`select raw_user_meta_data::text as meta from auth.users
      where id = ${id}`;
    expect(user!.meta).toBe('null');
  });
});
