// A status move made from the list, the board (without JavaScript) or the dashboard's "Mark as
// ghosted" is said on the page the form returns to, with "Undo this move" beside it.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/cloudflare';
import { describe, expect, it } from 'vitest';
import * as home from '~/routes/_index';
import * as board from '~/routes/applications.board';
import * as list from '~/routes/applications._index';
import { formPost, get, runAction, runLoader } from '../../support/http';
import { setupApplicationsTest } from './fixtures';

const t = setupApplicationsTest();

type Page = {
  name: string;
  /** Where its forms post, and the address they come back to. */
  action: string;
  back: string;
  route: {
    action: (args: ActionFunctionArgs) => unknown;
    loader: (args: LoaderFunctionArgs) => unknown;
  };
};

const PAGES: Page[] = [
  {
    name: 'the list, filtered and sorted',
    action: '/applications?index&status=applied&sort=closing',
    back: '/applications?status=applied&sort=closing',
    route: list,
  },
  { name: 'the board', action: '/applications/board', back: '/applications/board', route: board },
  { name: 'the dashboard', action: '/?index', back: '/', route: home },
];

const post = (page: Page, fields: Record<string, string>, cookie: string) =>
  runAction(page.route.action as never, formPost(page.action, fields, { cookie }), {
    context: t.context,
  });

type Said = { move: Record<string, unknown> | null; said: string | null };
const said = async (page: Page, address: string, cookie: string) =>
  (await runLoader(page.route.loader as never, get(address, { cookie }), { context: t.context }))
    .data as Said;

const changeIn = (location: string) => new URL(location, 'http://x').searchParams.get('change')!;

describe.each(PAGES)('a status move from $name', (page) => {
  it('comes back naming the move, which the page says and offers to undo; undone, the application is as it was', async () => {
    const me = await t.person();
    const [id] = await t.seed(me, {
      company: 'Leeds Teaching Hospitals NHS Trust',
      role: 'Staff Nurse (Band 5)',
      status: 'applied',
      date_applied: '2026-10-05',
    });
    const before = await t.stored(id!);

    const moved = await post(page, { intent: 'status', id: id!, status: 'ghosted' }, me.cookie);

    expect(moved.status).toBe(302);
    const back = moved.headers.get('Location')!;
    const change = changeIn(back);
    expect(back).toBe(
      `${page.back}${page.back.includes('?') ? '&' : '?'}notice=status-changed&change=${change}`,
    );
    expect((await said(page, back, me.cookie)).move).toEqual({
      id: change,
      applicationId: id,
      role: 'Staff Nurse (Band 5)',
      company: 'Leeds Teaching Hospitals NHS Trust',
      fromStatus: 'applied',
      toStatus: 'ghosted',
      undoable: true,
    });

    const undone = await post(page, { intent: 'undo-move', id: id!, change }, me.cookie);

    expect(undone.status).toBe(302);
    const after = undone.headers.get('Location')!;
    expect(after).toBe(`${page.back}${page.back.includes('?') ? '&' : '?'}notice=status-undone`);
    expect(await t.stored(id!)).toMatchObject({
      status: 'applied',
      date_applied: before!.date_applied,
      follow_up_on: before!.follow_up_on,
    });
    expect((await t.history(id!)).map((h) => h.to_status)).toEqual(['applied']);
    const now = await said(page, after, me.cookie);
    expect(now.move).toBeNull();
    expect(now.said).toMatch(/undone/);
  });

  it('says that nothing changed when the status sent is the one it has (pressed twice, say)', async () => {
    const me = await t.person();
    const [id] = await t.seed(me, { status: 'applied', date_applied: '2026-10-05' });
    const before = await t.stored(id!);

    const again = await post(page, { intent: 'status', id: id!, status: 'applied' }, me.cookie);

    const back = again.headers.get('Location')!;
    expect(back).toBe(`${page.back}${page.back.includes('?') ? '&' : '?'}notice=status-unchanged`);
    expect(await said(page, back, me.cookie)).toMatchObject({
      move: null,
      said: 'Nothing was changed: the application already had that status.',
    });
    expect(await t.stored(id!)).toEqual(before);
    expect(await t.history(id!)).toHaveLength(1);
  });

  it('says nothing of a move not the person’s, one malformed, or one another move has overtaken', async () => {
    const me = await t.person();
    const other = await t.person();
    const [theirs] = await t.seed(other, { status: 'applied' });
    const theirMove = changeIn(
      (
        await post(page, { intent: 'status', id: theirs!, status: 'ghosted' }, other.cookie)
      ).headers.get('Location')!,
    );
    const [mine] = await t.seed(me, { status: 'applied' });
    const first = changeIn(
      (await post(page, { intent: 'status', id: mine!, status: 'ghosted' }, me.cookie)).headers.get(
        'Location',
      )!,
    );
    await post(page, { intent: 'status', id: mine!, status: 'rejected' }, me.cookie);

    for (const change of [theirMove, 'not-a-uuid', first]) {
      const address = `${page.back}${page.back.includes('?') ? '&' : '?'}notice=status-changed&change=${change}`;
      expect((await said(page, address, me.cookie)).move).toBeNull();
    }
  });

  it('refuses to undo a move after the application has changed since, with 409, changing nothing', async () => {
    const me = await t.person();
    const [id] = await t.seed(me, { status: 'applied' });
    const back = (
      await post(page, { intent: 'status', id: id!, status: 'ghosted' }, me.cookie)
    ).headers.get('Location')!;
    await t.db.admin`update jobtrack.applications set notes = 'Chased by phone', updated_at = now()
      where id = ${id!}`;
    expect((await said(page, back, me.cookie)).move).toMatchObject({ undoable: false });

    const refused = await post(
      page,
      { intent: 'undo-move', id: id!, change: changeIn(back) },
      me.cookie,
    );

    expect(refused.status).toBe(409);
    expect((await t.stored(id!))!.status).toBe('ghosted');
  });

  it('answers 404 to an undo naming another person’s application, changing nothing', async () => {
    const me = await t.person();
    const other = await t.person();
    const [theirs] = await t.seed(other, { status: 'applied' });
    const back = (
      await post(page, { intent: 'status', id: theirs!, status: 'ghosted' }, other.cookie)
    ).headers.get('Location')!;

    const refused = await post(
      page,
      { intent: 'undo-move', id: theirs!, change: changeIn(back) },
      me.cookie,
    );

    expect(refused.status).toBe(404);
    expect((await t.stored(theirs!))!.status).toBe('ghosted');
  });
});
