import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addDays, todayInLondon } from '~/applications/dates';
import { BOARD_LIMIT } from '~/applications/board.server';
import { PAGE_SIZE } from '~/applications/list-query';
import { action, loader } from '~/routes/applications.board';
import { action as moveAction } from '~/routes/applications.$id.status';
import { formPost, get, runAction, runLoader } from '../../support/http';
import { setupApplicationsTest } from './fixtures';

const t = setupApplicationsTest();

const board = (cookie: string) =>
  runLoader(loader, get('/applications/board', { cookie }), { context: t.context });

const move = (id: string, status: string, cookie: string, origin?: string) =>
  runAction(moveAction, formPost(`/applications/${id}/status`, { status }, { cookie, origin }), {
    params: { id },
    context: t.context,
  });

type Column = { status: string; total: number; rows: Array<{ company: string }> };
const columnOf = (outcome: { data: { columns: Column[] } }, status: string) =>
  outcome.data.columns.find((c) => c.status === status)!;

describe('the board', () => {
  it('sends a signed-out visitor to sign in', async () => {
    const outcome = await board('');
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toBe('/signin?redirectTo=%2Fapplications%2Fboard');
  });

  it('has one column per status with the person’s own applications only', async () => {
    const me = await t.person();
    const other = await t.person();
    const today = todayInLondon();
    await t.seed(
      me,
      { company: 'Saved later', status: 'saved', closing_date: addDays(today, 9) },
      { company: 'Saved sooner', status: 'saved', closing_date: addDays(today, 2) },
      { company: 'Saved missed', status: 'saved', closing_date: addDays(today, -2) },
      { company: 'Applied old', status: 'applied', updated_at: '2026-01-01T00:00:00Z' },
      { company: 'Applied new', status: 'applied', updated_at: '2026-02-01T00:00:00Z' },
      { company: 'Offer', status: 'offer' },
    );
    await t.insert(other, { company: 'Not mine', status: 'offer' });

    const outcome = await board(me.cookie);

    expect(outcome.status).toBe(200);
    expect(outcome.data.columns.map((c: Column) => c.status)).toEqual([
      'saved',
      'applied',
      'interviewing',
      'offer',
      'accepted',
      'rejected',
      'withdrawn',
      'ghosted',
    ]);
    // Saved runs by closing date, as the list's closing-date sort; the rest by last update.
    expect(columnOf(outcome, 'saved').rows.map((r) => r.company)).toEqual([
      'Saved sooner',
      'Saved later',
      'Saved missed',
    ]);
    expect(columnOf(outcome, 'applied').rows.map((r) => r.company)).toEqual([
      'Applied new',
      'Applied old',
    ]);
    expect(columnOf(outcome, 'offer')).toMatchObject({ total: 1, rows: [{ company: 'Offer' }] });
    expect(outcome.data.total).toBe(6);
  });

  it(`shows the first ${BOARD_LIMIT} cards of a column and counts them all`, async () => {
    const me = await t.person();
    await t.seed(me, ...Array.from({ length: BOARD_LIMIT + 3 }, () => ({ status: 'rejected' })));
    const column = columnOf(await board(me.cookie), 'rejected');
    expect(column.total).toBe(BOARD_LIMIT + 3);
    expect(column.rows).toHaveLength(BOARD_LIMIT);
  });

  it(`shows the first ${BOARD_LIMIT} Saved cards of a long column in the list’s closing-date order`, async () => {
    const me = await t.person();
    const today = todayInLondon();
    const saved = (company: string, closing_date: string | null) => ({
      company,
      status: 'saved',
      closing_date,
    });
    await t.seed(
      me,
      ...Array.from({ length: 12 }, (_, i) => saved(`Open ${i + 1}`, addDays(today, 12 - i))),
      ...Array.from({ length: 12 }, (_, i) => saved(`Closed ${i + 1}`, addDays(today, -1 - i))),
      ...Array.from({ length: 3 }, (_, i) => saved(`Undated ${i + 1}`, null)),
    );
    // Its ids come from one page of the list's closing order.
    expect(BOARD_LIMIT).toBeLessThanOrEqual(PAGE_SIZE);
    const column = columnOf(await board(me.cookie), 'saved');
    expect(column.total).toBe(27);
    // Open soonest first, then the most recently closed: the undated ones are past the first 20.
    expect(column.rows.map((r) => r.company)).toEqual([
      ...Array.from({ length: 12 }, (_, i) => `Open ${12 - i}`),
      ...Array.from({ length: BOARD_LIMIT - 12 }, (_, i) => `Closed ${i + 1}`),
    ]);
  });

  it('moves a card with its status menu (no JavaScript) and comes back to the board', async () => {
    const me = await t.person();
    const [id] = await t.seed(me, { status: 'saved' });
    const outcome = await runAction(
      action,
      formPost(
        '/applications/board',
        { intent: 'status', id: id!, status: 'applied' },
        {
          cookie: me.cookie,
        },
      ),
      { context: t.context },
    );
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toMatch(
      /^\/applications\/board\?notice=status-changed&change=[0-9a-f-]{36}$/,
    );
    expect((await t.stored(id!))!.status).toBe('applied');
    expect((await t.history(id!)).map((h) => h.to_status)).toEqual(['saved', 'applied']);
  });

  it('answers a card menu for another person’s application with 404, changing nothing', async () => {
    const me = await t.person();
    const other = await t.person();
    const [theirs] = await t.seed(other, { status: 'saved' });
    const outcome = await runAction(
      action,
      formPost(
        '/applications/board',
        { intent: 'status', id: theirs!, status: 'offer' },
        {
          cookie: me.cookie,
        },
      ),
      { context: t.context },
    );
    expect(outcome.status).toBe(404);
    expect((await t.stored(theirs!))!.status).toBe('saved');
  });
});

