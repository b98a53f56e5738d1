import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { action as existingAction, loader as existingLoader } from '~/routes/statements.$id';
import { loader as listLoader } from '~/routes/statements._index';
import { action as newAction, loader as newLoader } from '~/routes/statements.new';
import { NHS_BAND_5 } from '../../fixtures/specifications';
import { fakeAnthropic, noAnthropicCalls } from '../../mocks/anthropic';
import { pieces } from '../../mocks/anthropic-events';
import { server } from '../../mocks/server';
import { formPost, get, runAction, runLoader } from '../../support/http';
import { insertApplication } from '../applications/fixtures';
import {
  eventsOf,
  PER_HOUR,
  pressGenerate,
  setupStatementsTest,
  stored,
  supportingForm,
} from './fixtures';

const t = setupStatementsTest();

const NEW = '/statements/new?kind=supporting';
const postNew = (fields: Record<string, string>, cookie?: string) =>
  runAction(newAction, formPost(NEW, fields, { cookie }), { context: t.context });
const postExisting = (id: string, fields: Record<string, string>, cookie?: string) =>
  runAction(existingAction, formPost(`/statements/${id}`, fields, { cookie }), {
    params: { id },
    context: t.context,
  });
const showExisting = (id: string, cookie: string, search = '') =>
  runLoader(existingLoader, get(`/statements/${id}${search}`, { cookie }), {
    params: { id },
    context: t.context,
  });

async function generated(cookie: string, text: string, fields: Record<string, string> = {}) {
  server.use(fakeAnthropic({ pieces: pieces(text) }).handler);
  const events = eventsOf(
    await (await pressGenerate(t.context, supportingForm(fields), { cookie })).text(),
  );
  await t.settled();
  return events[0]!;
}

describe('saving the inputs', () => {
  it('keeps them as a draft on the server, sends nothing to Anthropic, and makes one statement for a doubled press', async () => {
    const me = await t.person();
    const watch = noAnthropicCalls();
    server.use(watch.handler);
    const form = { ...supportingForm(), intent: 'save' };

    const first = await postNew(form, me.cookie);
    const second = await postNew(form, me.cookie);

    expect(first.status).toBe(302);
    const { statements } = await stored(t.db, me.id);
    expect(statements).toHaveLength(1);
    expect(first.headers.get('Location')).toBe(
      `/statements/${statements[0]!.id}?notice=inputs-saved`,
    );
    expect(second.headers.get('Location')).toBe(first.headers.get('Location'));
    expect(statements[0]).toMatchObject({ job_title: form.jobTitle, person_spec: form.personSpec });
    expect(watch.requests).toEqual([]);
  });

  it('saves half-finished inputs: nothing is required to save', async () => {
    const me = await t.person();
    const saved = await postNew(
      {
        kind: 'behaviours',
        submissionKey: randomUUID(),
        intent: 'save',
        'behaviours.leadership.selected': 'on',
      },
      me.cookie,
    );
    expect(saved.status).toBe(302);
    const { statements } = await stored(t.db, me.id);
    expect(statements[0]).toMatchObject({ kind: 'behaviours', job_title: '', word_limit: 250 });
    expect(statements[0]!.details.behaviours).toEqual([
      { id: 'leadership', selected: true, evidence: '' },
    ]);
  });

  it('answers 400 with every typed value for input over a limit', async () => {
    const me = await t.person();
    const outcome = await postNew(
      supportingForm({ intent: 'save', jobTitle: 'x'.repeat(201) }),
      me.cookie,
    );
    expect(outcome.status).toBe(400);
    expect(outcome.data.error.jobTitle).toEqual(['The job title can be up to 200 characters']);
    expect(outcome.data.initialValue.employer).toBe('Leeds Teaching Hospitals NHS Trust');
    expect((await stored(t.db, me.id)).statements).toEqual([]);
  });

  it('refuses a hand-made post with rows past the criteria limit before parsing it (400, nothing saved)', async () => {
    const me = await t.person();
    const rows = Object.fromEntries(
      Array.from({ length: 200 }, (_, i) => [`criteria[${i}].text`, `Criterion ${i}`]),
    );
    const outcome = await postNew(supportingForm({ intent: 'save', ...rows }), me.cookie);
    expect(outcome.status).toBe(400);
    // Refused whole, not a form reply built by parsing every row.
    expect(outcome.data).toBe('A statement can answer up to 40 criteria.');
    expect((await stored(t.db, me.id)).statements).toEqual([]);
  });

  it('never changes a statement’s kind when its first save is sent again as another kind', async () => {
    const me = await t.person();
    const form = { ...supportingForm(), intent: 'save' };
    await postNew(form, me.cookie);
    await postNew({ ...form, kind: 'cover_letter' }, me.cookie);
    const { statements } = await stored(t.db, me.id);
    expect(statements.map((s) => s.kind)).toEqual(['supporting']);
  });

  it('keeps what was typed, with a message, when the session ended before Save', async () => {
    const outcome = await postNew(supportingForm({ intent: 'save' }));
    expect(outcome.status).toBe(401);
    expect(outcome.data.error[''][0]).toMatch(/signed out, so nothing was sent/);
    expect(outcome.data.initialValue.jobTitle).toBe('Staff Nurse (Band 5)');
  });

  it('updates the statement of its page, and refuses another person’s (404, unchanged)', async () => {
    const me = await t.person();
    const other = await t.person();
    const { statementId } = await generated(other.cookie, 'Theirs.');

    const mine = await generated(me.cookie, 'Mine.');
    const updated = await postExisting(
      mine.statementId,
      supportingForm({
        intent: 'save',
        statementId: mine.statementId,
        jobTitle: 'Senior Staff Nurse',
      }),
      me.cookie,
    );
    expect(updated.status).toBe(302);
    expect((await stored(t.db, me.id)).statements[0]!.job_title).toBe('Senior Staff Nurse');

    const before = await stored(t.db, other.id);
    const refused = await postExisting(
      statementId,
      supportingForm({ intent: 'save', statementId }),
      me.cookie,
    );
    expect(refused.status).toBe(404);
    expect(await stored(t.db, other.id)).toEqual(before);
  });
});

