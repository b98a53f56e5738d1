import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { hashFeedToken } from '~/calendar/feed.server';
import * as settingsRoute from '~/routes/account.calendar';
import * as accountRoute from '~/routes/account._index';
import { action as settingsAction } from '~/routes/account.calendar';
import { loader as feedLoader } from '~/routes/calendar.$token.jobtrack[.ics]';
import { loader as eventFileLoader } from '~/routes/applications.$id_.events.$eventId_.calendar[.ics]';
import { loader as followUpFileLoader } from '~/routes/applications.$id_.follow-up[.ics]';
import { formPost, get, runAction, runDocumentPost, runLoader } from '../../support/http';
import { setupApplicationsTest } from '../applications/fixtures';

const t = setupApplicationsTest();

async function addEvent(
  owner: { id: string },
  applicationId: string,
  startsAt: string,
  notes = '',
) {
  const [row] = await t.db.admin<{ id: string }[]>`
    insert into jobtrack.application_events (application_id, user_id, kind, starts_at, notes, create_key)
    values (${applicationId}, ${owner.id}, 'interview', ${startsAt}, ${notes}, gen_random_uuid())
    returning id`;
  return row!.id;
}

const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

async function makeFeed(cookie: string) {
  const outcome = await runAction(
    settingsAction,
    formPost('/account/calendar', { intent: 'replace-feed' }, { cookie }),
    { context: t.context },
  );
  expect(outcome.status).toBe(200);
  const url = new URL(outcome.data.feedUrl as string);
  const token = url.pathname.split('/')[2]!;
  return { path: url.pathname, token };
}

/** The feed as a calendar app fetches it: no cookie at all. */
const fetchFeed = (path: string) =>
  runLoader(feedLoader, get(path), {
    context: t.context,
    params: { token: path.split('/')[2]! },
  });

const summaries = (text: string) =>
  new ICAL.Component(ICAL.parse(text))
    .getAllSubcomponents('vevent')
    .map((v) => new ICAL.Event(v).summary);

