import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addDays, todayInLondon } from '~/applications/dates';
import * as route from '~/routes/applications.$id_.edit';
import { action, loader } from '~/routes/applications.$id_.edit';
import { formPost, get, runAction, runDocumentPost, runLoader } from '../../support/http';
import { allRows } from '../../support/rows';
import { dateFields, setupApplicationsTest, VALID_STORED, validForm } from './fixtures';

const t = setupApplicationsTest();

const save = (id: string, fields: Record<string, string>, cookie: string, origin?: string) =>
  runAction(action, formPost(`/applications/${id}/edit`, fields, { cookie, origin }), {
    params: { id },
    context: t.context,
  });

describe('editing an application', () => {
  it('fills the form with what is stored', async () => {
    const me = await t.person();
    const id = await t.insert(me, {
      company: 'Acme',
      role: 'Clerk',
      salary_min: 25_000,
      salary_note: 'pro rata',
      closing_date: '2026-05-01',
      closing_time: '23:55',
      may_close_early: true,
      reference: 'C9174-24-0123',
      grade: 'Band 5',
    });
    const outcome = await runLoader(
      loader,
      get(`/applications/${id}/edit`, { cookie: me.cookie }),
      {
        params: { id },
        context: t.context,
      },
    );
    expect(outcome.status).toBe(200);
    expect(outcome.data.application).toMatchObject({
      company: 'Acme',
      role: 'Clerk',
      salaryMin: 25_000,
      salaryMax: null,
      salaryNote: 'pro rata',
      closingDate: '2026-05-01',
      closingTime: '23:55:00',
      mayCloseEarly: true,
      reference: 'C9174-24-0123',
      grade: 'Band 5',
    });
  });

  it('answers 404 for another person’s application and a malformed id', async () => {
    const me = await t.person();
    const other = await t.person();
    const theirs = await t.insert(other);
    for (const id of [theirs, 'abc']) {
      const outcome = await runLoader(
        loader,
        get(`/applications/${id}/edit`, { cookie: me.cookie }),
        {
          params: { id },
          context: t.context,
        },
      );
      expect(outcome.status).toBe(404);
    }
  });

  it('saves the changes, clears emptied fields and redirects to the application', async () => {
    const me = await t.person();
    const id = await t.insert(me, {
      status: 'applied',
      notes: 'old notes',
      salary_min: 1000,
      grade: 'EO',
    });
    const sibling = await t.insert(me, { company: 'Sibling Ltd' });
    const siblingBefore = await t.stored(sibling);

    const outcome = await save(
      id,
      validForm({
        status: 'applied',
        notes: '',
        grade: ' ',
        salaryMax: '',
        closingTime: '',
        mayCloseEarly: '',
      }),
      me.cookie,
    );

    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toBe(`/applications/${id}`);
    expect(await t.stored(id)).toMatchObject({
      ...VALID_STORED,
      notes: null,
      grade: null,
      salary_min: 32_000,
      salary_max: null,
      closing_time: null,
      may_close_early: false,
    });
    expect(await t.history(id)).toHaveLength(1);
    // Only that application: the person's other one is as it was.
    expect(await t.stored(sibling)).toEqual(siblingBefore);
  });

  it('drops a closing time when the closing date is cleared with it', async () => {
    const me = await t.person();
    const id = await t.insert(me, { closing_date: '2026-05-01', closing_time: '12:00' });
    await save(id, validForm({ ...dateFields('closingDate', null), closingTime: '' }), me.cookie);
    expect(await t.stored(id)).toMatchObject({ closing_date: null, closing_time: null });
  });

  it('records a history entry when the edit changes the status', async () => {
    const me = await t.person();
    const id = await t.insert(me, { status: 'saved' });
    await save(id, validForm({ status: 'offer' }), me.cookie);
    expect((await t.history(id)).map((h) => [h.from_status, h.to_status])).toEqual([
      [null, 'saved'],
      ['saved', 'offer'],
    ]);
  });

  it('moves the history entry dated from the date applied when the date is corrected', async () => {
    const me = await t.person();
    const [id] = await t.seed(me, { status: 'applied', date_applied: '2026-01-10' });
    await t.db.admin`update jobtrack.status_changes set occurred_on = '2026-01-10'
      where application_id = ${id!}`;
    await save(id!, validForm({ ...dateFields('dateApplied', '2026-01-08') }), me.cookie);
    expect(await t.history(id!)).toMatchObject([
      { to_status: 'applied', occurred_on: '2026-01-08' },
    ]);
  });

  it('moves a follow-up date that a later date applied would leave behind, and no other', async () => {
    // Days from today in London: the suggestion is made only while its day is still ahead.
    const day = (offset: number) => addDays(todayInLondon(), offset);
    const me = await t.person();
    const [id] = await t.seed(me, { status: 'applied', date_applied: day(-40) });
    const followUp = async () =>
      (
        await t.db.admin<{ f: string | null }[]>`
        select follow_up_on::text as f from jobtrack.applications where id = ${id!}`
      )[0]!.f;
    const setFollowUp = (on: string) =>
      t.db.admin`update jobtrack.applications set follow_up_on = ${on} where id = ${id!}`;
    const edit = (on: string) =>
      save(id!, validForm({ status: 'applied', ...dateFields('dateApplied', on) }), me.cookie);

    await setFollowUp(day(-8));
    // Still before it: the person's date stays.
    await edit(day(-9));
    expect(await followUp()).toBe(day(-8));
    // Past it: the follow-up becomes the suggestion, 14 days after the new date applied.
    await edit(day(-5));
    expect(await followUp()).toBe(day(9));
    // Past it onto a suggestion whose day has gone too: none, rather than one already overdue.
    await edit(day(-40));
    await setFollowUp(day(-30));
    await edit(day(-20));
    expect(await followUp()).toBeNull();
  });

  it('removes, rather than re-suggests, the follow-up date of a rejected application left behind', async () => {
    const day = (offset: number) => addDays(todayInLondon(), offset);
    const me = await t.person();
    const [id] = await t.seed(me, { status: 'rejected', date_applied: day(-10) });
    await t.db.admin`update jobtrack.applications set follow_up_on = ${day(-2)} where id = ${id!}`;

    await save(
      id!,
      validForm({ status: 'rejected', ...dateFields('dateApplied', day(-1)) }),
      me.cookie,
    );

    // Not day(13): nobody chases an application that has had its answer.
    expect((await t.stored(id!))?.follow_up_on).toBeNull();
  });

  it('refuses a date applied after an answer already dated, beside the date, saving nothing', async () => {
    const me = await t.person();
    const [id] = await t.seed(me, { status: 'applied', date_applied: '2026-10-01' });
    await t.db.admin`update jobtrack.status_changes set changed_at = '2026-10-01T08:00:00Z'
      where application_id = ${id!}`;
    await t.db.admin`insert into jobtrack.status_changes
      (application_id, user_id, from_status, to_status, changed_at, occurred_on) values
      (${id!}, ${me.id}, 'applied', 'interviewing', '2026-10-20T09:00:00Z', null),
      (${id!}, ${me.id}, 'interviewing', 'rejected', '2026-11-25T09:00:00Z', '2026-10-14')`;
    await t.db.admin`update jobtrack.applications set status = 'rejected' where id = ${id!}`;
    const before = await allRows(t.db.admin);
    const edit = (on: string) =>
      save(
        id!,
        validForm({
          status: 'rejected',
          notes: 'Panel of three',
          ...dateFields('dateApplied', on),
        }),
        me.cookie,
      );

    // The rejection, dated 14 October by hand, is the first answer (the interview came on the 20th).
    const refused = await edit('2026-10-15');
    expect(refused.status).toBe(400);
    const message =
      'Date applied must be on or before 14 Oct 2026, the day this application moved to Rejected ' +
      '(to change that day, use “Change date” in its status history)';
    expect(refused.data.error).toEqual({
      dateApplied: [message],
      'dateApplied.day': [message],
      'dateApplied.month': [message],
      'dateApplied.year': [message],
    });
    expect(refused.data.initialValue).toMatchObject({ notes: 'Panel of three' });
    expect(await allRows(t.db.admin)).toEqual(before);

    // On the day of the answer, or before it, is saved; so is no date applied at all.
    expect((await edit('2026-10-14')).status).toBe(302);
    expect((await t.stored(id!))?.date_applied).toBe('2026-10-14');
    const cleared = await save(
      id!,
      validForm({ status: 'rejected', ...dateFields('dateApplied', '') }),
      me.cookie,
    );
    expect(cleared.status).toBe(302);
  });

  it('checks a date applied only against answers to the application as last sent', async () => {
    const me = await t.person();
    const history = (id: string, rows: Array<[string | null, string, string]>) =>
      t.db.admin`insert into jobtrack.status_changes
        (application_id, user_id, from_status, to_status, changed_at)
        select ${id}, ${me.id}, f, to_status::jobtrack.application_status, at::timestamptz
        from unnest(${rows.map((r) => r[0])}::jobtrack.application_status[],
          ${rows.map((r) => r[1])}::text[], ${rows.map((r) => r[2])}::text[]) as h(f, to_status, at)`;
    const edit = (id: string, on: string) =>
      save(id, validForm({ status: 'applied', ...dateFields('dateApplied', on) }), me.cookie);

    // Withdrawn from Saved on 5 October (decided not to apply), then applied on the 20th after all.
    const [changedMind] = await t.seed(me, { status: 'withdrawn' });
    await t.db.admin`delete from jobtrack.status_changes where application_id = ${changedMind!}`;
    await history(changedMind!, [
      [null, 'saved', '2026-10-01T09:00:00Z'],
      ['saved', 'withdrawn', '2026-10-05T09:00:00Z'],
    ]);
    expect((await edit(changedMind!, '2026-10-20')).status).toBe(302);

    // Applied in September, rejected, then applied again (the same record) in November.
    const [again] = await t.seed(me, { status: 'applied', date_applied: '2026-09-01' });
    await t.db.admin`delete from jobtrack.status_changes where application_id = ${again!}`;
    await history(again!, [
      [null, 'applied', '2026-09-01T09:00:00Z'],
      ['applied', 'rejected', '2026-09-20T09:00:00Z'],
      ['rejected', 'applied', '2026-11-02T09:00:00Z'],
    ]);
    expect((await edit(again!, '2026-11-02')).status).toBe(302);

    // Moved from Saved straight to Interviewing on 5 October (never through Applied): the
    // interview answers it, so a date applied after it is refused.
    const [straight] = await t.seed(me, { status: 'interviewing' });
    await t.db.admin`delete from jobtrack.status_changes where application_id = ${straight!}`;
    await history(straight!, [
      [null, 'saved', '2026-10-01T09:00:00Z'],
      ['saved', 'interviewing', '2026-10-05T09:00:00Z'],
    ]);
    const refused = await save(
      straight!,
      validForm({ status: 'interviewing', ...dateFields('dateApplied', '2026-10-20') }),
      me.cookie,
    );
    expect(refused.status).toBe(400);
    expect(refused.data.error.dateApplied[0]).toMatch(/on or before 5 Oct 2026/);
  });

  it('says an edit was saved elsewhere before it says the date applied comes after an answer', async () => {
    const me = await t.person();
    const [id] = await t.seed(me, { status: 'applied', date_applied: '2026-10-01' });
    await t.db.admin`update jobtrack.status_changes set changed_at = '2026-10-01T08:00:00Z'
      where application_id = ${id!}`;
    await t.db.admin`insert into jobtrack.status_changes
      (application_id, user_id, from_status, to_status, changed_at) values
      (${id!}, ${me.id}, 'applied', 'rejected', '2026-10-14T09:00:00Z')`;
    const outcome = await save(
      id!,
      validForm({
        status: 'applied',
        updatedAt: '2020-01-01T00:00:00.000Z',
        ...dateFields('dateApplied', '2026-10-20'),
      }),
      me.cookie,
    );
    expect(outcome.status).toBe(409);
    expect(outcome.data.error['']?.[0]).toMatch(/changed in another tab or on another device/);
  });

  it('saves an application moved back to Saved as it is, its date applied kept', async () => {
    // A move to Applied undone on the board leaves the date it set; the edit form does not make
    // the person clear it before saving anything else (only the add form refuses Saved + a date).
    const me = await t.person();
    const [id] = await t.seed(me, { status: 'saved', date_applied: '2026-11-30' });
    const outcome = await save(
      id!,
      validForm({ status: 'saved', notes: 'Ask about flexible working' }),
      me.cookie,
    );
    expect(outcome.status).toBe(302);
    expect(await t.stored(id!)).toMatchObject({
      status: 'saved',
      notes: 'Ask about flexible working',
    });
  });

  it('dates a move to Applied made on the edit form from the date applied', async () => {
    const me = await t.person();
    const [id] = await t.seed(me, { status: 'saved' });
    await save(id!, validForm({ ...dateFields('dateApplied', '2026-01-08') }), me.cookie);
    expect(await t.history(id!)).toMatchObject([
      { to_status: 'saved', occurred_on: null },
      { from_status: 'saved', to_status: 'applied', occurred_on: '2026-01-08' },
    ]);
  });

  it('dates a move to Applied made on the edit form with no date applied today, as a one-press move is', async () => {
    const me = await t.person();
    const [moved, already] = await t.seed(me, { status: 'saved' }, { status: 'applied' });
    const noDate = validForm({
      'dateApplied.day': '',
      'dateApplied.month': '',
      'dateApplied.year': '',
    });
    expect((await save(moved!, noDate, me.cookie)).status).toBe(302);
    const today = todayInLondon();
    expect(await t.stored(moved!)).toMatchObject({ status: 'applied', date_applied: today });
    expect((await t.history(moved!)).at(-1)).toMatchObject({
      from_status: 'saved',
      to_status: 'applied',
      occurred_on: today,
    });
    // Rejected, with a follow-up date kept from an earlier time at Applied, and sent again: that
    // date would come before the new date applied, so it is suggested afresh, as a one-press move does.
    const [again] = await t.seed(me, { status: 'rejected' });
    await t.db
      .admin`update jobtrack.applications set follow_up_on = '2026-03-01' where id = ${again!}`;
    await t.db.admin`insert into jobtrack.status_changes (application_id, user_id, to_status)
      values (${again!}, ${me.id}, 'applied')`;
    expect((await save(again!, noDate, me.cookie)).status).toBe(302);
    expect(await t.stored(again!)).toMatchObject({
      date_applied: today,
      follow_up_on: addDays(today, 14),
    });
    // Already at Applied with no date: saved as typed, nothing invented.
    expect((await save(already!, noDate, me.cookie)).status).toBe(302);
    expect(await t.stored(already!)).toMatchObject({ status: 'applied', date_applied: null });
  });

  it('dates a move to any other status when it is made, not from the date applied', async () => {
    const me = await t.person();
    const [id] = await t.seed(me, { status: 'applied', date_applied: '2026-01-08' });
    await save(
      id!,
      validForm({ status: 'interviewing', ...dateFields('dateApplied', '2026-01-08') }),
      me.cookie,
    );
    expect((await t.history(id!)).at(-1)).toMatchObject({
      from_status: 'applied',
      to_status: 'interviewing',
      occurred_on: null,
    });
  });

  it('answers invalid input with 400, keeps every typed value and changes nothing', async () => {
    const me = await t.person();
    const id = await t.insert(me, { company: 'Before Ltd' });
    const typed = validForm({ company: 'After Ltd', role: '', notes: 'n'.repeat(20_001) });
    const before = await allRows(t.db.admin);

    const outcome = await save(id, typed, me.cookie);

    expect(outcome.status).toBe(400);
    expect(outcome.data.error.role).toEqual(['Enter the role (the job title)']);
    expect(outcome.data.error.notes).toEqual(['Notes must be 20,000 characters or fewer']);
    expect(outcome.data.initialValue).toMatchObject({
      company: 'After Ltd',
      salaryMin: '32,000',
      dateApplied: { day: '10', month: '01', year: '2026' },
    });
    expect(await allRows(t.db.admin)).toEqual(before);
  });

  it('answers 404 to saving over another person’s application and changes nothing', async () => {
    const me = await t.person();
    const other = await t.person();
    const theirs = await t.insert(other, {
      company: 'Theirs Ltd',
      status: 'saved',
    });
    await t.insert(me);
    const before = await allRows(t.db.admin);

    for (const id of [theirs, randomUUID(), 'nope']) {
      expect((await save(id, validForm({ status: 'offer' }), me.cookie)).status, id).toBe(404);
    }
    expect(await allRows(t.db.admin)).toEqual(before);
  });

  it('answers a save after the session ended with 401, keeping every typed value and changing nothing', async () => {
    const me = await t.person();
    const id = await t.insert(me, { company: 'Before Ltd' });
    const typed = validForm({ company: 'After Ltd', notes: 'an hour of careful notes' });
    await t.db.admin`delete from jobtrack.sessions where user_id = ${me.id}`;
    const before = await allRows(t.db.admin);

    const outcome = await save(id, typed, me.cookie);

    expect(outcome.status).toBe(401);
    expect(outcome.data.error[''][0]).toMatch(/signed out, so this was not saved/);
    // Every value as typed; a date's boxes come back grouped under the date, as the form reads them.
    const undated = Object.fromEntries(
      Object.entries(typed).filter(([name]) => !name.includes('.')),
    );
    expect(outcome.data.initialValue).toEqual({
      ...undated,
      dateApplied: { day: '10', month: '01', year: '2026' },
      closingDate: { day: '01', month: '02', year: '2026' },
    });
    expect(await allRows(t.db.admin)).toEqual(before);
  });

  it('refuses an edit from another site with 403', async () => {
    const me = await t.person();
    const id = await t.insert(me, { company: 'Before Ltd' });
    const before = await allRows(t.db.admin);
    expect((await save(id, validForm(), me.cookie, 'https://evil.example')).status).toBe(403);
    expect(await allRows(t.db.admin)).toEqual(before);
  });

  it('without JavaScript, a save after the session ended shows the form again with every typed value', async () => {
    const me = await t.person();
    const id = await t.insert(me, { company: 'Acme', role: 'Clerk' });
    await t.db.admin`delete from jobtrack.sessions where user_id = ${me.id}`;
    const form = validForm({ company: 'Acme Renamed', notes: 'an hour of careful notes' });

    const page = await runDocumentPost(
      route,
      formPost(`/applications/${id}/edit`, form, { cookie: me.cookie }),
      { params: { id }, context: t.context },
    );

    expect(page.action.status).toBe(401);
    expect(page.action.data.error[''][0]).toBe('You have been signed out, so this was not saved.');
    expect(page.action.data.initialValue).toMatchObject({
      company: 'Acme Renamed',
      notes: 'an hour of careful notes',
    });
    // Not a redirect to sign in: the page renders, from what was sent, with nothing of the database.
    expect(page.loader.status).toBe(200);
    expect(page.loader.data).toEqual({ id, application: null, constraint: expect.any(Object) });
    expect(await t.stored(id)).toMatchObject({ company: 'Acme' });
  });
});
