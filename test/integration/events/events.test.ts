import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { describe, expect, it, vi } from 'vitest';
import { addDays, todayInLondon } from '~/applications/dates';
import { asUser } from '~/db.server';
import { MAX_EVENTS_PER_APPLICATION } from '~/events/event-schema';
import * as newEventRoute from '~/routes/applications.$id_.events.new';
import { action as newEventAction } from '~/routes/applications.$id_.events.new';
import * as eventRoute from '~/routes/applications.$id_.events.$eventId';
import {
  action as eventAction,
  loader as eventLoader,
} from '~/routes/applications.$id_.events.$eventId';
import * as followUpRoute from '~/routes/applications.$id_.follow-up';
import { loader as detailLoader } from '~/routes/applications.$id';
import { action as followUpAction } from '~/routes/applications.$id_.follow-up';
import { action as newApplicationAction } from '~/routes/applications.new';
import { action as statusAction } from '~/routes/applications.$id.status';
import {
  asDocument,
  formPost,
  get,
  runAction,
  runDocumentPost,
  runLoader,
} from '../../support/http';
import { dateFields, setupApplicationsTest } from '../applications/fixtures';

const t = setupApplicationsTest();

const eventForm = (overrides: Record<string, string> = {}) => ({
  kind: 'interview',
  ...dateFields('date', '2026-06-10'),
  time: '14:30',
  format: 'video',
  place: 'Civic Hall, Leeds',
  link: 'https://meet.example.org/abc',
  notes: 'Panel of three',
  createKey: crypto.randomUUID(),
  ...overrides,
});

const addEvent = (cookie: string, id: string, fields: Record<string, string>) =>
  runAction(newEventAction, formPost(`/applications/${id}/events/new`, fields, { cookie }), {
    context: t.context,
    params: { id },
  });

const storedEvents = (applicationId: string) =>
  t.db.admin<
    { id: string; kind: string; starts_at: string; user_id: string; link: string | null }[]
  >`
    select id, kind, to_char(starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') as starts_at,
      user_id, link
    from jobtrack.application_events where application_id = ${applicationId} order by starts_at`;

