import { describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../support/db';

const db = setupTestDatabase();

// The privacy policy lists exactly what JobTrack stores. Every column in the app's schema is listed
// here with the policy row it serves; a new column fails this test until someone checks it against
// the policy (and updates the policy if it stores something new).
const ALLOWED: Record<string, string> = {
  'auth.users': 'id email email_confirmed_at created_at updated_at', // Email address
  'jobtrack.applications':
    'id user_id company role status date_applied closing_date advert_url location source notes created_at updated_at salary_min salary_max salary_note reference grade closing_time may_close_early origin_id follow_up_on search_text', // Job application data (origin_id: the export id it was imported under; follow_up_on: the "chase if no reply by" date; search_text: the searched fields copied lower-case for the search's index)
  'jobtrack.status_changes':
    'id application_id user_id from_status to_status changed_at occurred_on undo happened_on', // Job application data (status dates; a one-step move's earlier dates, to undo it; happened_on: the day it happened, copied for the log's index)
  'jobtrack.application_events':
    'id application_id user_id kind starts_at format place link notes create_key created_at updated_at', // Job application data (interviews and other dates)
  'jobtrack.tracker_settings': 'user_id ghost_after_weeks calendar_token_hash updated_at', // Job application data (the person's settings; the calendar feed's token only as a hash)
  'jobtrack.statements':
    'id user_id application_id kind job_title employer advert person_spec details word_limit tone create_key created_at updated_at origin_id', // Statement Builder inputs (origin_id: the export id it was imported under)
  'jobtrack.statement_versions':
    'id statement_id user_id number name text status failure word_limit request_key stop_requested edited_at created_at updated_at', // Statement Builder inputs (the drafts written from them)
  'jobtrack.statement_generations': 'id user_id created_at', // Statement Builder: when each draft was asked for, for the hourly limit
  'jobtrack.local_credentials': 'user_id password_hash updated_at', // Password (hashed)
  'jobtrack.sessions': 'token_hash user_id created_at expires_at', // Session data
  'jobtrack.auth_tokens': 'token_hash user_id purpose expires_at used_at', // auth emails (magic link, reset)
  'jobtrack.throttles': 'key_hash spent updated_at', // securing your account (a hash of purpose and email, no IP)
  'jobtrack.dev_outbox': 'id to subject body created_at', // local development only: the emails production sends
};

describe('what the database stores', () => {
  it('holds only the columns the privacy policy accounts for', async () => {
    const rows = await db.admin<{ table: string; column: string }[]>`
      select table_schema || '.' || table_name as table, column_name as column
      from information_schema.columns
      where table_schema in ('jobtrack', 'auth')
      order by table_schema, table_name, ordinal_position`;
    const actual: Record<string, string[]> = {};
    for (const { table, column } of rows) (actual[table] ??= []).push(column);

    const expected = Object.fromEntries(
      Object.entries(ALLOWED).map(([table, columns]) => [table, columns.split(' ')]),
    );
    expect(actual).toEqual(expected);
  });

  it('has no column for IP addresses, user agents or device fingerprints', async () => {
    const rows = await db.admin`
      select table_name, column_name from information_schema.columns
      where table_schema in ('jobtrack', 'auth')
        and column_name ~* '(^|_)(ip|ip_address|user_agent|ua|fingerprint|device)(_|$)'`;
    expect(rows).toEqual([]);
  });
});
