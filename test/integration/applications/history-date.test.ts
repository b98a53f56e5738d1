// Dating a status change after the event (a rejection told by phone, recorded a week later): the
// page and its action, what the job-search log then says, and who may do it.
import postgres from 'postgres';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadLog } from '~/job-search-log/log.server';
import { action, loader } from '~/routes/applications.$id_.history.$changeId';
import { action as newApplicationAction } from '~/routes/applications.new';
import { action as moveAction } from '~/routes/applications.$id.status';
import { action as editAction } from '~/routes/applications.$id_.edit';
import { formPost, get, runAction, runLoader } from '../../support/http';
import type { TestUser } from '../../support/users';
import { dateFields, setupApplicationsTest, validForm } from './fixtures';

const t = setupApplicationsTest();

/** An application added as Rejected, applied on 5 October; its id and its two changes' ids. */
async function rejectedApplication(me: TestUser) {
  const fields = {
    company: 'University of York',
    role: 'Research Administrator',
    status: 'rejected',
    ...dateFields('dateApplied', '2026-10-05'),
  };
  const added = await runAction(
    newApplicationAction,
    formPost('/applications/new', fields, { cookie: me.cookie }),
    { context: t.context },
  );
  const id = added.headers.get('Location')!.split('/').pop()!;
  const changes = await t.db.admin<{ id: string; to_status: string }[]>`
    select id, to_status from jobtrack.status_changes where application_id = ${id}`;
  const idOf = (status: string) => changes.find((c) => c.to_status === status)!.id;
  return { id, applied: idOf('applied'), rejected: idOf('rejected') };
}

const post = (me: TestUser, id: string, changeId: string, fields: Record<string, string>) =>
  runAction(action, formPost(`/applications/${id}/history/${changeId}`, fields, me), {
    context: t.context,
    params: { id, changeId },
  });

const open = (me: TestUser, id: string, changeId: string) =>
  runLoader(loader, get(`/applications/${id}/history/${changeId}`, me), {
    context: t.context,
    params: { id, changeId },
  });

/** Resolves once some backend of this test's database waits on a lock. */
async function waitForABlockedBackend() {
  for (let tries = 0; tries < 250; tries++) {
    const [row] = await t.db.admin<{ n: number }[]>`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`;
    if (row!.n > 0) return;
    await new Promise((done) => setTimeout(done, 20));
  }
  throw new Error('No backend waited on a lock within 5 s');
}

/**
 * Runs `action` while another connection, holding the application's lock as the app's own writes
 * do, has dated `changeId` to `on` and not yet committed; commits once `action` waits on the lock.
 */
async function whileAnotherTabDates<T>(
  id: string,
  changeId: string,
  on: string,
  action: () => Promise<T>,
): Promise<T> {
  const other = postgres(t.db.url, { max: 1, onnotice: () => {} });
  let pending: Promise<T> | undefined;
  try {
    await other.begin(async (tx) => {
      await tx`select 1 from jobtrack.applications where id = ${id} for update`;
      await tx`update jobtrack.status_changes set occurred_on = ${on} where id = ${changeId}`;
      pending = action();
      pending.catch(() => {}); // awaited below
      await Promise.race([waitForABlockedBackend(), pending]);
    });
  } finally {
    await other.end();
  }
  return pending!;
}

const occurredOn = async (changeId: string) =>
  (
    await t.db.admin<{ on: string | null }[]>`
      select occurred_on::text as on from jobtrack.status_changes where id = ${changeId}`
  )[0]!.on;

