import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { loader as statementLoader } from '~/routes/statements.$id';
import { AT_ONCE } from '~/statements/allowance';
import { pieces } from '../../mocks/anthropic-events';
import { fakeAnthropic, gate } from '../../mocks/anthropic';
import { server } from '../../mocks/server';
import { get, runLoader } from '../../support/http';
import { insertApplication } from '../applications/fixtures';
import {
  eventsOf,
  json,
  PER_DAY,
  PER_HOUR,
  pressGenerate,
  setupStatementsTest,
  stored,
  streamReader,
  supportingForm,
  textOf,
} from './fixtures';

const t = setupStatementsTest();

const DRAFT =
  'I am applying for the Band 5 post on your respiratory ward.\n\nNMC registration\nI registered with the NMC in September 2025.';

describe('pressing Generate with JavaScript', () => {
  it('streams the draft as events, then saves it as Version 1 with the inputs as the draft', async () => {
    const me = await t.person();
    const fake = fakeAnthropic({ pieces: pieces(DRAFT) });
    server.use(fake.handler);

    const response = await pressGenerate(t.context, supportingForm(), { cookie: me.cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/application\/x-ndjson/);
    expect(response.headers.get('Cache-Control')).toMatch(/no-transform/);
    const events = eventsOf(await response.text());
    await t.settled();

    expect(events[0]).toMatchObject({ type: 'start', number: 1 });
    expect(textOf(events)).toBe(DRAFT);
    const end = events.at(-1)!;
    expect(end).toMatchObject({
      type: 'end',
      status: 'complete',
      saved: true,
      shortfall: null,
      message: null,
      versionId: events[0]!.versionId,
      report: { words: 22, limit: 500, over: 0 },
    });

    const { statements, versions } = await stored(t.db, me.id);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({
      id: events[0]!.statementId,
      kind: 'supporting',
      job_title: 'Staff Nurse (Band 5)',
      employer: 'Leeds Teaching Hospitals NHS Trust',
      advert: 'Respiratory ward, 37.5 hours a week.',
      word_limit: 500,
      tone: 'professional',
    });
    expect(statements[0]!.details.criteria).toEqual([
      {
        text: 'NMC registration',
        category: 'essential',
        evidence: 'Registered with the NMC in September 2025.',
      },
      { text: 'Venepuncture', category: 'desirable', evidence: '' },
    ]);
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({
      number: 1,
      text: DRAFT,
      status: 'complete',
      word_limit: 500,
    });
    expect(fake.requests).toHaveLength(1);

    // The last event carries the saved version as the statement's page lists it, so the page
    // shows it without asking again, and its own data later takes over unchanged.
    const { statementId, versionId } = events[0]! as { statementId: string; versionId: string };
    const page = await runLoader(
      statementLoader,
      get(`/statements/${statementId}?version=${versionId}`, { cookie: me.cookie }),
      { params: { id: statementId }, context: t.context },
    );
    expect(end.version).toMatchObject({ id: versionId, number: 1, words: 22, wordLimit: 500 });
    expect(page.data.versions).toEqual([end.version]);
    expect(page.data.selected).toEqual({ version: end.version, text: DRAFT });
  });

  it('sends the first words on before the upstream has finished', async () => {
    const me = await t.person();
    const release = gate();
    server.use(
      fakeAnthropic({ pieces: pieces(DRAFT), hold: { at: 3, until: release.opened } }).handler,
    );

    const response = await pressGenerate(t.context, supportingForm(), { cookie: me.cookie });
    const body = streamReader(response);
    // The upstream is held after three words; they must already be here.
    await body.until((text) => textOf(eventsOf(complete(text))).startsWith('I am applying'));
    expect(body.text).not.toContain('"type":"end"');
    const { versions } = await stored(t.db, me.id);
    expect(versions[0]!.status).toBe('generating');

    release.open();
    const events = eventsOf(await body.rest());
    await t.settled();
    expect(events.at(-1)).toMatchObject({ type: 'end', status: 'complete' });
    expect((await stored(t.db, me.id)).versions[0]!.text).toBe(DRAFT);
  });

  it('finishes and saves the draft even when the person leaves part-way', async () => {
    const me = await t.person();
    const release = gate();
    server.use(
      fakeAnthropic({ pieces: pieces(DRAFT), hold: { at: 2, until: release.opened } }).handler,
    );

    const response = await pressGenerate(t.context, supportingForm(), { cookie: me.cookie });
    const body = streamReader(response);
    await body.until((text) => text.includes('"type":"text"'));
    await body.cancel(); // the tab was closed
    release.open();
    await t.settled();

    const { versions } = await stored(t.db, me.id);
    expect(versions[0]).toMatchObject({ status: 'complete', text: DRAFT });
  });

  it('keeps the words written before an error part-way, marked incomplete, with the inputs untouched', async () => {
    const me = await t.person();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const fake = fakeAnthropic({
      pieces: pieces(DRAFT),
      errorAt: 4,
      errorType: 'overloaded_error',
    });
    server.use(fake.handler);
    const form = supportingForm();

    const events = eventsOf(
      await (await pressGenerate(t.context, form, { cookie: me.cookie })).text(),
    );
    await t.settled();

    const written = pieces(DRAFT).slice(0, 4).join('');
    expect(textOf(events)).toBe(written);
    expect(events.at(-1)).toMatchObject({
      type: 'end',
      status: 'incomplete',
      shortfall: 'busy',
      saved: true,
    });
    expect(events.at(-1)!.message).toMatch(/^Claude is busy right now\. Try again in a minute\./);
    expect(events.at(-1)!.message).toMatch(
      /kept as Version 1, marked incomplete\. Your inputs are saved and unchanged\./,
    );
    const { statements, versions } = await stored(t.db, me.id);
    expect(versions[0]).toMatchObject({ status: 'incomplete', failure: 'busy', text: written });
    expect(statements[0]).toMatchObject({ job_title: form.jobTitle, advert: form.advert });
    expect(fake.requests).toHaveLength(1); // words had gone out: no retry
  });

  it('sends every word and says to copy them when the finished draft cannot be saved', async () => {
    const me = await t.person();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    server.use(fakeAnthropic({ pieces: pieces(DRAFT) }).handler);
    // The database refuses the final save (a draft in progress may still be checkpointed).
    await t.db.admin.unsafe(`
      create function jobtrack.refuse_finish() returns trigger language plpgsql as $$
      begin
        if new.status <> 'generating' then raise exception 'refused by the test'; end if;
        return new;
      end $$;
      create trigger refuse_finish before update on jobtrack.statement_versions
        for each row execute function jobtrack.refuse_finish();`);
    try {
      const events = eventsOf(
        await (await pressGenerate(t.context, supportingForm(), { cookie: me.cookie })).text(),
      );
      await t.settled();
      expect(logged).toHaveBeenCalledWith('Could not save a finished draft:', expect.anything());
      logged.mockRestore();

      expect(textOf(events)).toBe(DRAFT);
      expect(events.at(-1)).toMatchObject({
        type: 'end',
        saved: false,
        versionId: null,
        version: null,
        status: 'complete',
      });
      expect(events.at(-1)!.message).toMatch(/could not save this draft just now: copy it/);
      const { statements, versions } = await stored(t.db, me.id);
      expect(statements).toHaveLength(1); // the inputs, saved when Generate was pressed
      expect(versions[0]).toMatchObject({ status: 'generating' }); // later shown as interrupted
    } finally {
      await t.db.admin.unsafe(`
        drop trigger refuse_finish on jobtrack.statement_versions;
        drop function jobtrack.refuse_finish();`);
    }
  });

  it('tries again when Claude is busy before the first word, and says so plainly if it stays busy', async () => {
    const me = await t.person();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const busy = fakeAnthropic({ status: 529, type: 'overloaded_error', retryAfter: '0' });
    server.use(busy.handler);

    const events = eventsOf(
      await (await pressGenerate(t.context, supportingForm(), { cookie: me.cookie })).text(),
    );
    await t.settled();

    expect(busy.requests).toHaveLength(3);
    expect(events.filter((e) => e.type === 'text')).toEqual([]);
    expect(events.at(-1)).toMatchObject({
      type: 'end',
      versionId: null,
      shortfall: 'busy',
      saved: true,
    });
    expect(events.at(-1)!.message).toBe(
      'Claude is busy right now. Try again in a minute. Nothing was written, so no version was saved. Your inputs are saved and unchanged.',
    );
    const { statements, versions } = await stored(t.db, me.id);
    expect(versions).toEqual([]);
    expect(statements).toHaveLength(1);
  });

  it('tells a person whose request Anthropic rate-limited to try again in a minute', async () => {
    const me = await t.person();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    server.use(fakeAnthropic({ status: 429, type: 'rate_limit_error', retryAfter: '60' }).handler);

    const events = eventsOf(
      await (await pressGenerate(t.context, supportingForm(), { cookie: me.cookie })).text(),
    );
    await t.settled();
    expect(events.at(-1)!.message).toMatch(
      /^Claude is handling too many requests right now\. Try again in a minute\./,
    );
  });

  it('answers a doubled press with the version the first one made, asking Claude once', async () => {
    const me = await t.person();
    const fake = fakeAnthropic({ pieces: pieces(DRAFT) });
    server.use(fake.handler);
    const form = supportingForm();

    const first = eventsOf(
      await (await pressGenerate(t.context, form, { cookie: me.cookie })).text(),
    );
    const again = await pressGenerate(t.context, form, { cookie: me.cookie });
    const noJs = await pressGenerate(t.context, form, { cookie: me.cookie, enhanced: false });
    await t.settled();

    const url = `/statements/${first[0]!.statementId}/versions/${first[0]!.versionId}`;
    expect(again.status).toBe(409);
    expect(await json(again)).toEqual({ duplicate: url });
    expect(noJs.status).toBe(303);
    expect(noJs.headers.get('Location')).toBe(url);
    expect(fake.requests).toHaveLength(1);
    expect((await stored(t.db, me.id)).versions).toHaveLength(1);
  });

  it('adds Version 2 to the same statement when generated again from its page', async () => {
    const me = await t.person();
    server.use(fakeAnthropic({ pieces: ['First.'] }, { pieces: ['Second.'] }).handler);
    const first = eventsOf(
      await (await pressGenerate(t.context, supportingForm(), { cookie: me.cookie })).text(),
    );
    const statementId = first[0]!.statementId;

    const second = eventsOf(
      await (
        await pressGenerate(t.context, supportingForm({ statementId, jobTitle: 'Staff Nurse' }), {
          cookie: me.cookie,
        })
      ).text(),
    );
    await t.settled();

    expect(second[0]).toMatchObject({ statementId, number: 2 });
    const { statements, versions } = await stored(t.db, me.id);
    expect(statements).toHaveLength(1);
    expect(statements[0]!.job_title).toBe('Staff Nurse');
    expect(versions.map((v) => [v.number, v.text])).toEqual([
      [1, 'First.'],
      [2, 'Second.'],
    ]);
  });
});

describe('pressing Generate without JavaScript', () => {
  it('answers an HTML page that shows the first words before the upstream has finished, and ends with the saved version', async () => {
    const me = await t.person();
    const release = gate();
    const draft = 'I led <b>the</b> ward & its rota.';
    server.use(
      fakeAnthropic({ pieces: pieces(draft), hold: { at: 3, until: release.opened } }).handler,
    );
    const form = supportingForm();

    const response = await pressGenerate(t.context, form, { cookie: me.cookie, enhanced: false });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/text\/html/);
    const body = streamReader(response);
    await body.until((html) => html.includes('I led &lt;b&gt;the'));
    expect(body.text).toMatch(/^<!DOCTYPE html><html lang="en-GB">/);
    // Sent first, so it must still be true when the draft has ended.
    expect(body.text).toContain(
      '<title>Version 1: Supporting statement for Staff Nurse (Band 5) · JobTrack</title>',
    );
    expect(body.text).toContain('Stop writing');
    expect(body.text).not.toContain('Saved as Version');

    release.open();
    const html = await body.rest();
    await t.settled();
    expect(html).toContain('I led &lt;b&gt;the&lt;/b&gt; ward &amp; its rota.');
    expect(html).toContain('Saved as Version 1');
    expect(html).toMatch(/6 of 500 words/);
    expect(html).toContain('Check every fact');
    expect(html).toMatch(/<\/html>$/);
    // "Generate again" sends the same inputs with a new one-time key.
    expect(html).toContain(`name="advert" value="${form.advert}"`);
    expect(html).not.toContain(form.submissionKey);
    const { versions } = await stored(t.db, me.id);
    expect(versions[0]).toMatchObject({ status: 'complete', text: draft });
  });

  it('sends anything that stops a draft before it starts back to the builder, form and all (307)', async () => {
    const me = await t.person();
    const invalid = await pressGenerate(t.context, supportingForm({ jobTitle: '' }), {
      cookie: me.cookie,
      enhanced: false,
    });
    expect(invalid.status).toBe(307);
    expect(invalid.headers.get('Location')).toBe('/statements/new?kind=supporting');

    const signedOut = await pressGenerate(
      t.context,
      supportingForm({ statementId: randomUUID() }),
      {
        enhanced: false,
      },
    );
    expect(signedOut.status).toBe(307);
    expect(signedOut.headers.get('Location')).toMatch(/^\/statements\/[0-9a-f-]{36}$/);
  });
});

