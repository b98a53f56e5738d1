import { randomUUID } from 'node:crypto';
import type { AppLoadContext } from '@remix-run/cloudflare';
import { beforeAll, inject } from 'vitest';
import { action as addApplication } from '~/routes/applications.new';
import { action as changeStatus } from '~/routes/applications.$id.status';
import { action as addEvent } from '~/routes/applications.$id_.events.new';
import { action as setFollowUp } from '~/routes/applications.$id_.follow-up';
import { loader as exportLoader } from '~/routes/account.export';
import { action as importAction } from '~/routes/account.import';
import { dateFields, setupApplicationsTest, validForm } from '../applications/fixtures';
import { formPost, get, ORIGIN, runAction } from '../../support/http';
import type { TestUser } from '../../support/users';

/** The database, context and people of the applications tests (all tables have RLS on, or off in the RLS-off project). */
export function setupPortabilityTest() {
  const t = setupApplicationsTest();
  beforeAll(async () => {
    // The applications' tables are handled by setupApplicationsTest; the statements' too here.
    if (inject('rowLevelSecurity') === 'off') {
      await t.db.admin`alter table jobtrack.statements disable row level security`;
      await t.db.admin`alter table jobtrack.statement_versions disable row level security`;
      await t.db.admin`alter table jobtrack.application_events disable row level security`;
      await t.db.admin`alter table jobtrack.tracker_settings disable row level security`;
    }
  });
  return {
    db: t.db,
    get context() {
      return t.context;
    },
    person: t.person,
    seed: t.seed,
    /** Fills `me`'s account through the app's own forms and tables (see fillAccount). */
    fill: (me: TestUser) => fillAccount(t.db, t.context, me),
    exportJson: (me: TestUser) => downloadExport(t.context, me, 'json'),
    exportCsv: (me: TestUser) => downloadExport(t.context, me, 'csv'),
    upload: (me: TestUser, text: string | File, name = 'jobtrack.json') =>
      runAction(importAction, multipartPost({ intent: 'preview', file: fileOf(text, name) }, me), {
        context: t.context,
      }),
    /** The confirm step, for the account the preview was shown for (`me`'s unless given). */
    confirm: (me: TestUser, text: string, account: string = me.id) =>
      runAction(importAction, multipartPost({ intent: 'confirm', data: text, account }, me), {
        context: t.context,
      }),
    /** How many rows of each of `me`'s tables there are. */
    counts: async (me: { id: string }) => {
      const [row] = await t.db.admin<Record<string, number>[]>`
        select (select count(*)::int from jobtrack.applications where user_id = ${me.id}) as applications,
               (select count(*)::int from jobtrack.status_changes where user_id = ${me.id}) as history,
               (select count(*)::int from jobtrack.statements where user_id = ${me.id}) as statements,
               (select count(*)::int from jobtrack.statement_versions where user_id = ${me.id}) as versions,
               (select count(*)::int from jobtrack.application_events where user_id = ${me.id}) as events`;
      return row!;
    },
  };
}

function fileOf(text: string | File, name: string): File {
  return typeof text === 'string' ? new File([text], name, { type: 'application/json' }) : text;
}

/** A multipart form POST from JobTrack's own origin, as a browser sends a form with a file. */
export function multipartPost(fields: Record<string, string | File>, me: TestUser) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  return new Request(new URL('/account/import', ORIGIN), {
    method: 'POST',
    body,
    headers: { Cookie: me.cookie, Origin: ORIGIN },
  });
}

/**
 * `sent` again, with a body that runs `meanwhile` (ending the session, say) when the action first
 * reads it: after the action has confirmed the session, before the file arrives.
 */
export async function slowUpload(sent: Request, meanwhile: () => Promise<unknown>) {
  const bytes = new Uint8Array(await sent.arrayBuffer());
  // A queue of 0: nothing is pulled before the action reads.
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(stream) {
        await meanwhile();
        stream.enqueue(bytes);
        stream.close();
      },
    },
    { highWaterMark: 0 },
  );
  return new Request(sent.url, {
    method: 'POST',
    headers: sent.headers,
    body,
    duplex: 'half',
  } as RequestInit);
}

