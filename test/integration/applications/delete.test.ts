import { describe, expect, it } from 'vitest';
import { action, loader } from '~/routes/applications.$id_.delete';
import { loader as listLoader } from '~/routes/applications._index';
import { formPost, get, runAction, runLoader } from '../../support/http';
import { allRows } from '../../support/rows';
import { setupApplicationsTest } from './fixtures';

const t = setupApplicationsTest();

const confirmPage = (id: string, cookie: string) =>
  runLoader(loader, get(`/applications/${id}/delete`, { cookie }), {
    params: { id },
    context: t.context,
  });

const remove = (id: string, cookie: string, origin?: string) =>
  runAction(action, formPost(`/applications/${id}/delete`, {}, { cookie, origin }), {
    params: { id },
    context: t.context,
  });

describe('deleting an application', () => {
  it('asks first, on a page that names the application and changes nothing', async () => {
    const me = await t.person();
    const id = await t.insert(me, { company: 'Acme', role: 'Clerk' });
    const before = await allRows(t.db.admin);
    const outcome = await confirmPage(id, me.cookie);
    expect(outcome.status).toBe(200);
    expect(outcome.data).toEqual({ id, company: 'Acme', role: 'Clerk' });
    expect(await allRows(t.db.admin)).toEqual(before);
  });

  it('deletes the application and its history, then shows the list with a notice', async () => {
    const me = await t.person();
    const id = await t.insert(me);
    const sibling = await t.insert(me, { company: 'Kept Ltd' });
    const siblingBefore = await t.stored(sibling);

    const outcome = await remove(id, me.cookie);

    expect(outcome.status).toBe(302);
    expect(await t.stored(sibling)).toEqual(siblingBefore);
    expect(await t.history(sibling)).toHaveLength(1);
    expect(outcome.headers.get('Location')).toBe('/applications?notice=deleted');
    expect(await t.stored(id)).toBeUndefined();
    expect(await t.history(id)).toHaveLength(0);
    const list = await runLoader(
      listLoader,
      get('/applications?notice=deleted', { cookie: me.cookie }),
      {
        context: t.context,
      },
    );
    expect(list.data.notice).toBe('The application has been deleted.');
  });

  it('never echoes an unknown notice', async () => {
    const me = await t.person();
    const list = await runLoader(
      listLoader,
      get('/applications?notice=%3Cb%3Ehacked', { cookie: me.cookie }),
      {
        context: t.context,
      },
    );
    expect(list.data.notice).toBeNull();
  });

  it('answers 404 for another person’s application, on the page and the post, and deletes nothing', async () => {
    const me = await t.person();
    const other = await t.person();
    const theirs = await t.insert(other);
    await t.insert(me);
    const before = await allRows(t.db.admin);

    expect((await confirmPage(theirs, me.cookie)).status).toBe(404);
    expect((await remove(theirs, me.cookie)).status).toBe(404);
    expect((await remove('../../etc', me.cookie)).status).toBe(404);
    expect(await allRows(t.db.admin)).toEqual(before);
  });

  it('answers 404 to deleting the same application twice', async () => {
    const me = await t.person();
    const id = await t.insert(me);
    expect((await remove(id, me.cookie)).status).toBe(302);
    expect((await remove(id, me.cookie)).status).toBe(404);
  });

  it('refuses a delete from another site with 403', async () => {
    const me = await t.person();
    const id = await t.insert(me);
    const before = await allRows(t.db.admin);
    expect((await remove(id, me.cookie, 'https://evil.example')).status).toBe(403);
    expect(await allRows(t.db.admin)).toEqual(before);
  });
});