describe('listing the criteria without JavaScript', () => {
  it('lists them from the pasted specification, without AI, keeping evidence already written', async () => {
    const me = await t.person();
    const watch = noAnthropicCalls();
    server.use(watch.handler);

    const outcome = await postNew(
      {
        kind: 'supporting',
        submissionKey: randomUUID(),
        intent: 'list-criteria',
        personSpec: NHS_BAND_5,
        'criteria[0].text': 'Venepuncture and cannulation',
        'criteria[0].category': 'desirable',
        'criteria[0].evidence': 'Signed off on placement.',
      },
      me.cookie,
    );

    expect(outcome.status).toBe(200);
    const criteria = outcome.data.initialValue.criteria;
    expect(criteria).toHaveLength(10);
    expect(criteria[0]).toEqual({
      text: 'Registered Nurse (Adult) with current NMC registration',
      category: 'essential',
      evidence: '',
    });
    expect(criteria[8]).toEqual({
      text: 'Venepuncture and cannulation',
      category: 'desirable',
      evidence: 'Signed off on placement.',
    });
    expect(outcome.data.initialValue.personSpec).toBe(NHS_BAND_5);
    expect(watch.requests).toEqual([]);
    expect((await stored(t.db, me.id)).statements).toEqual([]);
  });

  it('adds and removes a criterion with the form’s own buttons', async () => {
    const me = await t.person();
    const base = {
      kind: 'supporting',
      submissionKey: randomUUID(),
      'criteria[0].text': 'First',
      'criteria[0].category': 'essential',
    };
    const added = await postNew(
      {
        ...base,
        __intent__: JSON.stringify({
          type: 'insert',
          payload: {
            name: 'criteria',
            defaultValue: { text: '', category: 'essential', evidence: '' },
          },
        }),
      },
      me.cookie,
    );
    expect(added.status).toBe(200);
    expect(added.data.initialValue.criteria).toHaveLength(2);

    const removed = await postNew(
      {
        ...base,
        __intent__: JSON.stringify({ type: 'remove', payload: { name: 'criteria', index: 0 } }),
      },
      me.cookie,
    );
    expect(removed.data.initialValue.criteria ?? []).toHaveLength(0);
  });
});

