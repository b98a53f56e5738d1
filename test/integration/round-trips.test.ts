// Every page and action, counted on the wire: connections opened, and round trips after connecting
// (a round trip is a flight of statements sent without waiting; see test/support/wire-counter.ts).
// Hyperdrive sits far from the database, so round trips are what a page costs. The pages people
// use every day answer in one; auth flows, which are rare, are held to what they cost today.
import { createCookie } from '@remix-run/cloudflare';
import { describe, expect, it, vi } from 'vitest';
import * as account from '~/routes/account._index';
import * as accountExport from '~/routes/account.export';
import * as accountImport from '~/routes/account.import';
import * as importCsv from '~/routes/account.import-csv';
import * as accountDelete from '~/routes/account.delete';
import * as calendarSettings from '~/routes/account.calendar';
import * as newEvent from '~/routes/applications.$id_.events.new';
import * as editEvent from '~/routes/applications.$id_.events.$eventId';
import * as eventFile from '~/routes/applications.$id_.events.$eventId_.calendar[.ics]';
import * as followUp from '~/routes/applications.$id_.follow-up';
import * as historyDate from '~/routes/applications.$id_.history.$changeId';
import * as followUpFile from '~/routes/applications.$id_.follow-up[.ics]';
import * as detail from '~/routes/applications.$id';
import * as moveCard from '~/routes/applications.$id.status';
import * as board from '~/routes/applications.board';
import * as remove from '~/routes/applications.$id_.delete';
import * as edit from '~/routes/applications.$id_.edit';
import * as list from '~/routes/applications._index';
import * as create from '~/routes/applications.new';
import * as confirm from '~/routes/auth.confirm';
import * as checkEmail from '~/routes/check-email';
import * as outbox from '~/routes/dev.outbox';
import * as forgot from '~/routes/forgot-password';
import * as magicLink from '~/routes/magic-link';
import * as home from '~/routes/_index';
import * as jobSearchLog from '~/routes/job-search-log';
import * as jobSearchLogCsv from '~/routes/job-search-log[.csv]';
import * as reset from '~/routes/reset-password';
import * as signin from '~/routes/signin';
import * as signout from '~/routes/signout';
import * as signup from '~/routes/signup';
import * as stats from '~/routes/stats';
import * as statement from '~/routes/statements.$id';
import * as compare from '~/routes/statements.$id_.compare';
import * as version from '~/routes/statements.$id_.versions.$versionId';
import * as stop from '~/routes/statements.$id_.versions.$versionId_.stop';
import * as statements from '~/routes/statements._index';
import * as newStatement from '~/routes/statements.new';
import { finishVersion } from '~/statements/store.server';
import { ORIGIN, asDocument, formPost, get } from '../support/http';
import { setupRoundTripCounter } from '../support/round-trips';
import {
  dateFields,
  insertApplication,
  setupApplicationsTest,
  validForm,
} from './applications/fixtures';
import { previewedAs } from '~/portability/csv-import/schema';
import { supportingForm } from './statements/fixtures';
import { multipartPost } from './portability/fixtures';
import { quietOutbox } from './auth/local/harness';
import { PASSWORD, confirmedAccount } from './auth/local/support';

const t = setupApplicationsTest();
const wire = setupRoundTripCounter(t.db);
quietOutbox();

const cost = (counts: { connections: number; roundTrips: number }) => ({
  connections: counts.connections,
  roundTrips: counts.roundTrips,
});
const NOTHING = { connections: 0, roundTrips: 0 };
const ONE = { connections: 1, roundTrips: 1 };

async function signedInWithApplication() {
  const me = await t.person();
  const id = await insertApplication(t.db, me.id, { company: 'Acme Ltd', status: 'applied' });
  return { me, id, as: { cookie: me.cookie } };
}

/** An interview on the application `id` (its follow-up date set too); returns the event's id. */
async function eventFor(userId: string, id: string) {
  await t.db
    .admin`update jobtrack.applications set follow_up_on = date '2026-12-01' where id = ${id}`;
  const [event] = await t.db.admin<{ id: string }[]>`
    insert into jobtrack.application_events (application_id, user_id, kind, starts_at, create_key)
    values (${id}, ${userId}, 'interview', '2026-12-03T10:00:00Z', gen_random_uuid())
    returning id`;
  return event!.id;
}

