/**
 * Seeding for the benchmark and the load run: people with live sessions and, for the benchmark, an
 * account with many applications. Writes straight to the database as its owner (never the app).
 */
import { createCookie } from '@remix-run/cloudflare';
import postgres from 'postgres';
import { sha256 } from '../../app/auth/local/hashing.server';

/** Serialised exactly as the app's session cookie is: "<user id>.<token>", Remix's encoding. */
async function cookieFor(userId: string, token: string) {
  return (await createCookie('jobtrack_session').serialize(`${userId}.${token}`)).split(';')[0]!;
}

/** A confirmed person with a live session; returns their id and Cookie header. */
export async function seedPerson(sql: postgres.Sql, email: string) {
  const [user] = await sql<{ id: string }[]>`
    insert into auth.users (email, email_confirmed_at) values (${email}, now()) returning id`;
  const token = `seeded-${crypto.randomUUID()}`;
  await sql`
    insert into jobtrack.sessions (token_hash, user_id, expires_at)
    values (${await sha256(token)}, ${user!.id}, now() + interval '1 day')`;
  return { id: user!.id, cookie: await cookieFor(user!.id, token) };
}

/**
 * `count` applications for `userId` with a realistic spread: eight statuses, dates over a year,
 * UK employers and roles (so searches have something to find), a paragraph of notes, and one
 * history entry each.
 */
export async function seedApplications(sql: postgres.Sql, userId: string, count: number) {
  await sql`
    insert into jobtrack.applications
      (user_id, company, role, status, date_applied, closing_date, location, salary, source, notes,
       created_at, updated_at)
    select ${userId},
      (array['Leeds City Council', 'NHS Trust', 'University of York', 'Acme Ltd', 'HMRC',
             'Oxfam', 'Sheffield Hallam', 'Civil Service'])[1 + g % 8] || ' ' || (g % 500),
      (array['Policy Officer', 'Data Analyst', 'Staff Nurse', 'Lecturer', 'Caseworker',
             'Software Engineer'])[1 + g % 6] || ' ' || (g % 97),
      (enum_range(null::jobtrack.application_status))[1 + g % 8],
      current_date - (g % 300), current_date + (g % 90) - 30, 'Leeds', '£32,000–£36,000',
      'Civil Service Jobs', repeat('A line of notes. ', 40),
      now() - g * interval '1 minute', now() - g * interval '1 minute'
    from generate_series(1, ${count}) g`;
  await sql`
    insert into jobtrack.status_changes (application_id, user_id, from_status, to_status, changed_at)
    select id, user_id, null, status, created_at from jobtrack.applications where user_id = ${userId}`;
}
