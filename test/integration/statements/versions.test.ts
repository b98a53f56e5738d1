import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loader as statementLoader } from '~/routes/statements.$id';
import { loader as compareLoader } from '~/routes/statements.$id_.compare';
import {
  action as versionAction,
  loader as versionLoader,
} from '~/routes/statements.$id_.versions.$versionId';
import { action as stopAction } from '~/routes/statements.$id_.versions.$versionId_.stop';
import { changeCounts, diffWords } from '~/statements/diff';
import { DELETED_WHILE_WRITING_MESSAGE } from '~/statements/messages';
import { fakeAnthropic, gate } from '../../mocks/anthropic';
import { pieces } from '../../mocks/anthropic-events';
import { server } from '../../mocks/server';
import { formPost, get, runAction, runLoader } from '../../support/http';
import {
  eventsOf,
  pressGenerate,
  setupStatementsTest,
  stored,
  streamReader,
  supportingForm,
  textOf,
} from './fixtures';

const t = setupStatementsTest();

async function generated(cookie: string, text: string, statementId?: string) {
  server.use(fakeAnthropic({ pieces: pieces(text) }).handler);
  const fields = statementId ? supportingForm({ statementId }) : supportingForm();
  const events = eventsOf(await (await pressGenerate(t.context, fields, { cookie })).text());
  await t.settled();
  return events[0]! as { statementId: string; versionId: string };
}

const versionPath = (v: { statementId: string; versionId: string }) =>
  `/statements/${v.statementId}/versions/${v.versionId}`;
const params = (v: { statementId: string; versionId: string }) => ({
  id: v.statementId,
  versionId: v.versionId,
});

const postVersion = (
  v: { statementId: string; versionId: string },
  fields: Record<string, string>,
  cookie: string,
) =>
  runAction(versionAction, formPost(versionPath(v), fields, { cookie }), {
    params: params(v),
    context: t.context,
  });

describe('a version', () => {
  it('can be renamed and edited; an edit is marked, and the page says it was saved', async () => {
    const me = await t.person();
    const v = await generated(me.cookie, 'I led the ward.');

    const outcome = await postVersion(
      v,
      { intent: 'save', name: 'Shorter, for NHS Jobs', text: 'I led the ward rota.' },
      me.cookie,
    );

    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toBe(`${versionPath(v)}?notice=version-saved`);
    const [row] = (await stored(t.db, me.id)).versions;
    expect(row).toMatchObject({
      name: 'Shorter, for NHS Jobs',
      text: 'I led the ward rota.',
      status: 'complete',
    });
    expect(row!.edited_at).toBeInstanceOf(Date);

    const page = await runLoader(versionLoader, get(versionPath(v), { cookie: me.cookie }), {
      params: params(v),
      context: t.context,
    });
    expect(page.data.version).toMatchObject({ name: 'Shorter, for NHS Jobs', number: 1 });
    expect(page.data.text).toBe('I led the ward rota.');
  });

  it('goes back to the builder when saved from its panel', async () => {
    const me = await t.person();
    const v = await generated(me.cookie, 'Draft.');
    const outcome = await postVersion(
      v,
      { intent: 'save', from: 'builder', text: 'Draft, edited.' },
      me.cookie,
    );
    expect(outcome.headers.get('Location')).toBe(
      `/statements/${v.statementId}?version=${v.versionId}&notice=version-saved`,
    );
  });

  it('refuses an empty draft with the message beside it', async () => {
    const me = await t.person();
    const v = await generated(me.cookie, 'Draft.');
    const outcome = await postVersion(
      v,
      { intent: 'save', name: 'Kept name', text: '' },
      me.cookie,
    );
    expect(outcome.status).toBe(400);
    expect(outcome.data.error.text).toEqual([
      'The draft is empty: write something, or delete this version',
    ]);
    expect(outcome.data.initialValue.name).toBe('Kept name');
  });

  it('can be deleted; the others stay', async () => {
    const me = await t.person();
    const first = await generated(me.cookie, 'First.');
    const second = await generated(me.cookie, 'Second.', first.statementId);

    const outcome = await postVersion(first, { intent: 'delete' }, me.cookie);

    expect(outcome.headers.get('Location')).toBe(
      `/statements/${first.statementId}?notice=version-deleted`,
    );
    expect((await stored(t.db, me.id)).versions.map((v) => v.id)).toEqual([second.versionId]);
  });

  it('of another person answers 404 to every page and action, and is unchanged', async () => {
    const me = await t.person();
    const other = await t.person();
    const theirs = await generated(other.cookie, 'Theirs.');
    const mine = await generated(me.cookie, 'Mine.');
    const before = await stored(t.db, other.id);

    const attempts = [
      runLoader(versionLoader, get(versionPath(theirs), { cookie: me.cookie }), {
        params: params(theirs),
        context: t.context,
      }),
      postVersion(theirs, { intent: 'save', text: 'Hijacked.' }, me.cookie),
      postVersion(theirs, { intent: 'delete' }, me.cookie),
      runAction(stopAction, formPost(`${versionPath(theirs)}/stop`, {}, { cookie: me.cookie }), {
        params: params(theirs),
        context: t.context,
      }),
      runLoader(
        compareLoader,
        get(`/statements/${theirs.statementId}/compare`, { cookie: me.cookie }),
        {
          params: { id: theirs.statementId },
          context: t.context,
        },
      ),
      // My statement with their version in the URL, and the other way round.
      runLoader(versionLoader, get('/x', { cookie: me.cookie }), {
        params: { id: mine.statementId, versionId: theirs.versionId },
        context: t.context,
      }),
      postVersion(
        { statementId: mine.statementId, versionId: theirs.versionId },
        { intent: 'delete' },
        me.cookie,
      ),
      runLoader(
        compareLoader,
        get(`/statements/${mine.statementId}/compare?a=${theirs.versionId}`, { cookie: me.cookie }),
        {
          params: { id: mine.statementId },
          context: t.context,
        },
      ),
    ];
    for (const outcome of await Promise.all(attempts)) expect(outcome.status).toBe(404);
    expect(await stored(t.db, other.id)).toEqual(before);
  });

  it('cannot be edited while Claude is still writing it', async () => {
    const me = await t.person();
    const release = gate();
    server.use(
      fakeAnthropic({
        pieces: pieces('Some words being written now.'),
        hold: { at: 2, until: release.opened },
      }).handler,
    );
    const body = streamReader(
      await pressGenerate(t.context, supportingForm(), { cookie: me.cookie }),
    );
    const start = eventsOf((await body.until((text) => text.includes('\n'))).split('\n')[0]!)[0]!;

    const outcome = await postVersion(
      start as never,
      { intent: 'save', text: 'My edit.' },
      me.cookie,
    );
    expect(outcome.status).toBe(409);
    expect(outcome.data.error[''][0]).toMatch(/still writing/);

    release.open();
    await body.rest();
    await t.settled();
    expect((await stored(t.db, me.id)).versions[0]!.text).toBe('Some words being written now.');
  });
});