describe('what Generate refuses', () => {
  it('refuses inputs over a field’s limit or over 30,000 characters in all, before asking Claude', async () => {
    const me = await t.person();
    const fake = fakeAnthropic({ pieces: ['Never.'] });
    server.use(fake.handler);

    const long = await pressGenerate(t.context, supportingForm({ advert: 'x'.repeat(15_001) }), {
      cookie: me.cookie,
    });
    expect(long.status).toBe(400);
    expect((await json(long)).reply.error.advert).toEqual([
      'The advert can be up to 15,000 characters',
    ]);

    const total = await pressGenerate(
      t.context,
      supportingForm({
        advert: 'a'.repeat(14_000),
        personSpec: 'b'.repeat(14_000),
        'criteria[0].evidence': 'c'.repeat(2_500),
      }),
      { cookie: me.cookie },
    );
    expect(total.status).toBe(400);
    expect((await json(total)).reply.error['']).toEqual([
      expect.stringMatching(/^Your inputs come to 30,5\d\d characters; the limit is 30,000 in all/),
    ]);
    expect(fake.requests).toEqual([]);
    expect((await stored(t.db, me.id)).statements).toEqual([]);
  });

  it('asks for what a draft needs: the job title, criteria, and some evidence', async () => {
    const me = await t.person();
    const answer = await pressGenerate(
      t.context,
      {
        kind: 'supporting',
        submissionKey: randomUUID(),
        jobTitle: '',
        'criteria[0].text': 'NMC registration',
        'criteria[0].category': 'essential',
      },
      { cookie: me.cookie },
    );
    expect(answer.status).toBe(400);
    const { error } = (await json(answer)).reply;
    expect(error.jobTitle).toEqual(['Enter the job title']);
    expect(error.criteria).toEqual([
      'Write your evidence for at least one criterion: the draft uses only what you write',
    ]);
  });

  it(`stops a person at ${PER_HOUR} drafts an hour, with the time they can go on, without asking Claude`, async () => {
    const me = await t.person();
    const fake = fakeAnthropic({ pieces: ['Fine.'] });
    server.use(fake.handler);
    for (let i = 0; i < PER_HOUR; i++) {
      expect((await pressGenerate(t.context, supportingForm(), { cookie: me.cookie })).status).toBe(
        200,
      );
      await t.settled(); // one at a time, so only the hourly limit can stop the last press
    }

    const refused = await pressGenerate(t.context, supportingForm(), { cookie: me.cookie });
    expect(refused.status).toBe(429);
    const body = await json(refused);
    expect(body.formErrors[0]).toMatch(
      new RegExp(
        `^You have generated ${PER_HOUR} drafts in the last hour, the most the Statement Builder allows\\. You can generate again at \\d\\d:\\d\\d\\. Your inputs are saved\\.$`,
      ),
    );
    expect(fake.requests).toHaveLength(PER_HOUR);
    // Deleting versions does not give the allowance back.
    await t.db.admin`delete from jobtrack.statement_versions where user_id = ${me.id}`;
    expect((await pressGenerate(t.context, supportingForm(), { cookie: me.cookie })).status).toBe(
      429,
    );
    // Someone else is not affected.
    const other = await t.person();
    expect(
      (await pressGenerate(t.context, supportingForm(), { cookie: other.cookie })).status,
    ).toBe(200);
    await t.settled();
  });

  it(`stops a person at ${PER_DAY} drafts in 24 hours, with the day and time they can go on`, async () => {
    const me = await t.person();
    const fake = fakeAnthropic({ pieces: ['Fine.'] });
    server.use(fake.handler);
    // Started over the last day but not in the last hour, so only the daily limit applies.
    for (let hours = 2; hours < 2 + PER_DAY; hours++) {
      await t.db.admin`insert into jobtrack.statement_generations (user_id, created_at)
        values (${me.id}, now() - make_interval(hours => ${hours}))`;
    }

    const refused = await pressGenerate(t.context, supportingForm(), { cookie: me.cookie });
    expect(refused.status).toBe(429);
    expect((await json(refused)).formErrors[0]).toMatch(
      new RegExp(
        `^You have generated ${PER_DAY} drafts in the last 24 hours, the most the Statement Builder allows\\. You can generate again at \\d\\d:\\d\\d on \\d{1,2} [A-Z][a-z]{2}\\. Your inputs are saved\\.$`,
      ),
    );
    expect(fake.requests).toHaveLength(0);
    // The oldest drops out of the window: one more draft is allowed.
    await t.db
      .admin`update jobtrack.statement_generations set created_at = now() - interval '25 hours'
      where user_id = ${me.id} and created_at = (select min(created_at) from jobtrack.statement_generations where user_id = ${me.id})`;
    expect((await pressGenerate(t.context, supportingForm(), { cookie: me.cookie })).status).toBe(
      200,
    );
    await t.settled();
  });

  it(`lets a person have ${AT_ONCE} drafts being written at once, and asks them to wait for one before another`, async () => {
    const me = await t.person();
    const release = gate();
    const fake = fakeAnthropic({ pieces: pieces(DRAFT), hold: { at: 2, until: release.opened } });
    server.use(fake.handler);
    const writing = [];
    for (let i = 0; i < AT_ONCE; i++) {
      const response = await pressGenerate(t.context, supportingForm(), { cookie: me.cookie });
      expect(response.status).toBe(200);
      const body = streamReader(response);
      await body.until((text) => text.includes('"type":"text"'));
      writing.push(body);
    }

    const refused = await pressGenerate(t.context, supportingForm(), { cookie: me.cookie });
    expect(refused.status).toBe(429);
    expect((await json(refused)).formErrors).toEqual([
      `You already have ${AT_ONCE} drafts being written. Wait for one to finish, or stop it, then press Generate again. Your inputs are saved.`,
    ]);
    expect(fake.requests).toHaveLength(AT_ONCE);
    // Someone else is not held up by it.
    const other = await t.person();
    const theirs = await pressGenerate(t.context, supportingForm(), { cookie: other.cookie });
    expect(theirs.status).toBe(200);

    release.open();
    await Promise.all([...writing.map((body) => body.rest()), theirs.text()]);
    await t.settled();
    expect((await pressGenerate(t.context, supportingForm(), { cookie: me.cookie })).status).toBe(
      200,
    );
    await t.settled();
  });

  it('answers 404 for another person’s application or statement, creating nothing and asking Claude nothing', async () => {
    const me = await t.person();
    const other = await t.person();
    const fake = fakeAnthropic({ pieces: ['Never.'] });
    server.use(fake.handler);
    const theirApplication = await insertApplication(t.db, other.id);
    const theirs = eventsOf(
      await (await pressGenerate(t.context, supportingForm(), { cookie: other.cookie })).text(),
    );
    await t.settled();
    const before = await stored(t.db, other.id);

    const viaApplication = await pressGenerate(
      t.context,
      supportingForm({ applicationId: theirApplication }),
      {
        cookie: me.cookie,
      },
    );
    const viaStatement = await pressGenerate(
      t.context,
      supportingForm({ statementId: theirs[0]!.statementId }),
      {
        cookie: me.cookie,
      },
    );
    const noJs = await pressGenerate(
      t.context,
      supportingForm({ statementId: theirs[0]!.statementId }),
      {
        cookie: me.cookie,
        enhanced: false,
      },
    );

    expect([viaApplication.status, viaStatement.status, noJs.status]).toEqual([404, 404, 404]);
    expect(fake.requests).toHaveLength(1); // only the other person's own
    expect(await stored(t.db, me.id)).toEqual({ statements: [], versions: [] });
    expect(await stored(t.db, other.id)).toEqual(before);
  });

  it('links a statement to the person’s own application', async () => {
    const me = await t.person();
    server.use(fakeAnthropic({ pieces: ['Linked.'] }).handler);
    const mine = await insertApplication(t.db, me.id, {
      company: 'Leeds Teaching Hospitals',
      role: 'Staff Nurse',
    });
    await (
      await pressGenerate(t.context, supportingForm({ applicationId: mine }), { cookie: me.cookie })
    ).text();
    await t.settled();
    expect((await stored(t.db, me.id)).statements[0]!.application_id).toBe(mine);
  });

  it('needs a signed-in person, a same-site form and a configured key', async () => {
    const me = await t.person();
    const signedOut = await pressGenerate(t.context, supportingForm());
    expect(signedOut.status).toBe(401);
    expect((await json(signedOut)).formErrors[0]).toMatch(/signed out, so nothing was sent/);

    const crossSite = await pressGenerate(t.context, supportingForm(), {
      cookie: me.cookie,
      origin: 'https://evil.example',
    });
    expect(crossSite.status).toBe(403);
  });
});

/** The complete lines of an NDJSON body read so far. */
function complete(text: string) {
  return text.slice(0, text.lastIndexOf('\n') + 1);
}