/** The add-a-date form's fields, as a person fills them in. */
const eventFields = (overrides: Record<string, string> = {}) => ({
  kind: 'interview',
  ...dateFields('date', '2026-12-10'),
  time: '14:30',
  format: 'video',
  place: 'Civic Hall, Leeds',
  createKey: crypto.randomUUID(),
  ...overrides,
});

/** A statement for the application `id`, with saved versions (two unless told); returns their ids. */
async function statementFor(userId: string, id: string, { versions = 2, text = 'A draft.' } = {}) {
  const [s] = await t.db.admin<{ id: string }[]>`
    insert into jobtrack.statements (user_id, application_id, kind, job_title, word_limit, tone,
      create_key)
    values (${userId}, ${id}, 'supporting', 'Staff Nurse', 500, 'professional', gen_random_uuid())
    returning id`;
  const rows = await t.db.admin<{ id: string }[]>`
    insert into jobtrack.statement_versions
      (statement_id, user_id, number, text, status, word_limit, request_key)
    select ${s!.id}, ${userId}, n, ${text}, 'complete', 500, gen_random_uuid()
    from generate_series(1, ${versions}::int) n
    order by n
    returning id`;
  const versionIds = rows.map((r) => r.id);
  return { statementId: s!.id, versionId: versionIds[0]!, versionIds };
}

/** The address a list, the board or the dashboard is sent back to after a status move. */
const MOVED = `notice=status-changed&change=${crypto.randomUUID()}`;