/** A draft being written, its upstream held after three words: the stream, its version, a release. */
async function draftHeldAfterThreeWords() {
  const me = await t.person();
  const release = gate();
  server.use(
    fakeAnthropic({
      pieces: pieces('One two three four five six seven.'),
      hold: { at: 3, until: release.opened },
    }).handler,
  );
  const body = streamReader(
    await pressGenerate(t.context, supportingForm(), { cookie: me.cookie }),
  );
  await body.until((text) => text.includes(' three'));
  const start = eventsOf(body.text.split('\n')[0]!)[0]! as {
    statementId: string;
    versionId: string;
  };
  return { me, release, body, start };
}

describe('stopping a draft', () => {
  it('stops asking Claude and keeps what was written, marked stopped', async () => {
    const { me, release, body, start } = await draftHeldAfterThreeWords();

    const stop = await runAction(
      stopAction,
      formPost(`${versionPath(start)}/stop`, {}, { cookie: me.cookie }),
      { params: params(start), context: t.context },
    );
    expect(stop.status).toBe(303);
    const landing = `${versionPath(start)}?notice=version-stopping`;
    expect(stop.headers.get('Location')).toBe(landing);
    // Without JavaScript the page it lands on, while the draft finishes, says it is stopping.
    const page = await runLoader(versionLoader, get(landing, { cookie: me.cookie }), {
      params: params(start),
      context: t.context,
    });
    expect(page.data).toMatchObject({
      stopping: expect.stringMatching(/^Stopping: .*words written so far are kept/),
    });

    // The writing notices at its next checkpoint (about a second) and ends the stream.
    const events = eventsOf(await body.rest());
    release.open();
    await t.settled();
    expect(textOf(events)).toBe('One two three');
    expect(events.at(-1)).toMatchObject({ type: 'end', status: 'stopped', shortfall: 'stopped' });
    expect((await stored(t.db, me.id)).versions[0]).toMatchObject({
      status: 'stopped',
      text: 'One two three',
    });
  });
});

describe('deleting a draft while it is being written', () => {
  it('stops asking Claude at the next checkpoint, so it frees no place under the limit of drafts at once', async () => {
    const { me, release, body, start } = await draftHeldAfterThreeWords();

    const deleted = await postVersion(start, { intent: 'delete' }, me.cookie);
    expect(deleted.headers.get('Location')).toMatch(/notice=version-deleted/);

    // The writing notices at its next checkpoint (about a second) and ends, keeping nothing.
    const events = eventsOf(await body.rest());
    release.open();
    await t.settled();
    expect(textOf(events)).toBe('One two three');
    expect(events.at(-1)).toMatchObject({
      type: 'end',
      status: 'stopped',
      versionId: null,
      message: DELETED_WHILE_WRITING_MESSAGE,
    });
    expect((await stored(t.db, me.id)).versions).toEqual([]);
  });
});

