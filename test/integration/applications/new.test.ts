import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as route from '~/routes/applications.new';
import { action, loader } from '~/routes/applications.new';
import { applicationIdFor } from '~/applications/one-time-key';
import {
  ApplicationSchema,
  SAVED_WITH_DATE,
  type ApplicationInput,
} from '~/applications/application-schema';
import { constraintOf } from '~/components/forms/constraint';
import { createApplication } from '~/applications/mutations.server';
import {
  asDocument,
  formPost,
  get,
  runAction,
  runDocumentPost,
  runLoader,
} from '../../support/http';

import { allRows } from '../../support/rows';
import { dateFields, setupApplicationsTest, VALID_STORED, validForm } from './fixtures';
import { WEB_ADDRESS } from '~/applications/web-address';
import { todayInLondon } from '~/applications/dates';

const t = setupApplicationsTest();

/** Sends the add form with `fields` as `me`; the new application's id. */
async function added(me: { cookie: string }, fields: Record<string, string>) {
  const outcome = await runAction(
    action,
    formPost('/applications/new', fields, { cookie: me.cookie }),
    { context: t.context },
  );
  return outcome.headers.get('Location')!.split('/').pop()!;
}

describe('adding an application', () => {
  it('sends a signed-out visitor to sign in, coming back here afterwards', async () => {
    const outcome = await runLoader(loader, get('/applications/new'), { context: t.context });
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toBe('/signin?redirectTo=%2Fapplications%2Fnew');
  });

  it('saves every field and redirects to the new application', async () => {
    const me = await t.person();
    const outcome = await runAction(
      action,
      formPost('/applications/new', validForm(), { cookie: me.cookie }),
      {
        context: t.context,
      },
    );

    expect(outcome.status).toBe(302);
    const id = outcome.headers.get('Location')!.match(/^\/applications\/([0-9a-f-]{36})$/)![1]!;
    const row = await t.stored(id);
    expect(row).toMatchObject({ user_id: me.id, ...VALID_STORED });
  });

  it('records the first status in the history', async () => {
    const me = await t.person();
    const id = await added(me, { company: 'Acme', role: 'Tester', status: 'interviewing' });
    expect(await t.history(id)).toEqual([
      { from_status: null, to_status: 'interviewing', user_id: me.id, occurred_on: null },
    ]);
  });

  it('dates the history from the date applied, not the day it was typed in', async () => {
    const me = await t.person();
    const add = async (status: string) =>
      t.history(
        await added(me, {
          company: 'NHS',
          role: 'Nurse',
          status,
          ...dateFields('dateApplied', '2026-11-20'),
        }),
      );
    expect(await add('applied')).toEqual([
      { from_status: null, to_status: 'applied', user_id: me.id, occurred_on: '2026-11-20' },
    ]);
    // Further on already: applied on its day, then moved on as it was typed in.
    expect(await add('interviewing')).toEqual([
      { from_status: null, to_status: 'applied', user_id: me.id, occurred_on: '2026-11-20' },
      { from_status: 'applied', to_status: 'interviewing', user_id: me.id, occurred_on: null },
    ]);
  });

  it('dates an application added as Applied with no date applied today, as a move to Applied is', async () => {
    const me = await t.person();
    const id = await added(me, {
      company: 'Department for Work and Pensions',
      role: 'Work Coach',
      status: 'applied',
    });
    const today = todayInLondon();
    expect((await t.stored(id))!.date_applied).toBe(today);
    expect(await t.history(id)).toEqual([
      { from_status: null, to_status: 'applied', user_id: me.id, occurred_on: today },
    ]);
  });

  it('refuses a date applied on an application added as Saved, keeping what was typed', async () => {
    // Saved means not sent: the stats would count it as sent and the job-search log would not.
    const me = await t.person();
    const before = await allRows(t.db.admin);
    const outcome = await runAction(
      action,
      formPost(
        '/applications/new',
        validForm({ status: 'saved', ...dateFields('dateApplied', '2026-11-20') }),
        { cookie: me.cookie },
      ),
      { context: t.context },
    );
    expect(outcome.status).toBe(400);
    expect(outcome.data.error.dateApplied).toEqual([SAVED_WITH_DATE]);
    expect(outcome.data.initialValue).toMatchObject({
      status: 'saved',
      dateApplied: { day: '20', month: '11', year: '2026' },
    });
    expect(await allRows(t.db.admin)).toEqual(before);
  });

  it('stores fields left empty (or only spaces) as nothing, with status saved by default', async () => {
    const me = await t.person();
    const outcome = await runAction(
      action,
      formPost(
        '/applications/new',
        { company: ' Acme ', role: 'Tester', location: '   ', notes: '' },
        { cookie: me.cookie },
      ),
      { context: t.context },
    );
    const row = await t.stored(outcome.headers.get('Location')!.split('/').pop()!);
    expect(row).toMatchObject({
      company: 'Acme',
      status: 'saved',
      location: null,
      notes: null,
      closing_date: null,
    });
  });

  it('answers invalid input with 400, a message per field and every typed value kept', async () => {
    const me = await t.person();
    const typed = validForm({
      company: '',
      advertUrl: 'javascript:alert(1)',
      ...dateFields('closingDate', '2026-02-30'),
    });
    const before = await allRows(t.db.admin);
    const outcome = await runAction(
      action,
      formPost('/applications/new', typed, { cookie: me.cookie }),
      {
        context: t.context,
      },
    );

    expect(outcome.status).toBe(400);
    expect(outcome.data.error).toMatchObject({
      company: ['Enter the company name'],
      advertUrl: [WEB_ADDRESS],
      closingDate: ['Closing date must be a real date'],
      'closingDate.day': ['Closing date must be a real date'],
    });
    // 30 February reaches the server as typed and comes back in its boxes.
    expect(outcome.data.initialValue).toMatchObject({
      role: 'Policy Officer',
      advertUrl: 'javascript:alert(1)',
      closingDate: { day: '30', month: '02', year: '2026' },
      salaryMin: '32,000',
      salaryNote: 'pro rata',
      notes: 'Spoke to Sam.\nFollow up next week.',
    });
    expect(await allRows(t.db.admin)).toEqual(before);
  });

  it('refuses a company name over 200 characters and saves nothing', async () => {
    const me = await t.person();
    const before = await allRows(t.db.admin);
    const outcome = await runAction(
      action,
      formPost('/applications/new', validForm({ company: 'x'.repeat(201) }), { cookie: me.cookie }),
      { context: t.context },
    );
    expect(outcome.status).toBe(400);
    expect(outcome.data.error.company).toEqual(['Company must be 200 characters or fewer']);
    expect(await allRows(t.db.admin)).toEqual(before);
  });

  it('refuses a post from another site with 403 and saves nothing', async () => {
    const me = await t.person();
    const before = await allRows(t.db.admin);
    const outcome = await runAction(
      action,
      formPost('/applications/new', validForm(), {
        cookie: me.cookie,
        origin: 'https://evil.example',
      }),
      { context: t.context },
    );
    expect(outcome.status).toBe(403);
    expect(await allRows(t.db.admin)).toEqual(before);
  });

  it('answers a post after the session ended with 401, saving nothing and keeping every typed value', async () => {
    const form = validForm({ company: 'Nobody Signed In Ltd', notes: 'an hour of careful notes' });
    const before = await allRows(t.db.admin);
    const outcome = await runAction(action, formPost('/applications/new', form), {
      context: t.context,
    });
    expect(outcome.status).toBe(401);
    expect(outcome.data.error[''][0]).toMatch(/signed out, so this was not saved/);
    expect(outcome.data.initialValue).toMatchObject({
      company: 'Nobody Signed In Ltd',
      notes: 'an hour of careful notes',
    });
    expect(await allRows(t.db.admin)).toEqual(before);
  });

  it('without JavaScript, shows the refused form again instead of sending the person to sign in', async () => {
    const me = await t.person();
    await t.db.admin`delete from jobtrack.sessions where user_id = ${me.id}`;
    const form = validForm({ company: 'Typed Before Lunch Ltd', notes: 'notes worth keeping' });

    const page = await runDocumentPost(
      route,
      formPost('/applications/new', form, { cookie: me.cookie }),
      { context: t.context },
    );

    expect(page.action.status).toBe(401);
    expect(page.action.data.initialValue).toMatchObject({ notes: 'notes worth keeping' });
    expect(page.loader.status).toBe(200);
    // The form again, with a fresh one-time key (nothing was saved under the first).
    expect(page.loader.data).toEqual({
      key: expect.stringMatching(/^[0-9a-f-]{36}$/),
      saved: null,
      // What the fields draw (required, maxLength…), without the browser loading zod.
      constraint: constraintOf(ApplicationSchema),
    });
  });

  it('still sends a signed-out visitor who posted nothing to sign in', async () => {
    const me = await t.person();
    await t.db.admin`delete from jobtrack.sessions where user_id = ${me.id}`;

    const outcome = await runLoader(loader, get('/applications/new', { cookie: me.cookie }), {
      context: t.context,
    });

    expect(outcome.status).toBe(302);
  });
});