/** `request` as a browser asks for a page (not a data request). */
describe('pages a signed-in person uses', () => {
  it('each cost one round trip: the session check rides with the page’s own statements', async () => {
    const { id, as } = await signedInWithApplication();
    const pages: Array<[string, Parameters<typeof wire.page>]> = [
      ['dashboard', [home.loader, get('/', as)]],
      ['list', [list.loader, get('/applications', as)]],
      ['list, searched and filtered', [list.loader, get('/applications?q=acm&status=applied', as)]],
      ['list, sorted, page 1', [list.loader, get('/applications?sort=closing', as)]],
      ['board', [board.loader, get('/applications/board', as)]],
      // Back from a status move, each says what moved, read in the same round trip.
      ['dashboard, after a move', [home.loader, get(`/?${MOVED}`, as)]],
      ['list, after a move', [list.loader, get(`/applications?${MOVED}`, as)]],
      ['list, searched, after a move', [list.loader, get(`/applications?q=acm&${MOVED}`, as)]],
      ['board, after a move', [board.loader, get(`/applications/board?${MOVED}`, as)]],
      ['stats', [stats.loader, get('/stats', as)]],
      ['job-search log', [jobSearchLog.loader, get('/job-search-log', as)]],
      ['export as JSON', [accountExport.loader, get('/account/export?as=json', as)]],
      ['export as CSV', [accountExport.loader, get('/account/export?as=csv', as)]],
      ['import form', [accountImport.loader, get('/account/import', as)]],
      ['add form', [create.loader, get('/applications/new', as)]],
      // Without JavaScript the form's page has its key in its address, and says if it was saved.
      [
        'add form, its key in the address',
        [create.loader, asDocument(get(`/applications/new?key=${id}`, as))],
      ],
      ['application', [detail.loader, get(`/applications/${id}`, as), { id }]],
      ['edit form', [edit.loader, get(`/applications/${id}/edit`, as), { id }]],
      ['delete question', [remove.loader, get(`/applications/${id}/delete`, as), { id }]],
      ['account', [account.loader, get('/account', as)]],
      ['account deletion', [accountDelete.loader, get('/account/delete', as)]],
      ['statements', [statements.loader, get('/statements', as)]],
      ['new statement', [newStatement.loader, get('/statements/new?kind=supporting', as)]],
      [
        'new statement for an application',
        [newStatement.loader, get(`/statements/new?kind=supporting&application=${id}`, as)],
      ],
      ['privacy policy (root loader only)', [null, get('/privacy', as)]],
    ];
    for (const [name, args] of pages) {
      const { outcome, counts } = await wire.page(...args);
      expect(outcome.page.status, name).toBe(200);
      expect(cost(counts), name).toEqual(ONE);
    }
  });

  it('a later page of a long list costs one round trip too; only a page past the end costs two', async () => {
    const { me, as } = await signedInWithApplication();
    for (let i = 0; i < 29; i++) await insertApplication(t.db, me.id, { company: `Co ${i}` });
    for (const [search, rows] of [
      ['?page=2', 5],
      ['?page=2&sort=applied', 5],
    ] as const) {
      const { outcome, counts } = await wire.page(list.loader, get(`/applications${search}`, as));
      expect(outcome.page.status, search).toBe(200);
      expect((outcome.page.data as { rows: unknown[] }).rows, search).toHaveLength(rows);
      expect(cost(counts), search).toEqual(ONE);
    }
    const { outcome, counts } = await wire.page(list.loader, get('/applications?page=9', as));
    expect((outcome.page.data as { page: number }).page).toBe(2);
    expect(cost(counts)).toEqual({ connections: 1, roundTrips: 2 });
  });

  it('a statement’s pages each cost one round trip', async () => {
    const { me, id, as } = await signedInWithApplication();
    const { statementId, versionId } = await statementFor(me.id, id);
    const pages: Array<[string, Parameters<typeof wire.page>]> = [
      ['statement', [statement.loader, get(`/statements/${statementId}`, as), { id: statementId }]],
      [
        'compare',
        [compare.loader, get(`/statements/${statementId}/compare`, as), { id: statementId }],
      ],
      [
        'version',
        [
          version.loader,
          get(`/statements/${statementId}/versions/${versionId}`, as),
          { id: statementId, versionId },
        ],
      ],
    ];
    for (const [name, args] of pages) {
      const { outcome, counts } = await wire.page(...args);
      expect(outcome.page.status, name).toBe(200);
      expect(cost(counts), name).toEqual(ONE);
    }
  });

  it('a statement’s pages read only the texts they show, in the same one round trip', async () => {
    const { me, id, as } = await signedInWithApplication();
    const text = 'Evidence of care. '.repeat(1_000); // 18,000 characters a version
    const { statementId, versionIds } = await statementFor(me.id, id, { versions: 8, text });
    const [v1, , v3, , v5] = versionIds;
    const base = `/statements/${statementId}`;
    const pages: Array<[string, Parameters<typeof wire.page>, number]> = [
      ['statement, newest', [statement.loader, get(base, as), { id: statementId }], 1],
      [
        'statement, Version 3',
        [statement.loader, get(`${base}?version=${v3}`, as), { id: statementId }],
        1,
      ],
      ['compare, default', [compare.loader, get(`${base}/compare`, as), { id: statementId }], 2],
      [
        'compare, two chosen',
        [compare.loader, get(`${base}/compare?a=${v1}&b=${v5}`, as), { id: statementId }],
        2,
      ],
      [
        'version',
        [version.loader, get(`${base}/versions/${v3}`, as), { id: statementId, versionId: v3! }],
        1,
      ],
    ];
    for (const [name, args, shown] of pages) {
      const { outcome, counts } = await wire.page(...args);
      expect(outcome.page.status, name).toBe(200);
      expect(cost(counts), name).toEqual(ONE);
      // The texts shown, and less than one more: all eight would be 144,000 characters.
      expect(counts.bytesDown, name).toBeGreaterThan(shown * text.length);
      expect(counts.bytesDown, name).toBeLessThan((shown + 1) * text.length);
    }
  });

  it('an id that is not theirs costs the same one round trip and answers 404', async () => {
    const { as } = await signedInWithApplication();
    const other = await signedInWithApplication();
    const { outcome, counts } = await wire.page(
      detail.loader,
      get(`/applications/${other.id}`, as),
      {
        id: other.id,
      },
    );
    expect(outcome.page.status).toBe(404);
    expect(cost(counts)).toEqual(ONE);
  });

  it('a page number past the end takes a second look at the last page: two round trips', async () => {
    const { as } = await signedInWithApplication();
    const { outcome, counts } = await wire.page(list.loader, get('/applications?page=9', as));
    expect(outcome.page.data.page).toBe(1);
    expect(cost(counts)).toEqual({ connections: 1, roundTrips: 2 });
  });

  it('a session that has ended is found out in the same round trip, and sent to sign in', async () => {
    const { me, as } = await signedInWithApplication();
    await t.db.admin`delete from jobtrack.sessions where user_id = ${me.id}`;
    const { outcome, counts } = await wire.page(list.loader, get('/applications', as));
    expect(outcome.page.status).toBe(302);
    expect(outcome.root.data.user).toBeNull();
    expect(cost(counts)).toEqual(ONE);
  });

  it('the job-search log as a CSV file costs one round trip, and so does finding its session ended', async () => {
    const { me, as } = await signedInWithApplication();
    const file = await wire.download(jobSearchLogCsv.loader, get('/job-search-log.csv', as));
    expect(file.outcome.status).toBe(200);
    expect(file.outcome.data).toContain('Acme Ltd');
    expect(cost(file.counts)).toEqual(ONE);
    // Dates it cannot read: nothing to read, only the session to confirm.
    const badRange = '/job-search-log.csv?from.day=31&from.month=2&from.year=2026';
    const refused = await wire.download(jobSearchLogCsv.loader, get(badRange, as));
    expect(refused.outcome.status).toBe(400);
    expect(cost(refused.counts)).toEqual(ONE);

    await t.db.admin`delete from jobtrack.sessions where user_id = ${me.id}`;
    for (const path of ['/job-search-log.csv', badRange]) {
      const ended = await wire.download(jobSearchLogCsv.loader, get(path, as));
      expect(ended.outcome.status, path).toBe(302);
      expect(ended.outcome.headers.get('Location'), path).toMatch(/^\/signin\?redirectTo=/);
      expect(cost(ended.counts), path).toEqual(ONE);
    }
  });
});