describe('the day a status change happened', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('may be tomorrow in London (someone whose tomorrow has begun), not the day after', async () => {
    const me = await t.person();
    const { id, rejected } = await rejectedApplication(me);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-28T12:00:00Z'));
    const late = await post(me, id, rejected, dateFields('on', '2026-11-30'));
    expect(late.status).toBe(400);
    expect(late.data.error.on).toEqual(['The date must be today or in the past']);
    expect((await post(me, id, rejected, dateFields('on', '2026-11-29'))).status).toBe(302);
    expect(await occurredOn(rejected)).toBe('2026-11-29');
  });

  it('is given after the event, and the job-search log then says it happened that day', async () => {
    const me = await t.person();
    const { id, rejected } = await rejectedApplication(me);
    const page = await open(me, id, rejected);
    expect(page.status).toBe(200);
    expect(page.data.entry).toMatchObject({
      company: 'University of York',
      fromStatus: 'applied',
      toStatus: 'rejected',
      occurredOn: null,
    });

    const saved = await post(me, id, rejected, dateFields('on', '2026-10-28'));
    expect(saved.status).toBe(302);
    expect(saved.headers.get('Location')).toBe(`/applications/${id}#history-heading`);
    expect(await occurredOn(rejected)).toBe('2026-10-28');
    const log = await loadLog(t.context, me.id, { from: '2026-10-01', to: '2026-11-30' });
    expect(log.entries.map((e) => [e.day, e.to])).toEqual([
      ['2026-10-05', 'applied'],
      ['2026-10-28', 'rejected'],
    ]);
  });

  it('may be the day applied itself, and any day for a move back to Saved', async () => {
    const me = await t.person();
    const { id, rejected } = await rejectedApplication(me);
    expect((await post(me, id, rejected, dateFields('on', '2026-10-05'))).status).toBe(302);
    expect(await occurredOn(rejected)).toBe('2026-10-05');
    const moved = await runAction(
      moveAction,
      formPost(`/applications/${id}/status`, { status: 'saved' }, me),
      { context: t.context, params: { id } },
    );
    expect(moved.status).toBe(200);
    const [saved] = await t.db.admin<{ id: string }[]>`
      select id from jobtrack.status_changes where application_id = ${id} and to_status = 'saved'`;
    expect((await post(me, id, saved!.id, dateFields('on', '2026-09-01'))).status).toBe(302);
    expect(await occurredOn(saved!.id)).toBe('2026-09-01');
  });

  it('for a move to Applied on the board is the date applied, not the day of the move', async () => {
    const me = await t.person();
    const id = await t.insert(me, { status: 'saved', date_applied: '2026-11-20' });
    const moved = await runAction(
      moveAction,
      formPost(`/applications/${id}/status`, { status: 'applied' }, me),
      { context: t.context, params: { id } },
    );
    expect(moved.status).toBe(200);
    const applied = async () =>
      (
        await t.db.admin<{ on: string }[]>`
          select occurred_on::text as on from jobtrack.status_changes
          where application_id = ${id} and to_status = 'applied'`
      ).map((r) => r.on);
    expect(await applied()).toEqual(['2026-11-20']);
  });

  it('is refused beside the field before the day applied, in the future, or left empty, and kept', async () => {
    const me = await t.person();
    const { id, rejected } = await rejectedApplication(me);
    for (const [day, message] of [
      ['2026-10-01', 'The date must be on or after the day you applied (5 Oct 2026)'],
      ['2099-01-01', 'The date must be today or in the past'],
      ['', 'Enter the date it happened'],
    ] as const) {
      const fields = dateFields('on', day || null);
      const refused = await post(me, id, rejected, fields);
      expect(refused.status, day).toBe(400);
      expect(refused.data.error.on, day).toEqual([message]);
      if (day) expect(refused.data.initialValue.on.year).toBe(day.slice(0, 4));
    }
    expect(await occurredOn(rejected)).toBeNull();
  });

  it('is refused when it would put the history out of order, naming the move in the way', async () => {
    const me = await t.person();
    const id = await t.insert(me, { status: 'applied', date_applied: '2026-10-05' });
    const moveTo = async (status: string) => {
      const moved = await runAction(
        moveAction,
        formPost(`/applications/${id}/status`, { status }, me),
        { context: t.context, params: { id } },
      );
      expect(moved.status).toBe(200);
      const [change] = await t.db.admin<{ id: string }[]>`
        select id from jobtrack.status_changes where application_id = ${id} and to_status = ${status}`;
      return change!.id;
    };
    // Recorded today, one after the other: an interview, then an offer.
    const interview = await moveTo('interviewing');
    const offer = await moveTo('offer');
    const inTheWay = (side: 'after' | 'before', day: string, status: string) =>
      `The date must be on or ${side} ${day}, the day this application moved to ${status} (to change that day, use “Change date” beside it in the status history)`;

    expect((await post(me, id, interview, dateFields('on', '2026-10-20'))).status).toBe(302);
    const early = await post(me, id, offer, dateFields('on', '2026-10-15'));
    expect(early.status).toBe(400);
    expect(early.data.error.on).toEqual([inTheWay('after', '20 Oct 2026', 'Interviewing')]);
    expect(await occurredOn(offer)).toBeNull();

    expect((await post(me, id, offer, dateFields('on', '2026-10-20'))).status).toBe(302);
    const late = await post(me, id, interview, dateFields('on', '2026-10-21'));
    expect(late.status).toBe(400);
    expect(late.data.error.on).toEqual([inTheWay('before', '20 Oct 2026', 'Offer')]);
    expect(await occurredOn(interview)).toBe('2026-10-20');
    expect((await post(me, id, interview, dateFields('on', '2026-10-12'))).status).toBe(302);
    expect(await occurredOn(interview)).toBe('2026-10-12');
  });

  /** An application with these moves, recorded at the given times; the moves' ids in order. */
  async function withHistory(
    me: TestUser,
    dateApplied: string | null,
    moves: Array<[from: string | null, to: string, recorded: string, on: string | null]>,
  ) {
    const id = await t.insert(me, { status: moves.at(-1)![1], date_applied: dateApplied });
    await t.db.admin`delete from jobtrack.status_changes where application_id = ${id}`;
    const ids: string[] = [];
    for (const [from, to, recorded, on] of moves) {
      const [row] = await t.db.admin<{ id: string }[]>`
        insert into jobtrack.status_changes
          (application_id, user_id, from_status, to_status, changed_at, occurred_on)
        values (${id}, ${me.id}, ${from}, ${to}, ${recorded}, ${on}) returning id`;
      ids.push(row!.id);
    }
    return { id, ids };
  }

  it('waits for a date being given to another move, so the history stays in order', async () => {
    const me = await t.person();
    const { id, ids } = await withHistory(me, '2026-11-02', [
      [null, 'applied', '2026-11-02T09:00Z', '2026-11-02'],
      ['applied', 'interviewing', '2026-11-10T09:00Z', '2026-11-10'],
      ['interviewing', 'offer', '2026-11-20T09:00Z', '2026-11-20'],
    ]);
    const [interview, offer] = [ids[1]!, ids[2]!];
    // Another tab moves the interview to 15 Nov meanwhile.
    const refused = await whileAnotherTabDates(id, interview, '2026-11-15', () =>
      post(me, id, offer, dateFields('on', '2026-11-12')),
    );
    expect(refused.status).toBe(400);
    expect(refused.data.error.on[0]).toMatch(
      /^The date must be on or after 15 Nov 2026, the day this application moved to Interviewing/,
    );
    expect(await occurredOn(offer)).toBe('2026-11-20');
  });

  it('holds an edit of the date applied until a date being given is saved, then weighs it', async () => {
    const me = await t.person();
    const { id, ids } = await withHistory(me, '2026-10-05', [
      [null, 'applied', '2026-10-05T09:00Z', '2026-10-05'],
      ['applied', 'rejected', '2026-10-20T09:00Z', '2026-10-20'],
    ]);
    const refused = await whileAnotherTabDates(id, ids[1]!, '2026-10-08', () =>
      runAction(
        editAction,
        formPost(
          `/applications/${id}/edit`,
          validForm({ status: 'rejected', ...dateFields('dateApplied', '2026-10-15') }),
          me,
        ),
        { context: t.context, params: { id } },
      ),
    );
    expect(refused.status).toBe(400);
    expect(refused.data.error.dateApplied[0]).toMatch(
      /^Date applied must be on or before 8 Oct 2026/,
    );
    expect((await t.stored(id))?.date_applied).toBe('2026-10-05');
  });

  it('weighs a withdrawal recorded as the application was added, as guest mode does', async () => {
    const me = await t.person();
    const { id, ids } = await withHistory(me, null, [
      [null, 'withdrawn', '2026-11-10T09:00Z', '2026-11-10'],
      ['withdrawn', 'interviewing', '2026-11-12T09:00Z', null],
    ]);
    const refused = await post(me, id, ids[1]!, dateFields('on', '2026-11-05'));
    expect(refused.status).toBe(400);
    expect(refused.data.error.on[0]).toMatch(
      /^The date must be on or after 10 Nov 2026, the day this application moved to Withdrawn/,
    );
    expect((await post(me, id, ids[0]!, dateFields('on', '2026-11-11'))).status).toBe(302);
    expect((await post(me, id, ids[0]!, dateFields('on', '2026-11-13'))).status).toBe(400);
  });

  it('lets a history already out of order be put right one move at a time', async () => {
    const me = await t.person();
    // Dated before the rule, or imported: an interview on 20 Nov, an offer on 10 Nov, a refusal
    // of the offer's terms on 5 Nov, recorded in that order.
    const { id, ids } = await withHistory(me, '2026-11-02', [
      [null, 'applied', '2026-11-02T09:00Z', '2026-11-02'],
      ['applied', 'interviewing', '2026-11-21T09:00Z', '2026-11-20'],
      ['interviewing', 'offer', '2026-11-22T09:00Z', '2026-11-10'],
      ['offer', 'withdrawn', '2026-11-23T09:00Z', '2026-11-05'],
    ]);
    for (const [index, day] of [
      [1, '2026-11-06'],
      [2, '2026-11-07'],
      [3, '2026-11-08'],
    ] as const) {
      expect((await post(me, id, ids[index]!, dateFields('on', day))).status, day).toBe(302);
    }
    expect(await Promise.all(ids.map(occurredOn))).toEqual([
      '2026-11-02',
      '2026-11-06',
      '2026-11-07',
      '2026-11-08',
    ]);
  });

  it('weighs a move against the answers to its own sending, after applying again', async () => {
    const me = await t.person();
    // Rejected after a first application (recorded late, on 20 Nov), then applied again on 1 Nov
    // and invited to interview.
    const { id, ids } = await withHistory(me, '2026-11-01', [
      [null, 'applied', '2026-10-05T09:00Z', '2026-10-05'],
      ['applied', 'rejected', '2026-11-20T09:00Z', null],
      ['rejected', 'applied', '2026-11-21T09:00Z', '2026-11-01'],
      ['applied', 'interviewing', '2026-11-22T09:00Z', null],
    ]);
    expect((await post(me, id, ids[3]!, dateFields('on', '2026-11-03'))).status).toBe(302);
    expect((await post(me, id, ids[1]!, dateFields('on', '2026-10-15'))).status).toBe(302);
    const early = await post(me, id, ids[3]!, dateFields('on', '2026-10-30'));
    expect(early.data.error.on).toEqual([
      'The date must be on or after the day you applied (1 Nov 2026)',
    ]);
    expect(await occurredOn(ids[1]!)).toBe('2026-10-15');
    expect(await occurredOn(ids[3]!)).toBe('2026-11-03');
  });

  it('is not given here for the move to Applied (its day is the date applied), nor for another person', async () => {
    const me = await t.person();
    const mine = await rejectedApplication(me);
    const alsoMine = await rejectedApplication(me);
    const other = await t.person();
    const theirs = await rejectedApplication(other);
    const fields = dateFields('on', '2026-10-20');
    for (const [who, id, changeId] of [
      [me, mine.id, mine.applied],
      [me, theirs.id, theirs.rejected],
      [me, mine.id, theirs.rejected],
      [me, alsoMine.id, mine.rejected],
      [other, mine.id, mine.rejected],
    ] as const) {
      expect((await open(who, id, changeId)).status).toBe(404);
      expect((await post(who, id, changeId, fields)).status).toBe(404);
    }
    expect(await occurredOn(mine.rejected)).toBeNull();
    expect(await occurredOn(theirs.rejected)).toBeNull();
    expect(await occurredOn(mine.applied)).toBe('2026-10-05');
  });

  it('keeps what was typed when the session has ended, and changes nothing', async () => {
    const me = await t.person();
    const { id, rejected } = await rejectedApplication(me);
    const outcome = await runAction(
      action,
      formPost(`/applications/${id}/history/${rejected}`, dateFields('on', '2026-10-28')),
      { context: t.context, params: { id, changeId: rejected } },
    );
    expect(outcome.status).toBe(401);
    expect(outcome.data.initialValue.on).toEqual({ day: '28', month: '10', year: '2026' });
    expect(await occurredOn(rejected)).toBeNull();
  });
});