describe('a move made by dragging or with the keyboard (JSON)', () => {
  it('saves the move and answers with the new status and the move, for its Undo', async () => {
    const me = await t.person();
    const [id] = await t.seed(me, { status: 'applied' });
    const outcome = await move(id!, 'interviewing', me.cookie);
    expect((await t.stored(id!))!.status).toBe('interviewing');
    expect((await t.history(id!)).map((h) => h.to_status)).toEqual(['applied', 'interviewing']);
    const [entry] = await t.db.admin<{ id: string }[]>`
      select id from jobtrack.status_changes where application_id = ${id!} and to_status = 'interviewing'`;
    expect(outcome).toMatchObject({
      status: 200,
      data: { status: 'interviewing', change: entry!.id },
    });
  });

  it('names no move when the card already had that status', async () => {
    const me = await t.person();
    const [id] = await t.seed(me, { status: 'applied' });
    const outcome = await move(id!, 'applied', me.cookie);
    expect(outcome).toMatchObject({ status: 200, data: { status: 'applied', change: null } });
    expect(await t.history(id!)).toHaveLength(1);
  });

  it('keeps the date applied through a mistaken move to Saved and back', async () => {
    const me = await t.person();
    const [id] = await t.seed(me, { status: 'applied', date_applied: '2026-11-02' });
    await move(id!, 'saved', me.cookie);
    await move(id!, 'applied', me.cookie);
    expect(await t.stored(id!)).toMatchObject({ status: 'applied', date_applied: '2026-11-02' });
  });

  it('answers 404 for another person’s application, an unknown id and a malformed one', async () => {
    const me = await t.person();
    const other = await t.person();
    const [theirs] = await t.seed(other, { status: 'applied' });
    for (const id of [theirs!, randomUUID(), 'nope']) {
      expect((await move(id, 'offer', me.cookie)).status, id).toBe(404);
    }
    expect((await t.stored(theirs!))!.status).toBe('applied');
    expect(await t.history(theirs!)).toHaveLength(1);
  });

  it('answers an unknown status with 400 and a signed-out person with 401, changing nothing', async () => {
    const me = await t.person();
    const [id] = await t.seed(me, { status: 'applied' });
    expect(await move(id!, 'hired', me.cookie)).toMatchObject({
      status: 400,
      data: { error: 'Choose a status from the list' },
    });
    expect(await move(id!, 'offer', '')).toMatchObject({
      status: 401,
      data: { error: expect.stringContaining('signed out') },
    });
    expect((await t.stored(id!))!.status).toBe('applied');
  });

  it('refuses a move from another site with 403', async () => {
    const me = await t.person();
    const [id] = await t.seed(me, { status: 'applied' });
    expect((await move(id!, 'offer', me.cookie, 'https://evil.example')).status).toBe(403);
    expect((await t.stored(id!))!.status).toBe('applied');
  });
});