async function downloadExport(context: AppLoadContext, me: TestUser, as: 'json' | 'csv') {
  const request = get(`/account/export?as=${as}`, { cookie: me.cookie });
  const response = (await exportLoader({
    request,
    params: {},
    context: { ...context },
  })) as Response;
  // Bytes, not response.text(): text() would drop the byte order mark the file starts with.
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return {
    status: response.status,
    headers: response.headers,
    text,
    data: as === 'json' ? (JSON.parse(text) as unknown) : text,
  };
}

type Db = ReturnType<typeof setupApplicationsTest>['db'];

/**
 * An account with something in every field a person can fill: an application entered through the
 * form (every field, the UK ones too) and moved on to Interviewing, with a follow-up date and an
 * interview with every field, a second one with little in it but a bare event, a supporting
 * statement for the first with two versions, a cover letter for no application, and settings
 * (a ghost-after choice and a calendar feed, whose token hash must never be exported).
 */
export async function fillAccount(db: Db, context: AppLoadContext, me: TestUser) {
  const added = await runAction(addApplication, formPost('/applications/new', validForm(), me), {
    context,
  });
  const first = added.headers.get('Location')!.split('/').pop()!;
  await runAction(
    changeStatus,
    formPost(`/applications/${first}/status`, { status: 'interviewing' }, me),
    { context, params: { id: first } },
  );
  const second = await runAction(
    addApplication,
    formPost(
      '/applications/new',
      { company: 'NHS Leeds', role: '=HYPERLINK("x")', notes: '=1+1\nsecond line' },
      me,
    ),
    { context },
  );
  const secondId = second.headers.get('Location')!.split('/').pop()!;

  await runAction(
    setFollowUp,
    formPost(`/applications/${first}/follow-up`, dateFields('followUpOn', '2026-02-14'), me),
    { context, params: { id: first } },
  );
  const interviewKey = randomUUID();
  const event = (id: string, fields: Record<string, string>) =>
    runAction(addEvent, formPost(`/applications/${id}/events/new`, fields, me), {
      context,
      params: { id },
    });
  await event(first, {
    kind: 'interview',
    ...dateFields('date', '2026-06-10'),
    time: '14:30',
    format: 'video',
    place: 'Civic Hall, Leeds',
    link: 'https://meet.example.org/abc',
    notes: 'Panel of three.\nAsk about hybrid working.',
    createKey: interviewKey,
  });
  await event(secondId, {
    kind: 'other',
    ...dateFields('date', '2026-12-01'),
    time: '09:00',
    createKey: randomUUID(),
  });
  const feedHash = `feed-hash-${randomUUID()}`;
  await db.admin`insert into jobtrack.tracker_settings ${db.admin({
    user_id: me.id,
    ghost_after_weeks: 6,
    calendar_token_hash: feedHash,
  })}`;

  const [statement] = await db.admin<{ id: string }[]>`
    insert into jobtrack.statements ${db.admin({
      user_id: me.id,
      application_id: first,
      kind: 'supporting',
      job_title: 'Policy Officer',
      employer: 'Leeds City Council',
      advert: 'We are looking for…',
      person_spec: 'Essential: drafting',
      details: db.admin.json({
        criteria: [{ text: 'Drafting', category: 'essential', evidence: 'I drafted the policy.' }],
      }),
      word_limit: 750,
      tone: 'warm',
      create_key: randomUUID(),
    })} returning id`;
  for (const number of [1, 2]) {
    await db.admin`insert into jobtrack.statement_versions ${db.admin({
      statement_id: statement!.id,
      user_id: me.id,
      number,
      name: number === 2 ? 'Shorter' : null,
      text: `Draft ${number}: I drafted the policy.`,
      status: 'complete',
      word_limit: 750,
      request_key: randomUUID(),
    })}`;
  }
  await db.admin`insert into jobtrack.statements ${db.admin({
    user_id: me.id,
    kind: 'cover_letter',
    job_title: 'Analyst',
    employer: 'Acme',
    details: db.admin.json({ whyRole: 'Because.', experience: 'Ten years of spreadsheets.' }),
    word_limit: 500,
    tone: 'professional',
    create_key: randomUUID(),
  })}`;
  return { first, second: secondId, statement: statement!.id, interviewKey, feedHash };
}
