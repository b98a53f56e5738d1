// The app's migrations run on Supabase, where auth.users and auth.uid() already exist, exactly as
// on a plain PostgreSQL, where they create a stand-in: on a Supabase-shaped auth schema they change
// nothing of it, and the app's tables hang off Supabase's users with cascading deletes.
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

beforeAll(async () => {
  const serverUrl = inject('pgServerUrl');
  const server = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await server.unsafe(`create database "${name}" template template0`);
  await server.end();
  url = serverUrl.replace(/\/postgres$/, `/${name}`);
  sql = postgres(url, { max: 1, onnotice: () => {} });
  await sql.unsafe(SUPABASE_AUTH);
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
    const before = await supabaseAuthSchema();

    await runMigrations(url);

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
});
