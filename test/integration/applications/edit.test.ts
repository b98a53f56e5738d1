import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as route from '~/routes/applications.$id_.edit';
import { action, loader } from '~/routes/applications.$id_.edit';
import { formPost, get, runAction, runDocumentPost, runLoader } from '../../support/http';
import { allRows } from '../../support/rows';
import { setupApplicationsTest, validForm } from './fixtures';

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
      salary: '£25k',
      closing_date: '2026-05-01',
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
      salary: '£25k',
      closingDate: '2026-05-01',
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
      salary: '£1',
    });
    const sibling = await t.insert(me, { company: 'Sibling Ltd' });
    const siblingBefore = await t.stored(sibling);

    const outcome = await save(
      id,
      validForm({ status: 'applied', notes: '', salary: '£50,000 pro rata' }),
      me.cookie,
    );

    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toBe(`/applications/${id}`);
    expect(await t.stored(id)).toMatchObject({
      company: 'Leeds City Council',
      notes: null,
      salary: '£50,000 pro rata',
    });
    expect(await t.history(id)).toHaveLength(1);
    // Only that application: the person's other one is as it was.
    expect(await t.stored(sibling)).toEqual(siblingBefore);
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
      salary: '£32,000–£36,000',
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
    expect(outcome.data.initialValue).toEqual(typed);
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
    expect(page.loader.data).toEqual({ id, application: null });
    expect(await t.stored(id)).toMatchObject({ company: 'Acme' });
  });
});
