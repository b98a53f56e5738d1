// "Undo this move" beside a status move just made on an application's page: the move leaves the
// history, the job-search log and the stats, and the application is as it was before it.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { todayInLondon } from '~/applications/dates';
import { action as editAction } from '~/routes/applications.$id_.edit';
import { action, loader } from '~/routes/applications.$id';
import { formPost, get, runAction, runLoader } from '../../support/http';
import { setupApplicationsTest, validForm } from './fixtures';

const t = setupApplicationsTest();

const post = (id: string, fields: Record<string, string>, cookie: string) =>
  runAction(action, formPost(`/applications/${id}`, fields, { cookie }), {
    params: { id },
    context: t.context,
  });
const move = (id: string, status: string, cookie: string) =>
  post(id, { intent: 'status', status }, cookie);
const undo = (id: string, change: string, cookie: string) =>
  post(id, { intent: 'undo-move', change }, cookie);
const page = async (id: string, cookie: string, search = '') =>
  (
    await runLoader(loader, get(`/applications/${id}${search}`, { cookie }), {
      params: { id },
      context: t.context,
    })
  ).data;

type Entry = { id: string; toStatus: string; oneStep: boolean };
const lastMove = async (id: string, cookie: string) =>
  ((await page(id, cookie)).history as Entry[])[0]!;
/** Whether the page, back from a status change that made `change`, offers to undo it. */
const offersUndo = async (id: string, cookie: string, change: string) =>
  (await page(id, cookie, `?notice=status-changed&change=${change}`)).moved.undoable as boolean;

describe('undoing a status move', () => {
  it('a saved advert marked Applied by mistake is Saved again, with no date applied, follow-up or history of it', async () => {
    const me = await t.person();
    const [id] = await t.seed(me, {
      company: 'HM Revenue & Customs',
      role: 'Executive Officer',
      status: 'saved',
    });
    const before = await t.stored(id!);
    await move(id!, 'applied', me.cookie);
    const moved = await t.stored(id!);
    expect(moved).toMatchObject({ status: 'applied', date_applied: todayInLondon() });
    expect(moved!.follow_up_on).not.toBeNull();
    const change = await lastMove(id!, me.cookie);
    expect(change).toMatchObject({ toStatus: 'applied', oneStep: true });
    expect(await offersUndo(id!, me.cookie, change.id)).toBe(true);

    const undone = await undo(id!, change.id, me.cookie);

    expect(undone.status).toBe(302);
    const back = undone.headers.get('Location')!;
    expect(back).toBe(`/applications/${id}?notice=status-undone#status-change`);
    const after = await t.stored(id!);
    expect(after).toMatchObject({
      status: 'saved',
      date_applied: before!.date_applied,
      follow_up_on: before!.follow_up_on,
    });
    expect((await t.history(id!)).map((h) => h.to_status)).toEqual(['saved']);
    expect((await page(id!, me.cookie, '?notice=status-undone')).said).toMatch(/undone/);
    // Pressed again (Back and send): it says the same, and nothing changes.
    const again = await undo(id!, change.id, me.cookie);
    expect(again.headers.get('Location')).toBe(back);
    expect(await t.stored(id!)).toEqual(after);
  });

  it('a rejection chosen for the wrong application goes back to Applied, its date applied kept', async () => {
    const me = await t.person();
    const [id] = await t.seed(me, { status: 'applied', date_applied: '2026-11-10' });
    await move(id!, 'rejected', me.cookie);
    const change = await lastMove(id!, me.cookie);

    expect((await undo(id!, change.id, me.cookie)).status).toBe(302);

    expect(await t.stored(id!)).toMatchObject({ status: 'applied', date_applied: '2026-11-10' });
    expect((await t.history(id!)).map((h) => h.to_status)).toEqual(['applied']);
  });

  it('is refused once the application has changed since, saying so, and changes nothing', async () => {
    const me = await t.person();
    const [id] = await t.seed(me, { status: 'applied', date_applied: '2026-11-10' });
    await move(id!, 'interviewing', me.cookie);
    const first = await lastMove(id!, me.cookie);
    await move(id!, 'offer', me.cookie);
    // The earlier move is no longer the last thing that happened to it.
    expect(await offersUndo(id!, me.cookie, first.id)).toBe(false);
    expect(await offersUndo(id!, me.cookie, (await lastMove(id!, me.cookie)).id)).toBe(true);

    const refused = await undo(id!, first.id, me.cookie);

    expect(refused.status).toBe(409);
    expect(refused.data.error[''][0]).toMatch(/can no longer be undone/);
    expect((await t.stored(id!))!.status).toBe('offer');
    expect(await t.history(id!)).toHaveLength(3);
  });

  it('pressed again in another tab after the move was undone and another made, says it cannot be undone', async () => {
    const me = await t.person();
    const [id] = await t.seed(me, { status: 'applied', date_applied: '2026-11-10' });
    await move(id!, 'rejected', me.cookie);
    const mistaken = await lastMove(id!, me.cookie);
    // Tab two: undone, then moved on.
    expect((await undo(id!, mistaken.id, me.cookie)).status).toBe(302);
    await move(id!, 'interviewing', me.cookie);

    // Tab one still shows the first move's Undo.
    const answer = await undo(id!, mistaken.id, me.cookie);

    expect(answer.status).toBe(409);
    expect(answer.data.error[''][0]).toMatch(/can no longer be undone/);
    expect((await t.stored(id!))!.status).toBe('interviewing');
  });

  it('is refused after an edit saved since, and a move made on the edit form has no undo', async () => {
    const me = await t.person();
    const [id] = await t.seed(me, { status: 'applied', date_applied: '2026-11-10' });
    await move(id!, 'interviewing', me.cookie);
    const change = await lastMove(id!, me.cookie);
    const edited = await runAction(
      editAction,
      formPost(`/applications/${id}/edit`, validForm({ status: 'rejected' }), {
        cookie: me.cookie,
      }),
      { params: { id: id! }, context: t.context },
    );
    expect(edited.status).toBe(302);
    expect(await offersUndo(id!, me.cookie, change.id)).toBe(false);
    expect((await lastMove(id!, me.cookie)).oneStep).toBe(false);

    expect((await undo(id!, change.id, me.cookie)).status).toBe(409);
    expect((await t.stored(id!))!.status).toBe('rejected');
  });

  it('never reaches another person’s application or move, whatever the form says', async () => {
    const me = await t.person();
    const other = await t.person();
    const [mine] = await t.seed(me, { status: 'applied', date_applied: '2026-11-10' });
    const [theirs] = await t.seed(other, { status: 'applied', date_applied: '2026-11-10' });
    await move(theirs!, 'rejected', other.cookie);
    const theirMove = await lastMove(theirs!, other.cookie);

    expect((await undo(theirs!, theirMove.id, me.cookie)).status).toBe(404);
    // Their move named under my application: no move of mine, so none to undo; nothing changes.
    const mineBefore = await t.stored(mine!);
    expect((await undo(mine!, theirMove.id, me.cookie)).status).toBe(302);
    expect(await t.stored(mine!)).toEqual(mineBefore);
    expect((await t.stored(theirs!))!.status).toBe('rejected');
    expect(await t.history(theirs!)).toHaveLength(2);

    expect((await undo(mine!, 'not-a-move', me.cookie)).status).toBe(400);
    expect((await undo(randomUUID(), theirMove.id, me.cookie)).status).toBe(404);
  });
});