describe('the day a status change happened', () => {
  it('its page and its save each cost one round trip', async () => {
    const { me, id, as } = await signedInWithApplication();
    const [change] = await t.db.admin<{ id: string }[]>`
      insert into jobtrack.status_changes (application_id, user_id, from_status, to_status)
      values (${id}, ${me.id}, 'applied', 'rejected') returning id`;
    const params = { id, changeId: change!.id };
    const path = `/applications/${id}/history/${change!.id}`;
    const page = await wire.page(historyDate.loader, get(path, as), params);
    expect(page.outcome.page.status).toBe(200);
    expect(cost(page.counts)).toEqual(ONE);
    const saved = await wire.action(
      historyDate.action,
      formPost(path, dateFields('on', '2026-11-20'), as),
      params,
    );
    expect(saved.outcome.status).toBe(302);
    expect(cost(saved.counts)).toEqual(ONE);
  });
});

describe('interviews, follow-ups and the calendar', () => {
  it('each page and download costs one round trip', async () => {
    const { me, id, as } = await signedInWithApplication();
    const eventId = await eventFor(me.id, id);
    const pages: Array<[string, Parameters<typeof wire.page>]> = [
      ['add a date', [newEvent.loader, get(`/applications/${id}/events/new`, as), { id }]],
      [
        'add a date, its key in the address',
        [
          newEvent.loader,
          asDocument(get(`/applications/${id}/events/new?key=${crypto.randomUUID()}`, as)),
          { id },
        ],
      ],
      [
        'edit a date',
        [editEvent.loader, get(`/applications/${id}/events/${eventId}`, as), { id, eventId }],
      ],
      ['follow-up date', [followUp.loader, get(`/applications/${id}/follow-up`, as), { id }]],
      ['calendar and reminders', [calendarSettings.loader, get('/account/calendar', as)]],
    ];
    for (const [name, args] of pages) {
      const { outcome, counts } = await wire.page(...args);
      expect(outcome.page.status, name).toBe(200);
      expect(cost(counts), name).toEqual(ONE);
    }
    const downloads: Array<[string, Parameters<typeof wire.download>]> = [
      [
        'a date as a calendar file',
        [
          eventFile.loader,
          get(`/applications/${id}/events/${eventId}/calendar.ics`, as),
          { id, eventId },
        ],
      ],
      [
        'the follow-up as a calendar file',
        [followUpFile.loader, get(`/applications/${id}/follow-up.ics`, as), { id }],
      ],
    ];
    for (const [name, args] of downloads) {
      const { outcome, counts } = await wire.download(...args);
      expect(outcome.status, name).toBe(200);
      expect(cost(counts), name).toEqual(ONE);
    }
  });

  it('each change costs one round trip', async () => {
    const { me, id, as } = await signedInWithApplication();
    const eventId = await eventFor(me.id, id);
    const added = eventFields();
    const eventPath = `/applications/${id}/events/${eventId}`;
    const actions: Array<[string, Parameters<typeof wire.action>, number]> = [
      [
        'add a date',
        [newEvent.action, formPost(`/applications/${id}/events/new`, added, as), { id }],
        302,
      ],
      [
        'the same date sent again (adds nothing)',
        [newEvent.action, formPost(`/applications/${id}/events/new`, added, as), { id }],
        302,
      ],
      [
        'edit a date',
        [
          editEvent.action,
          formPost(eventPath, eventFields({ time: '09:00' }), as),
          { id, eventId },
        ],
        302,
      ],
      [
        'delete a date',
        [editEvent.action, formPost(eventPath, { intent: 'delete' }, as), { id, eventId }],
        302,
      ],
      [
        'set the follow-up date',
        [
          followUp.action,
          formPost(`/applications/${id}/follow-up`, dateFields('followUpOn', '2026-12-12'), as),
          { id },
        ],
        302,
      ],
      [
        'remove the follow-up date',
        [
          followUp.action,
          formPost(`/applications/${id}/follow-up`, { intent: 'clear' }, as),
          { id },
        ],
        302,
      ],
      [
        'make a calendar feed',
        [calendarSettings.action, formPost('/account/calendar', { intent: 'replace-feed' }, as)],
        200,
      ],
      [
        'turn the feed off',
        [calendarSettings.action, formPost('/account/calendar', { intent: 'revoke-feed' }, as)],
        302,
      ],
      [
        'weeks before suggesting Ghosted',
        [
          calendarSettings.action,
          formPost('/account/calendar', { intent: 'ghost-weeks', ghostAfterWeeks: '6' }, as),
        ],
        302,
      ],
    ];
    for (const [name, args, status] of actions) {
      const { outcome, counts } = await wire.action(...args);
      expect(outcome.status, name).toBe(status);
      expect(cost(counts), name).toEqual(ONE);
    }
    const [stored] = await t.db.admin<{ n: number }[]>`
      select count(*)::int as n from jobtrack.application_events where create_key = ${added.createKey}`;
    expect(stored?.n).toBe(1);
  });

  it('a follow-up date refused for falling before the date applied costs one round trip too', async () => {
    const { id, as } = await signedInWithApplication();
    await t.db
      .admin`update jobtrack.applications set date_applied = date '2026-11-20' where id = ${id}`;
    const { outcome, counts } = await wire.action(
      followUp.action,
      formPost(`/applications/${id}/follow-up`, dateFields('followUpOn', '2026-11-01'), as),
      { id },
    );
    expect(outcome.status).toBe(400);
    expect(cost(counts)).toEqual(ONE);
  });

  it('without JavaScript, a new feed address and its page cost one round trip', async () => {
    const { as } = await signedInWithApplication();
    const { outcome, counts } = await wire.documentPost(
      calendarSettings,
      formPost('/account/calendar', { intent: 'replace-feed' }, as),
    );
    expect(outcome.action.data.feedUrl).toMatch(/\/calendar\/.+\/jobtrack\.ics$/);
    expect(outcome.page.data.settings).toEqual({ ghostAfterWeeks: 4, hasFeed: true });
    expect(cost(counts)).toEqual(ONE);
  });

  it('without JavaScript, a date sent after the session ended comes back in one round trip', async () => {
    const { me, id, as } = await signedInWithApplication();
    await t.db.admin`delete from jobtrack.sessions where user_id = ${me.id}`;
    const { outcome, counts } = await wire.documentPost(
      newEvent,
      formPost(`/applications/${id}/events/new`, eventFields({ notes: 'Bring ID' }), as),
      { id },
    );
    expect(outcome.action.status).toBe(401);
    expect(outcome.page.data).toMatchObject({ id, application: null });
    expect(outcome.root.data.user).toBeNull();
    expect(cost(counts)).toEqual(ONE);
  });

  it('a date sent after the session ended is refused with what was typed, in one round trip', async () => {
    const { me, id, as } = await signedInWithApplication();
    await t.db.admin`delete from jobtrack.sessions where user_id = ${me.id}`;
    const { outcome, counts } = await wire.action(
      newEvent.action,
      formPost(`/applications/${id}/events/new`, eventFields({ notes: 'Bring ID' }), as),
      { id },
    );
    expect(outcome.status).toBe(401);
    expect(outcome.data.initialValue).toMatchObject({ notes: 'Bring ID' });
    expect(cost(counts)).toEqual(ONE);
  });
});