describe('a Generate sent back to the page (without JavaScript)', () => {
  it('shows what is missing beside the fields, with the values kept', async () => {
    const me = await t.person();
    const outcome = await postNew(supportingForm({ intent: 'generate', jobTitle: '' }), me.cookie);
    expect(outcome.status).toBe(400);
    expect(outcome.data.error.jobTitle).toEqual(['Enter the job title']);
    expect(outcome.data.initialValue.advert).toBe('Respiratory ward, 37.5 hours a week.');
  });

  it('explains the hourly limit with the time the person can go on', async () => {
    const me = await t.person();
    for (let i = 0; i < PER_HOUR; i++) {
      await t.db.admin`insert into jobtrack.statement_generations (user_id) values (${me.id})`;
    }
    const outcome = await postNew(supportingForm({ intent: 'generate' }), me.cookie);
    expect(outcome.status).toBe(429);
    expect(outcome.data.error[''][0]).toMatch(/^You have generated 4 drafts in the last hour/);
  });

  it('never writes one kind’s inputs onto another kind of statement, whatever a hand-made post says', async () => {
    const me = await t.person();
    const form = supportingForm();
    expect((await postNew(form, me.cookie)).status).toBe(302);
    const [saved] = await t.db.admin<{ id: string; kind: string; job_title: string }[]>`
      select id, kind, job_title from jobtrack.statements where user_id = ${me.id}`;
    const letter = {
      kind: 'cover_letter',
      jobTitle: 'Policy Officer',
      employer: 'Leeds City Council',
      whyRole: 'Housing policy.',
      experience: 'Committee reports.',
      wordLimit: '500',
      tone: 'professional',
    };
    // The first save's one-time key again, and the statement's own id: both refused, nothing changed.
    const again = await postNew({ ...letter, submissionKey: form.submissionKey }, me.cookie);
    expect(again.status).toBe(404);
    const named = await postNew(
      { ...letter, submissionKey: randomUUID(), statementId: saved!.id },
      me.cookie,
    );
    expect(named.status).toBe(404);
    // Generate's own save (the streaming route) refuses it the same way.
    const pressed = await pressGenerate(
      t.context,
      { ...letter, submissionKey: form.submissionKey },
      { cookie: me.cookie },
    );
    expect(pressed.status).toBe(404);
    expect(
      await t.db
        .admin`select id, kind, job_title from jobtrack.statements where user_id = ${me.id}`,
    ).toEqual([saved]);
  });

  it('keeps one statement when presses are refused over the hourly limit, without JavaScript', async () => {
    const me = await t.person();
    for (let i = 0; i < PER_HOUR; i++) {
      await t.db.admin`insert into jobtrack.statement_generations (user_id) values (${me.id})`;
    }
    const form = supportingForm();
    // Generate: the streaming route saves the inputs, refuses, and sends the form back (307)…
    const pressed = await pressGenerate(t.context, form, { cookie: me.cookie, enhanced: false });
    expect(pressed.status).toBe(307);
    const refused = await postNew({ ...form, intent: 'generate' }, me.cookie);
    expect(refused.status).toBe(429);
    // …and the page's form now names the statement that press saved.
    const [saved] = await t.db.admin<{ id: string }[]>`
      select id from jobtrack.statements where user_id = ${me.id}`;
    expect(refused.data.initialValue.statementId).toBe(saved!.id);

    // The next Generate and a Save go to that statement: still one.
    const again = { ...form, statementId: saved!.id, submissionKey: randomUUID() };
    await pressGenerate(t.context, again, { cookie: me.cookie, enhanced: false });
    const kept = await postNew({ ...again, jobTitle: 'Staff Nurse, Ward 12' }, me.cookie);
    expect(kept.status).toBe(302);
    const all = await t.db.admin<{ job_title: string }[]>`
      select job_title from jobtrack.statements where user_id = ${me.id}`;
    expect(all).toEqual([{ job_title: 'Staff Nurse, Ward 12' }]);
  });
});