describe('the private calendar feed', () => {
  it("serves the owner's events and follow-ups without a cookie, never stored by a shared cache", async () => {
    const me = await t.person();
    const other = await t.person();
    const mine = await t.insert(me, {
      company: 'Leeds City Council',
      role: 'Policy Officer',
      status: 'applied',
    });
    await t.db
      .admin`update jobtrack.applications set follow_up_on = current_date + 3 where id = ${mine}`;
    await addEvent(me, mine, soon(2));
    const theirs = await t.insert(other, { company: 'Secret Ltd', role: 'Spy', status: 'applied' });
    await addEvent(other, theirs, soon(2), 'their private notes');
    const { path } = await makeFeed(me.cookie);

    const outcome = await fetchFeed(path);
    expect(outcome.status).toBe(200);
    expect(outcome.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8');
    expect(outcome.headers.get('Cache-Control')).toBe('private, no-store');
    expect(outcome.headers.get('Set-Cookie')).toBeNull();
    expect(summaries(outcome.data).sort()).toEqual([
      'Chase if no reply: Policy Officer at Leeds City Council',
      'Interview: Policy Officer at Leeds City Council',
    ]);
    expect(outcome.data).not.toContain('Secret Ltd');
    expect(outcome.data).not.toContain(other.id);
  });

  it('is said to still work after signing out other devices or changing the password, only to who has one', async () => {
    const withFeed = await t.person();
    const without = await t.person();
    await makeFeed(withFeed.cookie);
    for (const [me, expected] of [
      [withFeed, true],
      [without, false],
    ] as const) {
      const signedOut = await runAction(
        accountRoute.action,
        formPost('/account', { intent: 'sign-out-others' }, { cookie: me.cookie }),
        { context: t.context },
      );
      const landing = signedOut.headers.get('Location')!;
      expect(landing).toBe('/account?notice=signed-out-others');
      const page = await runLoader(accountRoute.loader, get(landing, { cookie: me.cookie }), {
        context: t.context,
      });
      expect(page.data.feedStillWorks).toBe(expected);
    }
    const changed = await runLoader(
      accountRoute.loader,
      get('/account?notice=password-changed', { cookie: withFeed.cookie }),
      { context: t.context },
    );
    expect(changed.data.feedStillWorks).toBe(true);
    const otherNotice = await runLoader(
      accountRoute.loader,
      get('/account?notice=tracker-settings-saved', { cookie: withFeed.cookie }),
      { context: t.context },
    );
    expect(otherNotice.data.feedStillWorks).toBe(false);
  });

  it('keeps the upcoming dates, soonest first, when it holds more than its limit, leaving out the oldest past ones', async () => {
    const me = await t.person();
    const job = await t.insert(me, {
      company: 'NHS Leeds',
      role: 'Band 5 Staff Nurse',
      status: 'applied',
    });
    // 600 past, 600 typed decades ahead, and one next week: 1,201 for a limit of 1,000.
    await t.db.admin`
      insert into jobtrack.application_events (application_id, user_id, kind, starts_at, create_key)
      select ${job}, ${me.id}, 'phone_screen', now() - interval '30 days' + n * interval '1 minute', gen_random_uuid()
      from generate_series(1, 600) as n`;
    await t.db.admin`
      insert into jobtrack.application_events (application_id, user_id, kind, starts_at, create_key)
      select ${job}, ${me.id}, 'offer_deadline', '2099-01-01'::timestamptz + n * interval '1 minute', gen_random_uuid()
      from generate_series(1, 600) as n`;
    await addEvent(me, job, soon(5));
    const { path } = await makeFeed(me.cookie);

    const events = new ICAL.Component(ICAL.parse((await fetchFeed(path)).data))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v))
      .filter((event) => !event.summary.startsWith('Chase'));
    expect(events).toHaveLength(1000);
    const count = (prefix: string) => events.filter((e) => e.summary.startsWith(prefix)).length;
    expect(count('Interview:')).toBe(1);
    expect(count('Offer deadline')).toBe(600);
    expect(count('Phone screen')).toBe(399);
    // The phone screens kept are the latest.
    const starts = events.map((e) => e.startDate.toJSDate().getTime());
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
  });

  it('keeps only the hash of the token', async () => {
    const me = await t.person();
    const { token } = await makeFeed(me.cookie);
    const [row] = await t.db.admin<{ calendar_token_hash: string }[]>`
      select calendar_token_hash from jobtrack.tracker_settings where user_id = ${me.id}`;
    expect(row!.calendar_token_hash).toBe(await hashFeedToken(token));
    expect(row!.calendar_token_hash).not.toContain(token);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('answers 404 for an unknown, malformed, replaced or revoked token, alike', async () => {
    const me = await t.person();
    const first = await makeFeed(me.cookie);
    const second = await makeFeed(me.cookie);
    expect((await fetchFeed(first.path)).status).toBe(404);
    expect((await fetchFeed(second.path)).status).toBe(200);
    const unknown = `/calendar/${'A'.repeat(43)}/jobtrack.ics`;
    const malformed = `/calendar/not-a-token/jobtrack.ics`;
    const answers = await Promise.all([fetchFeed(unknown), fetchFeed(malformed)]);
    expect(answers.map((a) => [a.status, a.data])).toEqual([
      [404, 'Not found'],
      [404, 'Not found'],
    ]);
    const revoked = await runAction(
      settingsAction,
      formPost('/account/calendar', { intent: 'revoke-feed' }, { cookie: me.cookie }),
      { context: t.context },
    );
    expect(revoked.status).toBe(302);
    expect((await fetchFeed(second.path)).status).toBe(404);
  });

  it('is refused from another site (every change is a same-origin POST)', async () => {
    const me = await t.person();
    const outcome = await runAction(
      settingsAction,
      formPost(
        '/account/calendar',
        { intent: 'replace-feed' },
        { cookie: me.cookie, origin: 'https://evil.example' },
      ),
      { context: t.context },
    );
    expect(outcome.status).toBe(403);
    const rows = await t.db.admin`select 1 from jobtrack.tracker_settings where user_id = ${me.id}`;
    expect(rows).toHaveLength(0);
  });
});

describe('calendar files of one event or follow-up', () => {
  it("downloads the person's own, and answers 404 for another person's", async () => {
    const me = await t.person();
    const other = await t.person();
    const id = await t.insert(me, { status: 'applied' });
    await t.db.admin`update jobtrack.applications set follow_up_on = '2026-12-01' where id = ${id}`;
    const eventId = await addEvent(me, id, '2026-12-03T10:00:00Z');
    const eventPath = `/applications/${id}/events/${eventId}/calendar.ics`;
    const mineEvent = await runLoader(eventFileLoader, get(eventPath, { cookie: me.cookie }), {
      context: t.context,
      params: { id, eventId },
    });
    expect(mineEvent.status).toBe(200);
    expect(mineEvent.headers.get('Content-Disposition')).toBe(
      'attachment; filename="jobtrack-event.ics"',
    );
    expect(summaries(mineEvent.data)).toEqual(['Interview: Analyst at Acme Ltd']);
    const followUp = await runLoader(
      followUpFileLoader,
      get(`/applications/${id}/follow-up.ics`, { cookie: me.cookie }),
      {
        context: t.context,
        params: { id },
      },
    );
    expect(summaries(followUp.data)).toEqual(['Chase if no reply: Analyst at Acme Ltd']);

    const theirs = await runLoader(eventFileLoader, get(eventPath, { cookie: other.cookie }), {
      context: t.context,
      params: { id, eventId },
    });
    expect(theirs.status).toBe(404);
    const theirFollowUp = await runLoader(
      followUpFileLoader,
      get(`/applications/${id}/follow-up.ics`, { cookie: other.cookie }),
      {
        context: t.context,
        params: { id },
      },
    );
    expect(theirFollowUp.status).toBe(404);
  });
});

describe("the feed's owner lookup", () => {
  it('may be called by the signed-in role only, and answers an owner id or nothing', async () => {
    const [grants] = await t.db.admin<{ authenticated: boolean; publicAcl: boolean }[]>`
      select has_function_privilege('authenticated', 'jobtrack.calendar_feed_owner(text)', 'execute') as authenticated,
        exists (select 1 from pg_proc p, aclexplode(p.proacl) a
          where p.proname = 'calendar_feed_owner' and a.grantee = 0) as "publicAcl"`;
    expect(grants).toEqual({ authenticated: true, publicAcl: false });
    const me = await t.person();
    const { token } = await makeFeed(me.cookie);
    const hash = await hashFeedToken(token);
    const [found] = await t.db.admin<{ owner: string | null }[]>`
      select jobtrack.calendar_feed_owner(${hash}) as owner`;
    expect(found!.owner).toBe(me.id);
    const [none] = await t.db.admin<{ owner: string | null }[]>`
      select jobtrack.calendar_feed_owner(${'0'.repeat(64)}) as owner`;
    expect(none!.owner).toBeNull();
  });
});

describe('the "no reply" setting', () => {
  it('sent after the session ended: 401 with the number kept, the page shown again without the account', async () => {
    const me = await t.person();
    await t.db.admin`delete from jobtrack.sessions where user_id = ${me.id}`;
    const page = await runDocumentPost(
      settingsRoute,
      formPost(
        '/account/calendar',
        { intent: 'ghost-weeks', ghostAfterWeeks: '9' },
        {
          cookie: me.cookie,
        },
      ),
      { context: t.context },
    );
    expect(page.action.status).toBe(401);
    expect(page.action.data.error[''][0]).toBe('You have been signed out, so this was not saved.');
    expect(page.action.data.initialValue).toMatchObject({ ghostAfterWeeks: '9' });
    expect(page.loader).toMatchObject({ status: 200, data: { settings: null } });
    const [saved] = await t.db.admin`
      select ghost_after_weeks from jobtrack.tracker_settings where user_id = ${me.id}`;
    expect(saved).toBeUndefined();
  });

  it('is saved, and shown on the settings page', async () => {
    const me = await t.person();
    const saved = await runAction(
      settingsAction,
      formPost('/account/calendar', { intent: 'ghost-weeks', ghostAfterWeeks: '9' }, me),
      { context: t.context },
    );
    expect(saved.status).toBe(302);
    const page = await runLoader(settingsRoute.loader, get('/account/calendar', me), {
      context: t.context,
    });
    expect(page.data.settings).toEqual({ ghostAfterWeeks: 9, hasFeed: false });
  });
});
