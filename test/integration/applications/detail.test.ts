import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { action, loader } from '~/routes/applications.$id';
import { action as listAction } from '~/routes/applications._index';
import { todayInLondon } from '~/applications/dates';
import { formPost, get, runAction, runLoader } from '../../support/http';
import { allRows } from '../../support/rows';
import { setupApplicationsTest } from './fixtures';

const t = setupApplicationsTest();

const show = (id: string, cookie: string, address = `/applications/${id}`) =>
  runLoader(loader, get(address.split('#')[0]!, { cookie }), {
    params: { id },
    context: t.context,
  });

const changeStatus = (id: string, status: string, cookie: string, origin?: string) =>
  runAction(
    action,
    formPost(`/applications/${id}`, { intent: 'status', status }, { cookie, origin }),
    {
      params: { id },
      context: t.context,
    },
  );

describe('an application’s page', () => {
  it('lists the history by the day each step happened, the date applied included', async () => {
    const me = await t.person();
    const [id] = await t.seed(me, { status: 'interviewing', date_applied: '2026-11-20' });
    // As an application added as Interviewing with that date applied is recorded.
    await t.db.admin`delete from jobtrack.status_changes where application_id = ${id!}`;
    await t.db.admin`insert into jobtrack.status_changes
      (application_id, user_id, from_status, to_status, occurred_on, changed_at) values
      (${id!}, ${me.id}, null, 'applied', '2026-11-20', '2026-11-24T09:00:00Z'),
      (${id!}, ${me.id}, 'applied', 'interviewing', null, '2026-11-24T09:00:00Z')`;
    const page = await show(id!, me.cookie);
    expect(
      page.data.history.map((h: { toStatus: string; occurredOn: string | null }) => [
        h.toStatus,
        h.occurredOn,
      ]),
    ).toEqual([
      ['interviewing', null],
      ['applied', '2026-11-20'],
    ]);
  });

  it('dates a move to Applied today when no date applied was given', async () => {
    const me = await t.person();
    const [id, dated] = await t.seed(
      me,
      { status: 'saved' },
      { status: 'saved', date_applied: '2026-01-05' },
    );
    await changeStatus(id!, 'applied', me.cookie);
    await changeStatus(dated!, 'applied', me.cookie);
    expect((await t.stored(id!))!.date_applied).toBe(todayInLondon());
    expect((await t.stored(dated!))!.date_applied).toBe('2026-01-05');
  });

  it('shows the application with its fields as stored and its status history', async () => {
    const me = await t.person();
    const id = await t.insert(me, {
      company: 'NHS Digital',
      role: 'Data Analyst',
      status: 'applied',
      salary_min: 40_000,
      salary_note: '+ pension',
      closing_date: '2026-12-01',
      closing_time: '12:00',
      reference: 'C9174-24-0123',
      grade: 'Band 5',
    });

    const outcome = await show(id, me.cookie);

    expect(outcome.status).toBe(200);
    expect(outcome.data.application).toMatchObject({
      id,
      company: 'NHS Digital',
      role: 'Data Analyst',
      status: 'applied',
      salaryMin: 40_000,
      salaryNote: '+ pension',
      closingDate: '2026-12-01',
      closingTime: '12:00:00',
      reference: 'C9174-24-0123',
      grade: 'Band 5',
    });
    expect(outcome.data.now).toEqual({
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      time: expect.stringMatching(/^\d{2}:\d{2}$/),
    });
    expect(outcome.data.application).not.toHaveProperty('userId');
    expect(outcome.data.history).toHaveLength(1);
    expect(outcome.data.history[0]).toMatchObject({ fromStatus: null, toStatus: 'applied' });
    expect(outcome.data.history[0].changedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('answers 404 for another person’s application, an unknown id and a malformed one', async () => {
    const me = await t.person();
    const other = await t.person();
    const theirs = await t.insert(other);

    for (const id of [theirs, randomUUID(), 'not-a-uuid', "1' or '1'='1"]) {
      expect((await show(id, me.cookie)).status, id).toBe(404);
    }
  });

  it('changes the status in one step and adds it to the history, newest first', async () => {
    const me = await t.person();
    const id = await t.insert(me, {
      status: 'saved',
      updated_at: '2001-01-01T00:00:00Z',
    });
    const sibling = await t.insert(me, { status: 'saved' });
    const siblingBefore = await t.stored(sibling);

    const outcome = await changeStatus(id, 'interviewing', me.cookie);

    expect(outcome.status).toBe(302);
    // Back to the form, which then says what moved and when: the move named in the address.
    const back = outcome.headers.get('Location')!;
    expect(back).toMatch(
      new RegExp(
        `^/applications/${id}\\?notice=status-changed&change=[0-9a-f-]{36}#status-change$`,
      ),
    );
    expect((await show(id, me.cookie)).data.moved).toBeNull();
    const after = await runLoader(loader, get(back.split('#')[0]!, { cookie: me.cookie }), {
      params: { id },
      context: t.context,
    });
    expect(after.data.moved).toMatchObject({
      entry: { fromStatus: 'saved', toStatus: 'interviewing', oneStep: true },
      undoable: true,
    });
    const row = await t.stored(id);
    expect(row!.status).toBe('interviewing');
    expect(String(row!.updated_at) > '2001-01-02').toBe(true);
    const page = await show(id, me.cookie);
    expect(page.data.history.map((h: { toStatus: string }) => h.toStatus)).toEqual([
      'interviewing',
      'saved',
    ]);
    expect(page.data.history[0].fromStatus).toBe('saved');
    expect(row!.date_applied).toBeNull();
    expect(await t.stored(sibling)).toEqual(siblingBefore);
    expect(await t.history(sibling)).toHaveLength(1);
  });

  it('shows only the person’s own history: a stray entry of someone else’s cannot even be stored', async () => {
    const me = await t.person();
    const other = await t.person();
    const id = await t.insert(me, { status: 'applied' });
    // Even the superuser cannot file someone else's history under this application: the
    // (application_id, user_id) key names the application's owner (migration 0005).
    await expect(
      t.db
        .admin`insert into jobtrack.status_changes (application_id, user_id, from_status, to_status)
        values (${id}, ${other.id}, 'applied', 'rejected')`,
    ).rejects.toThrow(/status_changes_application_owner_fk/);

    const page = await show(id, me.cookie);

    expect(page.data.history.map((h: { toStatus: string }) => h.toStatus)).toEqual(['applied']);
  });

  it('changes nothing when the status chosen is the one it already has', async () => {
    const me = await t.person();
    const offer = await t.insert(me, { status: 'offer', updated_at: '2026-11-02T09:00:00Z' });
    // Applied with no date or follow-up: moving there would date it and suggest a follow-up.
    const applied = await t.insert(me, { status: 'applied', updated_at: '2026-11-02T09:00:00Z' });
    const before = await allRows(t.db.admin);
    const unmoved = await changeStatus(offer, 'offer', me.cookie);
    expect(unmoved.status).toBe(302);
    // Back to the form, which says that nothing was changed (a second press, say).
    const back = unmoved.headers.get('Location')!;
    expect(back).toBe(`/applications/${offer}?notice=status-unchanged#status-change`);
    expect((await show(offer, me.cookie, back)).data).toMatchObject({
      moved: null,
      said: 'Nothing was changed: the application already had that status.',
    });
    expect((await changeStatus(applied, 'applied', me.cookie)).status).toBe(302);
    expect(await allRows(t.db.admin)).toEqual(before);
  });

  it('says only a move of this application’s own history, whatever the address names', async () => {
    const me = await t.person();
    const other = await t.person();
    const mine = await t.insert(me, { status: 'applied' });
    const theirs = await t.insert(other, { status: 'applied' });
    await changeStatus(theirs, 'rejected', other.cookie);
    const [theirMove] = await t.db.admin<{ id: string }[]>`
      select id from jobtrack.status_changes where application_id = ${theirs} and from_status is not null`;
    for (const change of [theirMove!.id, 'x', '']) {
      const page = await runLoader(
        loader,
        get(`/applications/${mine}?notice=status-changed&change=${change}`, { cookie: me.cookie }),
        { params: { id: mine }, context: t.context },
      );
      expect(page.data.moved).toBeNull();
    }
  });

  it('answers an unknown status with 400 and changes nothing', async () => {
    const me = await t.person();
    const id = await t.insert(me, { status: 'applied' });
    const before = await allRows(t.db.admin);
    const outcome = await changeStatus(id, 'hired', me.cookie);
    expect(outcome.status).toBe(400);
    expect(outcome.data.error).toEqual({ status: ['Choose a status from the list'] });
    expect(await allRows(t.db.admin)).toEqual(before);
  });

  it('answers a refused status change in the same shape as the list does', async () => {
    const me = await t.person();
    const id = await t.insert(me, { status: 'applied' });
    const before = await allRows(t.db.admin);
    const fromList = (fields: Record<string, string>) =>
      runAction(listAction, formPost('/applications?index', fields, { cookie: me.cookie }), {
        context: t.context,
      });
    const fromPage = (fields: Record<string, string>) =>
      runAction(action, formPost(`/applications/${id}`, fields, { cookie: me.cookie }), {
        params: { id },
        context: t.context,
      });
    for (const fields of [
      { intent: 'status', id, status: 'hired' },
      { intent: 'archive', id, status: 'offer' },
    ]) {
      const [list, page] = [await fromList(fields), await fromPage(fields)];
      expect([list.status, page.status]).toEqual([400, 400]);
      expect(list.data.error).toEqual(page.data.error);
      expect(list.data.status).toBe('error');
    }
    expect((await fromPage({ intent: 'archive' })).data.error).toEqual({
      '': ['That form could not be handled. Please try again.'],
    });
    expect(await allRows(t.db.admin)).toEqual(before);
  });

  it('answers 404 to a status change on another person’s application and changes nothing', async () => {
    const me = await t.person();
    const other = await t.person();
    const theirs = await t.insert(other, { status: 'applied' });
    await t.insert(me, { status: 'applied' });
    const before = await allRows(t.db.admin);

    expect((await changeStatus(theirs, 'rejected', me.cookie)).status).toBe(404);
    expect(await allRows(t.db.admin)).toEqual(before);
  });

  it('refuses a status change from another site with 403', async () => {
    const me = await t.person();
    const id = await t.insert(me, { status: 'applied' });
    const before = await allRows(t.db.admin);
    expect((await changeStatus(id, 'rejected', me.cookie, 'https://evil.example')).status).toBe(
      403,
    );
    expect(await allRows(t.db.admin)).toEqual(before);
  });
});