/** A multipart POST to the spreadsheet import, as its forms send it. */
function csvPost(fields: Record<string, string | File>, cookie: string) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  return new Request(new URL('/account/import-csv', ORIGIN), {
    method: 'POST',
    body,
    headers: { Cookie: cookie, Origin: ORIGIN },
  });
}

// An import step (a spreadsheet or a JobTrack export) posts up to 10 MB: it confirms the session
// before reading it, so a made-up cookie never costs a parse: one round trip for the check, one for
// the step.
const CONFIRMED_FIRST = { connections: 1, roundTrips: 2 };

describe('importing a spreadsheet', () => {
  it('the form costs one round trip; its preview, a second look and the import two, the session confirmed before the file is read', async () => {
    const { me, as } = await signedInWithApplication();
    const csv = [
      'Company,Role,Date applied',
      ...Array.from({ length: 1200 }, (_, i) => `Employer ${i},Role ${i},01/10/2026`),
    ].join('\n');
    const page = await wire.page(importCsv.loader, get('/account/import-csv', as));
    expect(page.outcome.page.status).toBe(200);
    expect(cost(page.counts)).toEqual(ONE);

    const file = new File([csv], 'applications.csv', { type: 'text/csv' });
    const shown = await wire.action(
      importCsv.action,
      csvPost({ intent: 'preview', file }, me.cookie),
    );
    expect(shown.outcome.status).toBe(200);
    expect(cost(shown.counts)).toEqual(CONFIRMED_FIRST);
    const { preview } = shown.outcome.data;
    const mapping = (intent: string) => {
      const fields: Record<string, string> = {
        intent,
        csv: preview.csv,
        fileName: preview.fileName,
        dateOrder: preview.dateOrder,
        previewed: previewedAs(preview.choices, preview.dateOrder),
        account: preview.account.id,
      };
      preview.choices.forEach((c: string, i: number) => (fields[`columns[${i}]`] = c));
      return csvPost(fields, me.cookie);
    };
    const again = await wire.action(importCsv.action, mapping('remap'));
    expect(again.outcome.status).toBe(200);
    expect(cost(again.counts)).toEqual(CONFIRMED_FIRST);
    // 1,200 applications and their history: three chunks of applications, one of history, all
    // sent in one flight once the session is confirmed.
    wire.setLatency(250);
    const added = await wire
      .action(importCsv.action, mapping('confirm'))
      .finally(() => wire.setLatency(5));
    expect(added.outcome.status).toBe(302);
    expect(cost(added.counts)).toEqual(CONFIRMED_FIRST);
    const [stored] = await t.db.admin<{ n: number }[]>`
      select count(*)::int as n from jobtrack.applications where user_id = ${me.id}`;
    expect(stored?.n).toBe(1201);
  }, 60_000);
});

