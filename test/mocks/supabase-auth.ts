// MSW handlers for Supabase Auth: every request under the project's /auth/v1 goes to one fake
// project (./supabase/fake-auth.ts), which answers like GoTrue. Install per test with
// `server.use(...supabaseAuthHandlers(fake))`; any other Supabase request is unhandled and fails.
import { http } from 'msw';
import type postgres from 'postgres';
import type { FakeSupabaseAuth, FakeSupabaseConfig } from './supabase/fake-auth';

export const SUPABASE_URL = 'https://abcdefghijklmnop.supabase.co';
export const SUPABASE_PUBLISHABLE_KEY = 'sb_publishable_fake0000000000000000';
export const SUPABASE_SECRET_KEY = 'sb_secret_fake00000000000000000000';

/** The Worker settings that select the Supabase adapter on this fake project. */
export const SUPABASE_ENV = {
  AUTH_MODE: 'supabase',
  SUPABASE_URL,
  SUPABASE_PUBLISHABLE_KEY,
  SUPABASE_SECRET_KEY,
};

/** The handlers that route the project's Auth API to `fake`. */
export const supabaseAuthHandlers = (fake: FakeSupabaseAuth) => [
  http.all(`${SUPABASE_URL}/auth/v1/*`, ({ request }) =>
    fake.handle(request as unknown as Request),
  ),
];

/**
 * Gives the local stand-in for Supabase's auth schema that a test database has what the adapter
 * reads: the columns of auth.users, and auth.sessions, whose rows the fake writes as GoTrue does
 * (a Supabase project has them all; see test/integration/auth/supabase/migrations.test.ts for the
 * app's migrations on a Supabase-shaped table).
 */
export async function addSupabaseAuthTables(sql: postgres.Sql) {
  await sql`alter table auth.users
    add column if not exists instance_id uuid,
    add column if not exists aud varchar(255),
    add column if not exists role varchar(255),
    add column if not exists encrypted_password varchar(255),
    add column if not exists confirmation_token varchar(255),
    add column if not exists confirmation_sent_at timestamptz,
    add column if not exists recovery_token varchar(255),
    add column if not exists recovery_sent_at timestamptz,
    add column if not exists last_sign_in_at timestamptz,
    add column if not exists raw_app_meta_data jsonb,
    add column if not exists raw_user_meta_data jsonb,
    add column if not exists banned_until timestamptz,
    add column if not exists deleted_at timestamptz`;
  // The columns of Supabase's auth.sessions that the session check reads.
  await sql`create table if not exists auth.sessions (
    id uuid primary key,
    user_id uuid not null references auth.users (id) on delete cascade,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    not_after timestamptz)`;
}

/** Writes the fake's sessions into auth.sessions of a test database, as Supabase Auth does. */
export function authSessionsWriter(
  admin: () => postgres.Sql,
): FakeSupabaseConfig['onSessionWrite'] {
  return async (event) => {
    const sql = admin();
    if (event.type === 'create') {
      await sql`insert into auth.sessions (id, user_id) values (${event.id}, ${event.userId})`;
    } else {
      await sql`delete from auth.sessions where id in ${sql(event.ids)}`;
    }
  };
}

/**
 * Writes the fake's users into auth.users of a test database, as Supabase Auth does with its own
 * table: only the columns that table has, so it fits both a Supabase-shaped table and a narrower one.
 */
export function authUsersWriter(admin: () => postgres.Sql): FakeSupabaseConfig['onUserWrite'] {
  let columns: Set<string> | undefined;
  return async ({ type, user }) => {
    const sql = admin();
    if (type === 'delete') {
      // The app's rows go with it through their `on delete cascade` foreign keys.
      await sql`delete from auth.users where id = ${user.id}`;
      return;
    }
    columns ??= new Set(
      (
        await sql<{ column_name: string }[]>`select column_name from information_schema.columns
          where table_schema = 'auth' and table_name = 'users' and is_generated = 'NEVER'`
      ).map((r) => r.column_name),
    );
    const all: Record<string, unknown> = {
      instance_id: user.instance_id,
      id: user.id,
      aud: user.aud,
      role: user.role,
      email: user.email,
      encrypted_password: user.encrypted_password,
      email_confirmed_at: user.email_confirmed_at,
      confirmation_token: user.confirmation_token,
      confirmation_sent_at: user.confirmation_sent_at,
      recovery_token: user.recovery_token,
      recovery_sent_at: user.recovery_sent_at,
      last_sign_in_at: user.last_sign_in_at,
      raw_app_meta_data: sql.json(user.raw_app_meta_data),
      raw_user_meta_data: sql.json(user.raw_user_meta_data),
      created_at: user.created_at,
      updated_at: user.updated_at,
    };
    const row = Object.fromEntries(Object.entries(all).filter(([k]) => columns!.has(k)));
    const keys = Object.keys(row);
    await sql`insert into auth.users ${sql(row as any, keys)}
      on conflict (id) do update set ${sql(
        row as any,
        keys.filter((k) => k !== 'id'),
      )}`;
  };
}