describe('the builder pages', () => {
  it('tell a signed-out visitor what the builder is and that it needs an account', async () => {
    for (const loader of [listLoader, newLoader]) {
      const outcome = await runLoader(loader, get('/statements/new?kind=supporting'), {
        context: t.context,
      });
      expect(outcome.data.signedIn).toBe(false);
    }
  });

  it('send a signed-out visitor to a saved statement back to it, version and all, once signed in', async () => {
    const path = `/statements/${crypto.randomUUID()}?version=${crypto.randomUUID()}`;
    const outcome = await runLoader(existingLoader, get(path), {
      context: t.context,
      params: { id: path.split('/')[2]!.split('?')[0]! },
    });
    expect(outcome.data).toEqual({ signedIn: false, back: path });
  });

  it('start a statement from the person’s application with its job title and employer', async () => {
    const me = await t.person();
    const app = await insertApplication(t.db, me.id, {
      company: 'HM Revenue and Customs',
      role: 'Executive Officer',
    });
    const outcome = await runLoader(
      newLoader,
      get(`/statements/new?kind=behaviours&application=${app}`, { cookie: me.cookie }),
      {
        context: t.context,
      },
    );
    expect(outcome.data.defaults).toMatchObject({
      kind: 'behaviours',
      applicationId: app,
      jobTitle: 'Executive Officer',
      employer: 'HM Revenue and Customs',
      wordLimit: '250',
    });
    expect(outcome.data.defaults.submissionKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answer 404 for another person’s application or statement, and for malformed ids', async () => {
    const me = await t.person();
    const other = await t.person();
    const theirApp = await insertApplication(t.db, other.id);
    const theirs = await generated(other.cookie, 'Theirs.');
    const viaApp = await runLoader(
      newLoader,
      get(`/statements/new?kind=supporting&application=${theirApp}`, { cookie: me.cookie }),
      {
        context: t.context,
      },
    );
    expect(viaApp.status).toBe(404);
    for (const id of [theirs.statementId, randomUUID(), 'not-a-uuid']) {
      expect((await showExisting(id, me.cookie)).status, id).toBe(404);
    }
  });

  it('show the newest version by default, another when asked, and only the person’s statements in the list', async () => {
    const me = await t.person();
    const other = await t.person();
    await generated(other.cookie, 'Someone else’s.');
    const first = await generated(me.cookie, 'First draft.');
    const second = await generated(me.cookie, 'Second draft.', { statementId: first.statementId });

    const latest = await showExisting(first.statementId, me.cookie);
    expect(latest.data.selected.version.id).toBe(second.versionId);
    expect(latest.data.selected.text).toBe('Second draft.');
    expect(latest.data.versions.map((v: { number: number }) => v.number)).toEqual([1, 2]);
    expect(latest.data.defaults.statementId).toBe(first.statementId);

    const older = await showExisting(first.statementId, me.cookie, `?version=${first.versionId}`);
    expect(older.data.selected.text).toBe('First draft.');

    const list = await runLoader(listLoader, get('/statements', { cookie: me.cookie }), {
      context: t.context,
    });
    expect(list.data.statements).toHaveLength(1);
    expect(list.data.statements[0]).toMatchObject({ id: first.statementId, versions: 2 });
  });

  it('say plainly when no Anthropic key is configured', async () => {
    const me = await t.person();
    const { makeContext } = await import('../../support/context');
    const { context } = makeContext(t.db.handle);
    const page = await runLoader(newLoader, get(NEW, { cookie: me.cookie }), { context });
    expect(page.data.configured).toBe(false);
    const refused = await pressGenerate(context, supportingForm(), { cookie: me.cookie });
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { formErrors: string[] }).formErrors[0]).toMatch(
      /^Drafting is not switched on for this JobTrack/,
    );
  });
});

describe('deleting a statement', () => {
  it('removes its inputs and versions, and refuses another person’s', async () => {
    const me = await t.person();
    const other = await t.person();
    const mine = await generated(me.cookie, 'Mine.');
    const theirs = await generated(other.cookie, 'Theirs.');

    const refused = await postExisting(
      theirs.statementId,
      { intent: 'delete-statement' },
      me.cookie,
    );
    expect(refused.status).toBe(404);
    expect((await stored(t.db, other.id)).versions).toHaveLength(1);

    const done = await postExisting(mine.statementId, { intent: 'delete-statement' }, me.cookie);
    expect(done.status).toBe(302);
    expect(done.headers.get('Location')).toBe('/statements?notice=statement-deleted');
    expect(await stored(t.db, me.id)).toEqual({ statements: [], versions: [] });
  });

  it('keeps a statement, unlinked, when its application is deleted', async () => {
    const me = await t.person();
    const app = await insertApplication(t.db, me.id);
    await generated(me.cookie, 'Kept.', { applicationId: app });
    await t.db.admin`delete from jobtrack.applications where id = ${app}`;
    const { statements, versions } = await stored(t.db, me.id);
    expect(statements[0]!.application_id).toBeNull();
    expect(versions[0]!.text).toBe('Kept.');
  });
});

describe('an application’s page', () => {
  it('lists the statements written for it with their versions, and no one else’s', async () => {
    const { loader: applicationLoader } = await import('~/routes/applications.$id');
    const me = await t.person();
    const app = await insertApplication(t.db, me.id, {
      company: 'Leeds Teaching Hospitals',
      role: 'Staff Nurse',
    });
    const first = await generated(me.cookie, 'First.', { applicationId: app });
    await generated(me.cookie, 'Second.', { applicationId: app, statementId: first.statementId });
    await generated(me.cookie, 'Not for this application.');

    const page = await runLoader(
      applicationLoader,
      get(`/applications/${app}`, { cookie: me.cookie }),
      {
        params: { id: app },
        context: t.context,
      },
    );

    expect(page.data.statements).toEqual([
      expect.objectContaining({ id: first.statementId, kind: 'supporting', versions: 2 }),
    ]);
  });
});