describe('importing a JobTrack export', () => {
  it('its preview and its import cost two round trips each, the session confirmed before the file is read', async () => {
    const { me, as } = await signedInWithApplication();
    const exported = await wire.page(accountExport.loader, get('/account/export?as=json', as));
    const text = JSON.stringify(exported.outcome.page.data);
    const fresh = await t.person();
    const file = new File([text], 'jobtrack.json', { type: 'application/json' });

    const shown = await wire.action(
      accountImport.action,
      multipartPost({ intent: 'preview', file }, fresh),
    );
    expect(shown.outcome.status, JSON.stringify(shown.outcome.data)).toBe(200);
    expect(shown.outcome.data.preview.applications).toEqual({ add: 1, skip: 0, accountHolds: 0 });
    expect(cost(shown.counts)).toEqual(CONFIRMED_FIRST);

    const added = await wire.action(
      accountImport.action,
      multipartPost({ intent: 'confirm', data: text, account: fresh.id }, fresh),
    );
    expect(added.outcome.status).toBe(302);
    expect(cost(added.counts)).toEqual(CONFIRMED_FIRST);
    const [stored] = await t.db.admin<{ n: number }[]>`
      select count(*)::int as n from jobtrack.applications where user_id = ${fresh.id}`;
    expect(stored?.n).toBe(1);
    expect(me.id).not.toBe(fresh.id);
  });

  it('a made-up session costs the one round trip of its check, and its file is never read', async () => {
    const id = crypto.randomUUID();
    const value = await createCookie('jobtrack_session').serialize(`${id}.made-up`);
    const madeUp = { id, email: 'nobody@example.com', cookie: value.split(';')[0]! };
    const request = multipartPost(
      { intent: 'preview', file: new File(['{}'], 'jobtrack.json') },
      madeUp,
    );
    const { outcome, counts } = await wire.action(accountImport.action, request);
    expect(outcome.status).toBe(302);
    expect(request.bodyUsed).toBe(false);
    expect(cost(counts)).toEqual(ONE);
  });
});