describe('the statement’s page', () => {
  it('opens the version asked for, or the newest for a malformed or unknown id', async () => {
    const me = await t.person();
    const v1 = await generated(me.cookie, 'I managed the ward rota.');
    const v2 = await generated(me.cookie, 'I planned the ward rota for a year.', v1.statementId);
    const open = async (query: string) =>
      (
        await runLoader(
          statementLoader,
          get(`/statements/${v1.statementId}${query}`, { cookie: me.cookie }),
          { params: { id: v1.statementId }, context: t.context },
        )
      ).data.selected;

    expect(await open(`?version=${v1.versionId}`)).toMatchObject({
      version: { id: v1.versionId, words: 5 },
      text: 'I managed the ward rota.',
    });
    for (const query of ['', '?version=nonsense', `?version=${randomUUID()}`]) {
      expect(await open(query), query).toMatchObject({
        version: { id: v2.versionId, number: 2, words: 8 },
        text: 'I planned the ward rota for a year.',
      });
    }
  });
});

describe('comparing two versions', () => {
  it('marks the words only in each, newest against the one before by default', async () => {
    const me = await t.person();
    const first = await generated(me.cookie, 'I managed the ward rota for six months.');
    const second = await generated(
      me.cookie,
      'I planned and managed the ward rota for a year.',
      first.statementId,
    );

    const outcome = await runLoader(
      compareLoader,
      get(`/statements/${first.statementId}/compare`, { cookie: me.cookie }),
      {
        params: { id: first.statementId },
        context: t.context,
      },
    );

    expect(outcome.data.a.id).toBe(first.versionId);
    expect(outcome.data.b.id).toBe(second.versionId);
    expect(outcome.data.counts).toEqual({ removed: 2, added: 4 });
    expect(outcome.data.parts).toContainEqual({ type: 'added', text: 'planned and ' });
    expect(outcome.data.parts).toContainEqual({ type: 'removed', text: 'six months.' });
  });

  it('picks the older and newer by default from whichever one is chosen, each with its word count', async () => {
    const me = await t.person();
    const v1 = await generated(me.cookie, 'I managed the ward rota.');
    const v2 = await generated(me.cookie, 'I managed the ward rota for a year.', v1.statementId);
    const v3 = await generated(me.cookie, 'I planned the ward rota for a year.', v1.statementId);
    const compare = async (query: string) =>
      (
        await runLoader(
          compareLoader,
          get(`/statements/${v1.statementId}/compare${query}`, { cookie: me.cookie }),
          { params: { id: v1.statementId }, context: t.context },
        )
      ).data;
    const pair = (data: Awaited<ReturnType<typeof compare>>) => [data.a.id, data.b.id];

    expect(pair(await compare(''))).toEqual([v2.versionId, v3.versionId]);
    expect(pair(await compare(`?b=${v2.versionId}`))).toEqual([v1.versionId, v2.versionId]);
    expect(pair(await compare(`?a=${v1.versionId}`))).toEqual([v1.versionId, v3.versionId]);
    const chosen = await compare(`?a=${v1.versionId}&b=${v3.versionId}`);
    expect(pair(chosen)).toEqual([v1.versionId, v3.versionId]);
    // The changes between those two texts, not any others.
    expect(chosen.counts).toEqual(
      changeCounts(diffWords('I managed the ward rota.', 'I planned the ward rota for a year.')),
    );
    expect(chosen.a.report).toMatchObject({ words: 5, limit: 500 });
    expect(chosen.b.report).toMatchObject({ words: 8, limit: 500 });
    // The form's lists name every version.
    expect(chosen.versions.map((v: { number: number }) => v.number)).toEqual([1, 2, 3]);
    // Chosen newest first, they are still shown older, then newer, as the page labels them.
    expect(pair(await compare(`?a=${v3.versionId}&b=${v1.versionId}`))).toEqual([
      v1.versionId,
      v3.versionId,
    ]);
  });

  it('answers 404 for a malformed version id, as for another person’s', async () => {
    const me = await t.person();
    const v = await generated(me.cookie, 'Only one.');
    for (const query of ['?a=not-a-uuid', '?b=1%27%20or%201=1']) {
      const outcome = await runLoader(
        compareLoader,
        get(`/statements/${v.statementId}/compare${query}`, { cookie: me.cookie }),
        { params: { id: v.statementId }, context: t.context },
      );
      expect(outcome.status, query).toBe(404);
    }
  });

  it('answers 404 for a version that is not one of this statement’s', async () => {
    const me = await t.person();
    const v = await generated(me.cookie, 'Only one.');
    const outcome = await runLoader(
      compareLoader,
      get(`/statements/${v.statementId}/compare?b=${randomUUID()}`, { cookie: me.cookie }),
      {
        params: { id: v.statementId },
        context: t.context,
      },
    );
    expect(outcome.status).toBe(404);
  });
});
