// The privacy promise: Statement Builder inputs are sent to Anthropic "only when you actively
// submit". Every page and every other button of the builder is used here with a watcher on
// Anthropic's API; only the Generate button may reach it, once, with the inputs as data.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loader as applicationLoader } from '~/routes/applications.$id';
import { action as existingAction, loader as existingLoader } from '~/routes/statements.$id';
import { loader as compareLoader } from '~/routes/statements.$id_.compare';
import {
  action as versionAction,
  loader as versionLoader,
} from '~/routes/statements.$id_.versions.$versionId';
import { loader as listLoader } from '~/routes/statements._index';
import { action as newAction, loader as newLoader } from '~/routes/statements.new';
import { NHS_BAND_5 } from '../../fixtures/specifications';
import { fakeAnthropic, noAnthropicCalls } from '../../mocks/anthropic';
import { server } from '../../mocks/server';
import { formPost, get, runAction, runLoader } from '../../support/http';
import { insertApplication } from '../applications/fixtures';
import { eventsOf, pressGenerate, setupStatementsTest, supportingForm } from './fixtures';

const t = setupStatementsTest();

describe('Statement Builder inputs leave JobTrack only when Generate is pressed', () => {
  it('sends nothing on page loads, typing-time actions, saving, listing criteria or editing versions', async () => {
    const me = await t.person();
    const app = await insertApplication(t.db, me.id, {
      company: 'Leeds Teaching Hospitals',
      role: 'Staff Nurse',
    });
    server.use(fakeAnthropic({ pieces: ['An earlier draft.'] }).handler);
    const earlier = eventsOf(
      await (
        await pressGenerate(t.context, supportingForm({ applicationId: app }), {
          cookie: me.cookie,
        })
      ).text(),
    )[0]!;
    await t.settled();
    server.resetHandlers();
    const watch = noAnthropicCalls();
    server.use(watch.handler);
    const cookie = me.cookie;
    const context = t.context;
    const sid = earlier.statementId;
    const vid = earlier.versionId;

    await runLoader(listLoader, get('/statements', { cookie }), { context });
    await runLoader(newLoader, get('/statements/new', { cookie }), { context });
    await runLoader(
      newLoader,
      get(`/statements/new?kind=supporting&application=${app}`, { cookie }),
      { context },
    );
    await runLoader(existingLoader, get(`/statements/${sid}`, { cookie }), {
      params: { id: sid },
      context,
    });
    await runLoader(versionLoader, get(`/statements/${sid}/versions/${vid}`, { cookie }), {
      params: { id: sid, versionId: vid },
      context,
    });
    await runLoader(compareLoader, get(`/statements/${sid}/compare`, { cookie }), {
      params: { id: sid },
      context,
    });
    await runLoader(applicationLoader, get(`/applications/${app}`, { cookie }), {
      params: { id: app },
      context,
    });
    const post = (fields: Record<string, string>) =>
      runAction(
        existingAction,
        formPost(`/statements/${sid}`, { ...supportingForm(fields), statementId: sid }, { cookie }),
        {
          params: { id: sid },
          context,
        },
      );
    expect((await post({ intent: 'save' })).status).toBe(302);
    expect((await post({ intent: 'list-criteria', personSpec: NHS_BAND_5 })).status).toBe(200);
    expect(
      (
        await post({
          __intent__: JSON.stringify({ type: 'insert', payload: { name: 'criteria' } }),
        })
      ).status,
    ).toBe(200);
    // A Generate the streaming route sent back to the page (here: missing job title) sends nothing.
    expect((await post({ intent: 'generate', jobTitle: '' })).status).toBe(400);
    expect(
      (await pressGenerate(context, supportingForm({ jobTitle: '' }), { cookie })).status,
    ).toBe(400);
    expect(
      (
        await runAction(
          newAction,
          formPost('/statements/new?kind=supporting', supportingForm({ intent: 'save' }), {
            cookie,
          }),
          {
            context,
          },
        )
      ).status,
    ).toBe(302);
    expect(
      (
        await runAction(
          versionAction,
          formPost(
            `/statements/${sid}/versions/${vid}`,
            { intent: 'save', text: 'Edited by me.' },
            { cookie },
          ),
          { params: { id: sid, versionId: vid }, context },
        )
      ).status,
    ).toBe(302);

    expect(watch.requests).toEqual([]);
  });

  it('sends the inputs once when Generate is pressed, as data in the user turn', async () => {
    const me = await t.person();
    const fake = fakeAnthropic({ pieces: ['A draft.'] });
    server.use(fake.handler);
    const evidence = `Cared for six patients on placement (${randomUUID()}).`;

    await (
      await pressGenerate(t.context, supportingForm({ 'criteria[0].evidence': evidence }), {
        cookie: me.cookie,
      })
    ).text();
    await t.settled();

    expect(fake.requests).toHaveLength(1);
    const { system, messages } = fake.requests[0]!.body;
    expect(messages).toHaveLength(1);
    expect(messages[0]!.role).toBe('user');
    expect(messages[0]!.content).toContain(`<evidence>\n${evidence}\n</evidence>`);
    expect(messages[0]!.content).toContain(
      '<advert>\nRespiratory ward, 37.5 hours a week.\n</advert>',
    );
    expect(system).not.toContain(evidence);
    expect(system).not.toContain('Respiratory ward');
  });

  it('sends only the job details and written answers: no email, account id or session', async () => {
    const me = await t.person();
    const fake = fakeAnthropic({ pieces: ['A draft.'] });
    server.use(fake.handler);

    await (await pressGenerate(t.context, supportingForm(), { cookie: me.cookie })).text();
    await t.settled();

    expect(fake.requests).toHaveLength(1);
    const { body, headers } = fake.requests[0]!;
    // The Messages API's optional metadata.user_id would identify the person to Anthropic.
    expect(Object.keys(body).sort()).toEqual([
      'max_tokens',
      'messages',
      'model',
      'stream',
      'system',
    ]);
    const sent = JSON.stringify(body) + JSON.stringify([...headers]);
    expect(sent).not.toContain(me.email);
    expect(sent).not.toContain(me.id);
    expect(sent).not.toContain(me.cookie.split('=')[1]);
    expect(headers.get('cookie')).toBeNull();
  });
});