describe('changes a signed-in person makes', () => {
  it('each cost one round trip', async () => {
    const { id, as } = await signedInWithApplication();
    const actions: Array<[string, Parameters<typeof wire.action>]> = [
      ['add', [create.action, formPost('/applications/new', validForm(), as)]],
      [
        'edit',
        [
          edit.action,
          formPost(`/applications/${id}/edit`, validForm({ status: 'offer' }), as),
          { id },
        ],
      ],
      [
        'status change on the application',
        [
          detail.action,
          formPost(`/applications/${id}`, { intent: 'status', status: 'rejected' }, as),
          { id },
        ],
      ],
      [
        'status change from the list',
        [
          list.action,
          formPost('/applications?index', { intent: 'status', id, status: 'ghosted' }, as),
        ],
      ],
      [
        'status change from the board',
        [
          board.action,
          formPost('/applications/board', { intent: 'status', id, status: 'offer' }, as),
        ],
      ],
      [
        'mark as ghosted on the dashboard',
        [home.action, formPost('/?index', { intent: 'status', id, status: 'ghosted' }, as)],
      ],
      ['delete', [remove.action, formPost(`/applications/${id}/delete`, {}, as), { id }]],
    ];
    for (const [name, args] of actions) {
      const { outcome, counts } = await wire.action(...args);
      expect(outcome.status, name).toBe(302);
      expect(cost(counts), name).toEqual(ONE);
    }
  });

  it('undoing a status move costs one round trip', async () => {
    const { id, as } = await signedInWithApplication();
    await wire.action(
      detail.action,
      formPost(`/applications/${id}`, { intent: 'status', status: 'rejected' }, as),
      { id },
    );
    const [move] = await t.db.admin<{ id: string }[]>`select id from jobtrack.status_changes
      where application_id = ${id} and to_status = 'rejected'`;
    const { outcome, counts } = await wire.action(
      detail.action,
      formPost(`/applications/${id}`, { intent: 'undo-move', change: move!.id }, as),
      { id },
    );
    expect(outcome.headers.get('Location')).toMatch(/notice=status-undone/);
    expect(cost(counts)).toEqual(ONE);
  });

  it('a change sent after the session ended is found out in the same round trip, and sent to sign in', async () => {
    const { me, id, as } = await signedInWithApplication();
    await t.db.admin`delete from jobtrack.sessions where user_id = ${me.id}`;
    const { outcome, counts } = await wire.action(
      home.action,
      formPost('/?index', { intent: 'status', id, status: 'ghosted' }, as),
    );
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toMatch(/^\/signin\?redirectTo=/);
    expect(cost(counts)).toEqual(ONE);
    const [row] = await t.db.admin<{ status: string }[]>`
      select status from jobtrack.applications where id = ${id}`;
    expect(row?.status).toBe('applied');
  });

  it('a card moved on the board with JavaScript costs one round trip', async () => {
    const { id, as } = await signedInWithApplication();
    const { outcome, counts } = await wire.action(
      moveCard.action,
      formPost(`/applications/${id}/status`, { status: 'interviewing' }, as),
      { id },
    );
    expect(outcome.status).toBe(200);
    expect(cost(counts)).toEqual(ONE);
  });

  it('saving a finished draft costs one round trip: the person waits on it after the last word', async () => {
    const { me, id } = await signedInWithApplication();
    const { statementId, versionId } = await statementFor(me.id, id);
    await t.db.admin`
      update jobtrack.statement_versions set status = 'generating', text = '' where id = ${versionId}`;
    const { outcome, counts } = await wire.work((context) =>
      finishVersion(
        context,
        me.id,
        { statementId, versionId },
        { text: 'I registered with the NMC in 2025.', status: 'complete', failure: null },
      ),
    );
    expect(outcome).toMatchObject({ id: versionId, number: 1, status: 'complete', words: 7 });
    expect(cost(counts)).toEqual(ONE);
  });

  it('statement changes each cost one round trip', async () => {
    const { me, id, as } = await signedInWithApplication();
    const { statementId, versionId } = await statementFor(me.id, id);
    const ids = { id: statementId, versionId };
    const versionUrl = `/statements/${statementId}/versions/${versionId}`;
    const actions: Array<[string, Parameters<typeof wire.action>]> = [
      [
        'save a new statement',
        [
          newStatement.action,
          formPost('/statements/new', supportingForm({ applicationId: id }), as),
        ],
      ],
      [
        'save a statement’s inputs',
        [
          statement.action,
          formPost(`/statements/${statementId}`, supportingForm({ statementId }), as),
          { id: statementId },
        ],
      ],
      [
        'rename a version',
        [version.action, formPost(versionUrl, { name: 'Mine', text: 'A draft.' }, as), ids],
      ],
      ['stop a version', [stop.action, formPost(`${versionUrl}/stop`, {}, as), ids]],
      ['delete a version', [version.action, formPost(versionUrl, { intent: 'delete' }, as), ids]],
      [
        'delete a statement',
        [
          statement.action,
          formPost(`/statements/${statementId}`, { intent: 'delete-statement' }, as),
          { id: statementId },
        ],
      ],
    ];
    for (const [name, args] of actions) {
      const { outcome, counts } = await wire.action(...args);
      expect(outcome.status, name).toBeLessThan(400);
      expect(cost(counts), name).toEqual(ONE);
    }
  });
});

