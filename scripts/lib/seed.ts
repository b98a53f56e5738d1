/**
 * Seeding for the benchmark and the load run: people with live sessions and, for the benchmark, an
 * account with many applications and a statement. Writes straight to the database as its owner
 * (never the app).
 */
import { createCookie } from '@remix-run/cloudflare';
import postgres from 'postgres';
import { sha256 } from '../../app/auth/hashing.server';

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
 * `count` UK applications for `userId`, a mix like a long search's: NHS bands, Civil Service
 * grades, universities and private firms, closing dates a month either side of today, salaries as
 * from/to in pounds, a paragraph of notes, and one history entry each.
 */
export async function seedApplications(sql: postgres.Sql, userId: string, count: number) {
  await sql`
    insert into jobtrack.applications
      (user_id, company, role, status, date_applied, closing_date, closing_time, may_close_early,
       location, reference, grade, salary_min, salary_max, salary_note, source, notes,
       created_at, updated_at)
    select ${userId},
      (array['Leeds Teaching Hospitals NHS Trust', 'Department for Work and Pensions',
             'HM Revenue and Customs', 'University of Sheffield', 'Greggs plc', 'Monzo Bank'])[1 + g % 6]
        || ' ' || g,
      (array['Staff Nurse', 'Executive Officer', 'Higher Executive Officer', 'Research Associate',
             'Marketing Executive', 'Software Engineer'])[1 + g % 6],
      (enum_range(null::jobtrack.application_status))[1 + g % 8],
      current_date - (g % 300), current_date + (g % 60) - 30,
      case when g % 6 in (1, 2) then time '23:55' end, g % 5 = 0,
      (array['Leeds', 'Sheffield', 'Newcastle', 'London', 'Cardiff', 'Glasgow'])[1 + g % 6],
      'C9174-' || lpad(g::text, 6, '0'),
      (array['Band 5', 'EO', 'HEO', 'Grade 7', null, null])[1 + g % 6],
      29970 + (g % 6) * 2000, 36483 + (g % 6) * 2000,
      case when g % 7 = 0 then 'pro rata' end,
      (array['NHS Jobs', 'Civil Service Jobs', 'jobs.ac.uk', 'LinkedIn'])[1 + g % 4],
      repeat('A line of notes. ', 40),
      now() - g * interval '1 hour', now() - g * interval '1 hour'
    from generate_series(1, ${count}) g`;
  await sql`
    insert into jobtrack.status_changes (application_id, user_id, from_status, to_status, changed_at)
    select id, user_id, null, status, created_at from jobtrack.applications where user_id = ${userId}`;
  // Those past Applied were sent first: a second history row, as the stats page and the job-search
  // log read it (a year of the log then holds more than the page's 2,000 entries).
  await sql`
    insert into jobtrack.status_changes (application_id, user_id, from_status, to_status, changed_at)
    select id, user_id, 'applied', status, created_at + interval '9 days' from jobtrack.applications
    where user_id = ${userId} and status not in ('saved', 'applied')`;
}

/** A supporting statement for `applicationId` with `versions` saved versions; returns its id. */
export async function seedStatement(
  sql: postgres.Sql,
  userId: string,
  applicationId: string,
  versions: number,
) {
  const [statement] = await sql<{ id: string }[]>`
    insert into jobtrack.statements
      (user_id, application_id, kind, job_title, employer, advert, person_spec, word_limit, tone,
       create_key)
    values (${userId}, ${applicationId}, 'supporting', 'Staff Nurse', 'Leeds Teaching Hospitals',
      ${'The advert. '.repeat(100)}, ${'Essential: registered nurse.\n'.repeat(10)}, 750,
      'professional', ${crypto.randomUUID()})
    returning id`;
  await sql`
    insert into jobtrack.statement_versions
      (statement_id, user_id, number, text, status, word_limit, request_key)
    select ${statement!.id}, ${userId}, n, ${'A sentence of the draft. '.repeat(120)}, 'complete',
      750, gen_random_uuid()
    from generate_series(1, ${versions}) n`;
  return statement!.id;
}