describe('a retried or doubled form', () => {
  const countOf = async (userId: string) =>
    Number(
      (await t.db.admin`select count(*) from jobtrack.applications where user_id = ${userId}`)[0]!
        .count,
    );
  const post = (cookie: string, fields: Record<string, string>) =>
    runAction(action, formPost('/applications/new', fields, { cookie }), { context: t.context });

  it('carries a one-time key from the page that shows it', async () => {
    const me = await t.person();
    const first = await runLoader(loader, get('/applications/new', { cookie: me.cookie }), {
      context: t.context,
    });
    const second = await runLoader(loader, get('/applications/new', { cookie: me.cookie }), {
      context: t.context,
    });
    expect(first.data.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.data.key).not.toBe(first.data.key);
  });

  it('without JavaScript, keeps the key in the page’s address, so Back to a saved form brings the same key', async () => {
    const me = await t.person();
    // Signed-in pages are never stored: Back loads the form again, as a browser's page request.
    const visit = (path: string) =>
      runLoader(loader, asDocument(get(path, { cookie: me.cookie })), {
        context: t.context,
      });

    const first = await visit('/applications/new');
    expect(first.status).toBe(302);
    const address = first.headers.get('Location')!;
    expect(address).toMatch(/^\/applications\/new\?key=[0-9a-f-]{36}$/);
    const key = new URL(address, 'http://x').searchParams.get('key');
    expect((await visit(address)).data.key).toBe(key);
    expect((await visit(address)).data.key).toBe(key);
    // A key that is not one is replaced.
    expect((await visit('/applications/new?key=nope')).status).toBe(302);
  });

  it('with JavaScript, draws every showing of the form with a key of its own, whatever the address', async () => {
    const me = await t.person();
    const key = randomUUID();
    const data = await runLoader(
      loader,
      get(`/applications/new?key=${key}`, { cookie: me.cookie }),
      {
        context: t.context,
      },
    );
    expect(data.status).toBe(200);
    expect(data.data.key).not.toBe(key);
  });

  it('never sends the page of a refused POST elsewhere, and keeps the key in its address', async () => {
    const me = await t.person();
    const key = randomUUID();
    const page = await runDocumentPost(
      route,
      asDocument(
        formPost(
          `/applications/new?key=${key}`,
          { ...validForm({ company: '' }), key },
          {
            cookie: me.cookie,
          },
        ),
      ),
      { context: t.context },
    );
    expect(page.action.status).toBe(400);
    expect(page.action.data.initialValue).toMatchObject({ key, role: validForm().role });
    expect(page.loader.status).toBe(200);
    expect(page.loader.data).toMatchObject({ key, saved: null });
  });

  it('says on a page whose key was saved already which application it made, and adds nothing', async () => {
    const me = await t.person();
    const key = randomUUID();
    const saved = await post(me.cookie, {
      ...validForm({ company: 'HMRC', role: 'Executive Officer' }),
      key,
    });
    const visit = (path: string) =>
      runLoader(loader, asDocument(get(path, { cookie: me.cookie })), {
        context: t.context,
      });

    const again = await visit(`/applications/new?key=${key}`);
    expect(again.data.key).toBe(key);
    expect(again.data.saved).toEqual({
      id: saved.headers.get('Location')!.split('/').pop(),
      company: 'HMRC',
      role: 'Executive Officer',
    });
    // Another person's page with the same address: their key, nothing of the first person's.
    const other = await t.person();
    const theirs = await runLoader(
      loader,
      asDocument(get(`/applications/new?key=${key}`, { cookie: other.cookie })),
      { context: t.context },
    );
    expect(theirs.data).toMatchObject({ key, saved: null });
  });

  it('answers a second post with the same key like the first, and creates nothing', async () => {
    const me = await t.person();
    const key = randomUUID();
    const fields = { ...validForm({ company: 'Retry Ltd' }), key };

    const first = await post(me.cookie, fields);
    const second = await post(me.cookie, fields);

    expect(first.status).toBe(302);
    expect(second.status).toBe(302);
    expect(second.headers.get('Location')).toBe(first.headers.get('Location'));
    const id = applicationIdFor(me.id, key);
    expect(first.headers.get('Location')).toBe(`/applications/${id}`);
    expect(await countOf(me.id)).toBe(1);
    expect(await t.history(id)).toHaveLength(1);
  });

  it('without JavaScript, Back and changed fields on a saved form keep the changes and offer a fresh key', async () => {
    const me = await t.person();
    const key = randomUUID();
    await post(me.cookie, { ...validForm({ company: 'First Go Ltd' }), key });

    // Back to the saved form (the browser keeps its key), a field changed, Save again.
    const changed = {
      ...validForm({ company: 'Second Thoughts Ltd', notes: 'typed after Back' }),
      key,
    };
    const page = await runDocumentPost(
      route,
      formPost('/applications/new', changed, { cookie: me.cookie }),
      { context: t.context },
    );

    expect(page.action.status).toBe(409);
    expect(page.action.data.error[''][0]).toMatch(/saved before, with other details/);
    expect(page.action.data.initialValue).toMatchObject({
      company: 'Second Thoughts Ltd',
      notes: 'typed after Back',
    });
    expect(page.loader.data.key).not.toBe(key);
    // With JavaScript no loader runs after a 409: the answer carries its own fresh key.
    expect(page.action.data.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(page.action.data.key).not.toBe(key);
    expect(await t.stored(applicationIdFor(me.id, key))).toMatchObject({
      company: 'First Go Ltd',
    });
    expect(await countOf(me.id)).toBe(1);

    // Saving the form as shown again (its fresh key) adds the changed details as a new application.
    const again = await post(me.cookie, { ...changed, key: page.action.data.key });
    expect(again.status).toBe(302);
    expect(await countOf(me.id)).toBe(2);

    // Back to the refused page resends the refused form: the same next key comes back, and saving
    // with it lands on the application it already added.
    const resent = await post(me.cookie, changed);
    expect(resent.status).toBe(409);
    expect(resent.data.key).toBe(page.action.data.key);
    const once = await post(me.cookie, { ...changed, key: resent.data.key });
    expect(once.headers.get('Location')).toBe(again.headers.get('Location'));
    expect(await countOf(me.id)).toBe(2);
  });

  it('saves one application when the same form arrives twice at once (a double click)', async () => {
    const me = await t.person();
    const fields = { ...validForm({ company: 'Double Click Ltd' }), key: randomUUID() };

    const outcomes = await Promise.all([post(me.cookie, fields), post(me.cookie, fields)]);

    expect(outcomes.map((o) => o.status)).toEqual([302, 302]);
    expect(await countOf(me.id)).toBe(1);
  });

  it('saves normally when the key sent is another person’s application id, leaving theirs untouched', async () => {
    const me = await t.person();
    const them = await t.person();
    const theirs = await post(them.cookie, {
      ...validForm({ company: 'Theirs Ltd' }),
      key: randomUUID(),
    });
    const theirId = theirs.headers.get('Location')!.split('/').pop()!;

    // Their id (seen in a shared link, say) sent as my key: a save like any other, not a 409.
    const outcome = await post(me.cookie, { ...validForm({ company: 'Mine Ltd' }), key: theirId });

    expect(outcome.status).toBe(302);
    const myId = outcome.headers.get('Location')!.split('/').pop()!;
    expect(myId).toBe(applicationIdFor(me.id, theirId));
    expect(myId).not.toBe(theirId);
    expect(await t.stored(myId)).toMatchObject({ user_id: me.id, company: 'Mine Ltd' });
    expect(await countOf(me.id)).toBe(1);
    expect(await t.stored(theirId)).toMatchObject({ user_id: them.id, company: 'Theirs Ltd' });
    expect(await countOf(them.id)).toBe(1);
  });

  it('cannot be taken first by someone who learnt another person’s key', async () => {
    const me = await t.person();
    const them = await t.person();
    const key = randomUUID();

    // They send my form's key before I save it: their save lands under their own id.
    await post(them.cookie, { ...validForm({ company: 'Squatter Ltd' }), key });
    const mine = await post(me.cookie, { ...validForm({ company: 'Mine Ltd' }), key });

    expect(mine.status).toBe(302);
    expect(mine.headers.get('Location')).toBe(`/applications/${applicationIdFor(me.id, key)}`);
    expect(await countOf(me.id)).toBe(1);
    expect(await countOf(them.id)).toBe(1);
  });

  it('answers 401 with every typed value when the session ended after the page was shown', async () => {
    const me = await t.person();
    await t.db.admin`delete from jobtrack.sessions where user_id = ${me.id}`;

    const outcome = await post(me.cookie, {
      ...validForm({ company: 'Late Ltd' }),
      key: randomUUID(),
    });

    expect(outcome.status).toBe(401);
    expect(outcome.data.initialValue).toMatchObject({ company: 'Late Ltd' });
    expect(await countOf(me.id)).toBe(0);
  });
});

describe('the one write behind the add form', () => {
  const input: ApplicationInput = {
    company: 'Leeds Teaching Hospitals NHS Trust',
    role: 'Staff Nurse (Band 5)',
    status: 'saved',
    mayCloseEarly: false,
  };

  it('answers saved for a new id, and again for the same values under it, creating one row', async () => {
    const me = await t.person();
    const id = randomUUID();
    expect(await createApplication(t.context, me.id, input, id)).toBe('saved');
    expect(await createApplication(t.context, me.id, input, id)).toBe('saved');
    expect(await createApplication(t.context, me.id, { ...input, role: 'Sister' }, id)).toBe(
      'saved-differently',
    );
    expect(await t.stored(id)).toMatchObject({ user_id: me.id, role: 'Staff Nurse (Band 5)' });
  });

  it('dates an application added at Applied with no date the day it was created, so a retry the next day still creates nothing', async () => {
    const me = await t.person();
    const id = randomUUID();
    const applied: ApplicationInput = { ...input, status: 'applied' };
    expect(await createApplication(t.context, me.id, applied, id)).toBe('saved');
    const [row] = await t.db.admin<{ applied: string; created: string; history: string }[]>`
      select a.date_applied::text as applied,
        (a.created_at at time zone 'Europe/London')::date::text as created,
        (select occurred_on::text from jobtrack.status_changes where application_id = a.id) as history
      from jobtrack.applications a where id = ${id}`;
    expect(row).toEqual({ applied: row!.created, created: row!.created, history: row!.created });
    // As if the first was sent just before midnight and the retry comes just after.
    await t.db.admin`update jobtrack.applications
      set created_at = created_at - interval '1 day', date_applied = date_applied - 1
      where id = ${id}`;
    expect(await createApplication(t.context, me.id, applied, id)).toBe('saved');
    const rows = await t.db.admin`select id from jobtrack.applications where user_id = ${me.id}`;
    expect(rows).toHaveLength(1);
  });

  it('answers not-theirs for an id that is someone else’s application, changing nothing', async () => {
    const me = await t.person();
    const other = await t.person();
    const theirs = await t.insert(other, { company: 'Civil Service', role: 'EO' });
    const before = await allRows(t.db.admin);
    expect(await createApplication(t.context, me.id, input, theirs)).toBe('not-theirs');
    expect(await allRows(t.db.admin)).toEqual(before);
  });
});