describe('pages that need no data', () => {
  it('reach no database for a signed-out visitor', async () => {
    const pages: Array<[string, Parameters<typeof wire.page>]> = [
      ['home', [home.loader, get('/')]],
      ['privacy policy', [null, get('/privacy')]],
      ['sign in', [signin.loader, get('/signin')]],
      ['sign up', [signup.loader, get('/signup')]],
      ['check your email', [checkEmail.loader, get('/check-email?for=signup')]],
      ['reset password', [reset.loader, get('/reset-password?token=abc')]],
      ['email link', [confirm.loader, get('/auth/confirm?token_hash=abc&type=signup')]],
      ['sign-in link form', [null, get('/magic-link')]],
      ['forgot password form', [null, get('/forgot-password')]],
    ];
    for (const [name, args] of pages) {
      const { counts } = await wire.page(...args);
      expect(cost(counts), name).toEqual(NOTHING);
    }
  });

  it('the dev outbox reads its table in one round trip', async () => {
    const { counts } = await wire.page(outbox.loader, get('/dev/outbox'));
    expect(cost(counts)).toEqual(ONE);
  });
});

describe('account actions (rare; held to today’s cost)', () => {
  it('sign in, sign out, sign up, emailed links and password change', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const person = await confirmedAccount(t.db, t.context);
    const as = { cookie: person.cookie };
    const measured: Record<string, unknown> = {};
    const run = async (name: string, args: Parameters<typeof wire.action>) => {
      const { counts } = await wire.action(...args);
      measured[name] = cost(counts);
    };
    await run('sign in', [
      signin.action,
      formPost('/signin', { email: person.email, password: PASSWORD }),
    ]);
    await run('sign-in link', [magicLink.action, formPost('/magic-link', { email: person.email })]);
    await run('reset link', [forgot.action, formPost('/forgot-password', { email: person.email })]);
    await run('sign up', [
      signup.action,
      formPost('/signup', { email: 'new@example.com', password: PASSWORD, adult: 'on' }),
    ]);
    await run('change password', [
      account.action,
      formPost('/account', { currentPassword: PASSWORD, newPassword: 'quince lantern meadow' }, as),
    ]);
    await run('sign out', [signout.action, formPost('/signout', {}, as)]);
    // Upper bounds: the emails these send go after the answer (context.background), so some of
    // their statements may or may not have been counted when the answer is.
    const bounds: Record<string, { connections: number; roundTrips: number }> = {
      'sign in': { connections: 1, roundTrips: 9 },
      'sign-in link': { connections: 1, roundTrips: 3 },
      'reset link': { connections: 1, roundTrips: 3 },
      'sign up': { connections: 1, roundTrips: 3 },
      'change password': { connections: 3, roundTrips: 27 },
      'sign out': { connections: 1, roundTrips: 1 },
    };
    for (const [name, bound] of Object.entries(bounds)) {
      const got = measured[name] as typeof bound;
      expect(got.connections, name).toBeLessThanOrEqual(bound.connections);
      expect(got.roundTrips, name).toBeLessThanOrEqual(bound.roundTrips);
    }
  });
});