describe('interviews and other dates on an application', () => {
  it('adds one with its UK time stored as the right instant, and goes back to the application', async () => {
    const me = await t.person();
    const id = await t.insert(me);
    const outcome = await addEvent(me.cookie, id, eventForm());
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toBe(`/applications/${id}#events`);
    const [event] = await storedEvents(id);
    // 14:30 in June is British Summer Time: 13:30 UTC.
    expect(event).toMatchObject({
      kind: 'interview',
      starts_at: '2026-06-10T13:30Z',
      user_id: me.id,
    });
  });

  it.each([
    ['2026-03-29', '00:30', '2026-03-29T00:30Z'],
    ['2026-03-29', '02:30', '2026-03-29T01:30Z'],
    ['2026-10-25', '01:30', '2026-10-25T00:30Z'],
    ['2026-10-25', '02:30', '2026-10-25T02:30Z'],
  ])('stores %s at %s London time as %s, across the clock change', async (date, time, utc) => {
    const me = await t.person();
    const id = await t.insert(me);
    await addEvent(me.cookie, id, eventForm({ ...dateFields('date', date), time }));
    expect((await storedEvents(id))[0]?.starts_at).toBe(utc);
  });

  it('refuses a time the clocks skip, with the message beside the time and every value kept', async () => {
    const me = await t.person();
    const id = await t.insert(me);
    const fields = eventForm({ ...dateFields('date', '2026-03-29'), time: '01:30' });
    const outcome = await addEvent(me.cookie, id, fields);
    expect(outcome.status).toBe(400);
    expect(outcome.data.error.time[0]).toMatch(/clocks go forward/);
    expect(outcome.data.initialValue).toMatchObject({ time: '01:30', place: 'Civic Hall, Leeds' });
    expect(await storedEvents(id)).toEqual([]);
  });

  it('refuses a link that is not http(s) and an impossible date', async () => {
    const me = await t.person();
    const id = await t.insert(me);
    const bad = await addEvent(me.cookie, id, eventForm({ link: 'javascript:alert(1)' }));
    expect(bad.status).toBe(400);
    expect(bad.data.error.link[0]).toMatch(/https:\/\//);
    const impossible = await addEvent(me.cookie, id, eventForm(dateFields('date', '2026-02-31')));
    expect(impossible.status).toBe(400);
    expect(impossible.data.error.date[0]).toBe('Date must be a real date');
    expect(await storedEvents(id)).toEqual([]);
  });

  it('adds one event when the same form is sent twice', async () => {
    const me = await t.person();
    const id = await t.insert(me);
    const fields = eventForm();
    await addEvent(me.cookie, id, fields);
    await addEvent(me.cookie, id, fields);
    expect(await storedEvents(id)).toHaveLength(1);
  });

  describe('without JavaScript, Back to a saved add-a-date form', () => {
    const visit = (cookie: string, id: string, path: string) =>
      runLoader(newEventRoute.loader, asDocument(get(path, { cookie })), {
        context: t.context,
        params: { id },
      });

    it('has its key in the page’s address, so the page keeps it on Back and reload', async () => {
      const me = await t.person();
      const id = await t.insert(me);
      const first = await visit(me.cookie, id, `/applications/${id}/events/new`);
      expect(first.status).toBe(302);
      const address = first.headers.get('Location')!;
      expect(address).toMatch(new RegExp(`^/applications/${id}/events/new\\?key=[0-9a-f-]{36}$`));
      const key = new URL(address, 'http://x').searchParams.get('key');
      const keyed = await visit(me.cookie, id, address);
      expect(keyed.data).toMatchObject({ createKey: key, saved: null });
      // With JavaScript (a data request) each showing has a key of its own.
      const data = await runLoader(newEventRoute.loader, get(address, { cookie: me.cookie }), {
        context: t.context,
        params: { id },
      });
      expect(data.data.createKey).not.toBe(key);
    });

    it('says the form was saved already, naming the date, and saving it again adds nothing', async () => {
      const me = await t.person();
      const id = await t.insert(me);
      const fields = eventForm();
      await addEvent(me.cookie, id, fields);
      const again = await visit(
        me.cookie,
        id,
        `/applications/${id}/events/new?key=${fields.createKey}`,
      );
      expect(again.data.saved).toMatchObject({
        applicationId: id,
        kind: 'interview',
        startsAt: '2026-06-10T13:30:00.000Z',
      });
      expect((await addEvent(me.cookie, id, fields)).status).toBe(302);
      expect(await storedEvents(id)).toHaveLength(1);
      // Another person's page at the same address: nothing of the first person's.
      const other = await t.person();
      const theirs = await t.insert(other);
      const page = await visit(
        other.cookie,
        theirs,
        `/applications/${theirs}/events/new?key=${fields.createKey}`,
      );
      expect(page.data).toMatchObject({ createKey: fields.createKey, saved: null });
    });

    it('with changed details is neither dropped nor saved over the first: 409, what was typed, a fresh key', async () => {
      const me = await t.person();
      const id = await t.insert(me);
      const fields = eventForm();
      await addEvent(me.cookie, id, fields);
      const changed = { ...fields, time: '15:45', notes: 'Moved by the panel' };
      const refused = await addEvent(me.cookie, id, changed);
      expect(refused.status).toBe(409);
      expect(refused.data.error[''][0]).toMatch(/saved before, with other details/);
      expect(refused.data.initialValue).toMatchObject({
        time: '15:45',
        notes: 'Moved by the panel',
      });
      expect(refused.data.createKey).toMatch(/^[0-9a-f-]{36}$/);
      expect(refused.data.createKey).not.toBe(fields.createKey);
      expect(await storedEvents(id)).toHaveLength(1);
      // Saved again with the fresh key: these details are a second date.
      await addEvent(me.cookie, id, { ...changed, createKey: refused.data.createKey });
      expect(await storedEvents(id)).toHaveLength(2);
      // Back to the refused page resends the refused form: the same next key, nothing added twice.
      const resent = await addEvent(me.cookie, id, changed);
      expect(resent.data.createKey).toBe(refused.data.createKey);
      await addEvent(me.cookie, id, { ...changed, createKey: resent.data.createKey });
      expect(await storedEvents(id)).toHaveLength(2);
    });

    it('refused as changed, moves nothing on, even with the interview box ticked', async () => {
      const me = await t.person();
      const id = await t.insert(me, { status: 'applied', date_applied: '2026-06-01' });
      const fields = eventForm({ kind: 'other', notes: 'Sift results due' });
      await addEvent(me.cookie, id, fields);
      const changed = { ...fields, kind: 'interview', toInterviewing: 'on' };
      expect((await addEvent(me.cookie, id, changed)).status).toBe(409);
      expect((await t.stored(id))?.status).toBe('applied');
      expect((await t.history(id)).map((h) => h.to_status)).toEqual(['applied']);
    });
  });

  it('moves an Applied application to Interviewing with an interview when the box is ticked, once', async () => {
    const me = await t.person();
    const id = await t.insert(me, { status: 'applied', date_applied: '2026-11-02' });
    const booked = eventForm({ toInterviewing: 'on' });
    await addEvent(me.cookie, id, booked);
    await addEvent(me.cookie, id, booked);
    expect((await t.stored(id))?.status).toBe('interviewing');
    expect((await t.history(id)).map((h) => [h.from_status, h.to_status])).toEqual([
      [null, 'applied'],
      ['applied', 'interviewing'],
    ]);
    expect(await storedEvents(id)).toHaveLength(1);
  });

  it('leaves the status alone with the box unticked, for an offer deadline, or past Applied', async () => {
    const me = await t.person();
    const [applied, offered] = [
      await t.insert(me, { status: 'applied' }),
      await t.insert(me, { status: 'offer' }),
    ];
    await addEvent(me.cookie, applied, eventForm());
    await addEvent(me.cookie, applied, eventForm({ kind: 'offer_deadline', toInterviewing: 'on' }));
    await addEvent(me.cookie, offered, eventForm({ toInterviewing: 'on' }));
    expect((await t.stored(applied))?.status).toBe('applied');
    expect((await t.stored(offered))?.status).toBe('offer');
    expect(await storedEvents(applied)).toHaveLength(2);
  });

  it('refuses a date past the most one application holds, keeping what was typed', async () => {
    const me = await t.person();
    const id = await t.insert(me);
    await t.db.admin`
      insert into jobtrack.application_events (application_id, user_id, kind, starts_at, create_key)
      select ${id}, ${me.id}, 'other', now(), gen_random_uuid()
      from generate_series(1, ${MAX_EVENTS_PER_APPLICATION})`;
    const refused = await addEvent(me.cookie, id, eventForm({ notes: 'The last one' }));
    expect(refused.status).toBe(400);
    expect(refused.data.error['']).toEqual([
      `This application already has ${MAX_EVENTS_PER_APPLICATION} dates, the most it can hold. Delete one you no longer need, then add this one.`,
    ]);
    expect(refused.data.initialValue).toMatchObject({
      notes: 'The last one',
      place: 'Civic Hall, Leeds',
    });
    expect(await storedEvents(id)).toHaveLength(MAX_EVENTS_PER_APPLICATION);
  });

  it('holds to the most one application holds when several adds arrive at once', async () => {
    const me = await t.person();
    const id = await t.insert(me);
    await t.db.admin`
      insert into jobtrack.application_events (application_id, user_id, kind, starts_at, create_key)
      select ${id}, ${me.id}, 'other', now(), gen_random_uuid()
      from generate_series(1, ${MAX_EVENTS_PER_APPLICATION - 2})`;
    // The application held locked until all five wait on it, so they really overlap: each then
    // takes its turn, and must count the events the ones before it added.
    const holder = postgres(t.db.url, { max: 1, onnotice: () => {} });
    const outcomes = await holder
      .begin(async (locked) => {
        await locked`select id from jobtrack.applications where id = ${id} for update`;
        const adds = Array.from({ length: 5 }, (_, i) =>
          addEvent(me.cookie, id, eventForm({ notes: `n${i}` })),
        );
        await vi.waitFor(async () => {
          const [waiting] = await t.db.admin<{ n: number }[]>`
            select count(*)::int as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`;
          expect(waiting!.n).toBe(5);
        });
        return adds;
      })
      .finally(() => holder.end());
    const statuses = (await Promise.all(outcomes)).map((o) => o.status);
    expect(statuses.sort()).toEqual([302, 302, 400, 400, 400]);
    expect(await storedEvents(id)).toHaveLength(MAX_EVENTS_PER_APPLICATION);
  });

  it("answers 404 for another person's application or event, and changes nothing", async () => {
    const me = await t.person();
    const other = await t.person();
    const theirs = await t.insert(other);
    expect((await addEvent(me.cookie, theirs, eventForm())).status).toBe(404);
    expect(await storedEvents(theirs)).toEqual([]);

    await addEvent(other.cookie, theirs, eventForm());
    const [event] = await storedEvents(theirs);
    const params = { id: theirs, eventId: event!.id };
    const path = `/applications/${theirs}/events/${event!.id}`;
    const seen = await runLoader(eventLoader, get(path, { cookie: me.cookie }), {
      context: t.context,
      params,
    });
    expect(seen.status).toBe(404);
    const edit = await runAction(
      eventAction,
      formPost(path, eventForm({ time: '09:00' }), { cookie: me.cookie }),
      {
        context: t.context,
        params,
      },
    );
    expect(edit.status).toBe(404);
    const del = await runAction(
      eventAction,
      formPost(path, { intent: 'delete' }, { cookie: me.cookie }),
      {
        context: t.context,
        params,
      },
    );
    expect(del.status).toBe(404);
    expect(await storedEvents(theirs)).toEqual([event]);
  });

  it("cannot be pointed at another person's application even by a query that skips the checks", async () => {
    const me = await t.person();
    const other = await t.person();
    const theirs = await t.insert(other);
    const attempt = asUser(t.context, me.id, (tx) =>
      tx.execute(sql`insert into jobtrack.application_events (application_id, user_id, kind, starts_at, create_key)
        values (${theirs}, ${me.id}, 'interview', now(), gen_random_uuid())`),
    );
    await expect(attempt).rejects.toThrow();
    expect(await storedEvents(theirs)).toEqual([]);
  });

  it('edits and deletes an event', async () => {
    const me = await t.person();
    const id = await t.insert(me);
    await addEvent(me.cookie, id, eventForm());
    const [event] = await storedEvents(id);
    const path = `/applications/${id}/events/${event!.id}`;
    const params = { id, eventId: event!.id };
    const edit = await runAction(
      eventAction,
      formPost(path, eventForm({ kind: 'assessment_centre', time: '9am', link: '' }), {
        cookie: me.cookie,
      }),
      { context: t.context, params },
    );
    expect(edit.status).toBe(302);
    expect(await storedEvents(id)).toMatchObject([
      { kind: 'assessment_centre', starts_at: '2026-06-10T08:00Z', link: null },
    ]);
    const del = await runAction(
      eventAction,
      formPost(path, { intent: 'delete' }, { cookie: me.cookie }),
      {
        context: t.context,
        params,
      },
    );
    expect(del.status).toBe(302);
    expect(await storedEvents(id)).toEqual([]);
  });

  it("shows on the application's page, soonest first", async () => {
    const me = await t.person();
    const id = await t.insert(me);
    await addEvent(
      me.cookie,
      id,
      eventForm({ ...dateFields('date', '2026-07-01'), kind: 'offer_deadline' }),
    );
    await addEvent(
      me.cookie,
      id,
      eventForm({ ...dateFields('date', '2026-06-01'), kind: 'phone_screen' }),
    );
    const page = await runLoader(detailLoader, get(`/applications/${id}`, { cookie: me.cookie }), {
      context: t.context,
      params: { id },
    });
    expect(page.data.events.map((e: { kind: string }) => e.kind)).toEqual([
      'phone_screen',
      'offer_deadline',
    ]);
  });
});

describe('the follow-up date', () => {
  const setFollowUp = (cookie: string, id: string, fields: Record<string, string>) =>
    runAction(followUpAction, formPost(`/applications/${id}/follow-up`, fields, { cookie }), {
      context: t.context,
      params: { id },
    });

  /** Today in London moved by `offset` days: the follow-up rules look at today. */
  const day = (offset: number) => addDays(todayInLondon(), offset);

  /** Adds an application through the add page's action, applied 10 days ago; its stored row. */
  async function addedAs(status: string, company: string, role: string, applied = day(-10)) {
    const me = await t.person();
    const fields = { company, role, status, ...dateFields('dateApplied', applied) };
    const outcome = await runAction(
      newApplicationAction,
      formPost('/applications/new', fields, { cookie: me.cookie }),
      { context: t.context },
    );
    return t.stored(outcome.headers.get('Location')!.split('/').pop()!);
  }

  it('starts 14 days after the date applied when an application is added as Applied', async () => {
    const stored = await addedAs('applied', 'NHS', 'Nurse');
    expect(stored?.follow_up_on).toBe(day(4));
  });

  it('starts with none when that day has already passed, so nothing starts overdue', async () => {
    const stored = await addedAs('applied', 'Leeds City Council', 'Policy Officer', day(-20));
    expect(stored?.follow_up_on).toBeNull();
  });

  it('is not suggested for an application added at a later stage, even with a date applied', async () => {
    const stored = await addedAs(
      'interviewing',
      'Department for Work and Pensions',
      'Executive Officer',
    );
    expect(stored?.follow_up_on).toBeNull();
  });

  it('is changed, kept with an error when impossible, and removed', async () => {
    const me = await t.person();
    const id = await t.insert(me, { status: 'applied', date_applied: '2026-11-01' });
    const set = await setFollowUp(me.cookie, id, dateFields('followUpOn', '2026-11-20'));
    expect(set.status).toBe(302);
    expect((await t.stored(id))?.follow_up_on).toBe('2026-11-20');
    const bad = await setFollowUp(me.cookie, id, dateFields('followUpOn', '2026-02-30'));
    expect(bad.status).toBe(400);
    expect(bad.data.initialValue.followUpOn).toEqual({ day: '30', month: '02', year: '2026' });
    expect((await t.stored(id))?.follow_up_on).toBe('2026-11-20');
    const cleared = await setFollowUp(me.cookie, id, { intent: 'clear' });
    expect(cleared.status).toBe(302);
    expect((await t.stored(id))?.follow_up_on).toBeNull();
  });

  it('is refused before the day the person applied, with the date kept and the reason beside it', async () => {
    const me = await t.person();
    const id = await t.insert(me, { status: 'applied', date_applied: '2026-11-20' });
    const early = await setFollowUp(me.cookie, id, dateFields('followUpOn', '2020-01-01'));
    expect(early.status).toBe(400);
    expect(early.data.error).toEqual({
      followUpOn: ['The follow-up date cannot be before the day you applied, 20 Nov 2026'],
    });
    expect(early.data.initialValue.followUpOn).toEqual({ day: '01', month: '01', year: '2020' });
    expect((await t.stored(id))?.follow_up_on).toBeNull();
    // The day itself is fine, and so is any date when no date applied is known.
    expect((await setFollowUp(me.cookie, id, dateFields('followUpOn', '2026-11-20'))).status).toBe(
      302,
    );
    const undated = await t.insert(me, { status: 'applied' });
    const any = await setFollowUp(me.cookie, undated, dateFields('followUpOn', '2020-01-01'));
    expect(any.status).toBe(302);
  });

  it('is suggested the first time an application reaches Applied, and stays removed when it goes back', async () => {
    const me = await t.person();
    const id = await t.insert(me, { status: 'saved', date_applied: day(-10) });
    const move = (to: string) =>
      runAction(
        statusAction,
        formPost(`/applications/${id}/status`, { status: to }, { cookie: me.cookie }),
        { context: t.context, params: { id } },
      );
    expect((await move('applied')).status).toBe(200);
    expect((await t.stored(id))?.follow_up_on).toBe(day(4));
    await setFollowUp(me.cookie, id, { intent: 'clear' });
    await move('interviewing');
    await move('applied');
    expect((await t.stored(id))?.follow_up_on).toBeNull();
  });

  it('moves to the suggestion when a move back to Applied dates it after the follow-up date', async () => {
    const me = await t.person();
    // Applied once (its history says so), with a follow-up date; the date applied since removed.
    const id = await t.insert(me, { status: 'applied' });
    await t.db.admin`update jobtrack.applications
      set status = 'interviewing', date_applied = null, follow_up_on = ${day(-3)} where id = ${id}`;

    const moved = await runAction(
      statusAction,
      formPost(`/applications/${id}/status`, { status: 'applied' }, { cookie: me.cookie }),
      { context: t.context, params: { id } },
    );

    expect(moved.status).toBe(200);
    // Applied today, so a follow-up three days ago would come before it.
    expect(await t.stored(id)).toMatchObject({ date_applied: day(0), follow_up_on: day(14) });
  });

  it('is not set when an application reaches Applied after its suggested day has passed', async () => {
    const me = await t.person();
    const id = await t.insert(me, { status: 'saved', date_applied: day(-30) });
    const moved = await runAction(
      statusAction,
      formPost(`/applications/${id}/status`, { status: 'applied' }, { cookie: me.cookie }),
      { context: t.context, params: { id } },
    );
    expect(moved.status).toBe(200);
    expect((await t.stored(id))?.follow_up_on).toBeNull();
  });

  it("answers 404 for another person's application", async () => {
    const me = await t.person();
    const other = await t.person();
    const theirs = await t.insert(other, { status: 'applied' });
    const outcome = await setFollowUp(me.cookie, theirs, dateFields('followUpOn', '2026-11-20'));
    expect(outcome.status).toBe(404);
    expect((await t.stored(theirs))?.follow_up_on).toBeNull();
  });
});

describe('a form sent after the session ended', () => {
  const endSessions = (me: { id: string }) =>
    t.db.admin`delete from jobtrack.sessions where user_id = ${me.id}`;

  it('adding: 401 with every typed value, nothing added, the form shown again without JavaScript', async () => {
    const me = await t.person();
    const id = await t.insert(me);
    await endSessions(me);
    const fields = eventForm({ notes: 'Ask about the rota' });
    const page = await runDocumentPost(
      newEventRoute,
      formPost(`/applications/${id}/events/new`, fields, { cookie: me.cookie }),
      { params: { id }, context: t.context },
    );
    expect(page.action.status).toBe(401);
    expect(page.action.data.error[''][0]).toBe('You have been signed out, so this was not saved.');
    expect(page.action.data.initialValue).toMatchObject({
      notes: 'Ask about the rota',
      place: 'Civic Hall, Leeds',
      time: '14:30',
      createKey: fields.createKey,
    });
    expect(page.loader.status).toBe(200);
    expect(page.loader.data).toMatchObject({ id, application: null });
    expect(await storedEvents(id)).toEqual([]);
  });

  it('editing and deleting: 401 with every typed value, the event as it was', async () => {
    const me = await t.person();
    const id = await t.insert(me);
    await addEvent(me.cookie, id, eventForm());
    const before = await storedEvents(id);
    const eventId = before[0]!.id;
    await endSessions(me);
    const path = `/applications/${id}/events/${eventId}`;
    const params = { id, eventId };
    const edit = await runDocumentPost(
      eventRoute,
      formPost(path, eventForm({ notes: 'Moved to the afternoon' }), { cookie: me.cookie }),
      { params, context: t.context },
    );
    expect(edit.action.status).toBe(401);
    expect(edit.action.data.initialValue).toMatchObject({ notes: 'Moved to the afternoon' });
    expect(edit.loader.data).toEqual({ id, eventId, found: null, constraint: expect.any(Object) });
    const del = await runAction(
      eventAction,
      formPost(path, { intent: 'delete' }, { cookie: me.cookie }),
      { params, context: t.context },
    );
    expect(del.status).toBe(401);
    expect(await storedEvents(id)).toEqual(before);
  });

  it('the follow-up date: 401 with the date typed, the date as it was', async () => {
    const me = await t.person();
    const id = await t.insert(me, { status: 'applied' });
    await endSessions(me);
    const page = await runDocumentPost(
      followUpRoute,
      formPost(`/applications/${id}/follow-up`, dateFields('followUpOn', '2026-12-01'), {
        cookie: me.cookie,
      }),
      { params: { id }, context: t.context },
    );
    expect(page.action.status).toBe(401);
    expect(page.action.data.initialValue.followUpOn).toEqual({
      day: '01',
      month: '12',
      year: '2026',
    });
    expect(page.loader.data).toEqual({
      id,
      application: null,
      constraint: expect.any(Object),
      today: expect.any(String),
    });
    expect((await t.stored(id))?.follow_up_on).toBeNull();
  });
});
