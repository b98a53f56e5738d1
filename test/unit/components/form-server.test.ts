import { parseWithZod } from '@conform-to/zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MAX_FORM_BYTES, invalid, isBot, readForm, refuse } from '~/components/forms/form.server';

const typed = () => {
  const form = new FormData();
  form.set('email', 'sam@example.com');
  form.set('password', 'hunter2 hunter2');
  form.set('currentPassword', 'old secret');
  form.set('newPassword', 'new secret');
  form.set('notes', 'Kept as typed');
  return form;
};

// `data()` results carry the reply and the response's status.
type Answer = { data: any; init: ResponseInit | null };

describe('answering a refused form', () => {
  it('sends back every typed value but never a password, with 400', () => {
    const schema = z.object({ email: z.string().email(), notes: z.string().max(3) });
    const answer = invalid(parseWithZod(typed(), { schema })) as unknown as Answer;
    expect(answer.init?.status).toBe(400);
    expect(answer.data.initialValue).toEqual({ email: 'sam@example.com', notes: 'Kept as typed' });
    expect(Object.keys(answer.data.error)).toEqual(['notes']);
  });

  it('adds the route’s own errors and status (a lock-out, say)', () => {
    const schema = z.object({ email: z.string() });
    const answer = invalid(
      parseWithZod(typed(), { schema }),
      { formErrors: ['Too many tries'], fieldErrors: { email: ['Unknown'] } },
      { status: 429, headers: { 'Retry-After': '60' } },
    ) as unknown as Answer;
    expect(answer.init?.status).toBe(429);
    expect(answer.data.error).toEqual({ '': ['Too many tries'], email: ['Unknown'] });
  });

  it('refuses a form without a schema in the same shape, keeping what was typed', () => {
    const answer = refuse(typed(), 'Signed out', { status: 401 }) as unknown as Answer;
    expect(answer.init?.status).toBe(401);
    expect(answer.data).toMatchObject({
      status: 'error',
      error: { '': ['Signed out'] },
      initialValue: { email: 'sam@example.com', notes: 'Kept as typed' },
    });
    expect(answer.data.initialValue).not.toHaveProperty('password');
    expect((refuse(typed(), 'No') as unknown as Answer).init?.status).toBe(400);
  });
});

describe('reading a form', () => {
  const post = (fields: Record<string, string>) =>
    new Request('http://localhost:8787/applications', {
      method: 'POST',
      body: new URLSearchParams(fields),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
  const status = (promise: Promise<unknown>) =>
    promise.then(
      () => 200,
      (thrown: unknown) => (thrown instanceof Response ? thrown.status : 500),
    );

  it('refuses a body past the limit with 413 before parsing it, with or without its length', async () => {
    const huge = 'x'.repeat(MAX_FORM_BYTES);
    expect(await status(readForm(post({ notes: huge })))).toBe(413);
    const streamed = new Request('http://localhost:8787/applications', {
      method: 'POST',
      body: new Blob([`notes=${huge}`]).stream(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      duplex: 'half',
    } as RequestInit);
    expect(streamed.headers.get('Content-Length')).toBeNull();
    expect(await status(readForm(streamed))).toBe(413);
    const justUnder = 'x'.repeat(MAX_FORM_BYTES - 'notes='.length);
    expect((await readForm(post({ notes: justUnder }))).get('notes')).toBe(justUnder);
  });

  it('drops NUL characters from every value', async () => {
    const form = await readForm(post({ notes: 'a\0b' }));
    expect(form.get('notes')).toBe('ab');
  });

  it('answers 400, not a crash, when Conform’s reserved fields are tampered with', async () => {
    for (const fields of <Array<Record<string, string>>>[
      { __intent__: '{not json' },
      { __intent__: '{"payload":1}' },
      { __intent__: '"validate"' },
      { __state__: '{not json' },
      { __state__: '42' },
    ]) {
      expect(
        await status(readForm(post({ intent: 'status', ...fields }))),
        JSON.stringify(fields),
      ).toBe(400);
    }
  });

  it('answers 400 at once to a field name that would make Conform build a huge list or a deep path', async () => {
    for (const name of ['criteria[100000000].text', 'a[1001]', 'a.b.c.d.e.f.g', 'x'.repeat(201)]) {
      expect(await status(readForm(post({ [name]: 'x' }))), name).toBe(400);
    }
    const form = await readForm(
      post({
        'criteria[49].evidence': 'Led the ward rota',
        'behaviours.seeingTheBigPicture.evidence': 'x',
      }),
    );
    expect(form.get('criteria[49].evidence')).toBe('Led the ward rota');
  });

  it('answers 400 to many lists named at far positions, whose empty slots Conform would build and send back', async () => {
    const farLists = Object.fromEntries(
      Array.from({ length: 1999 }, (_, i) => [`f${i}[1000][1000][1000][1000]`, '1']),
    );
    expect(await status(readForm(post(farLists)))).toBe(400);
    const sixLong = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`l${i}[999]`, '1']));
    expect(await status(readForm(post(sixLong)))).toBe(400);
    // The largest real lists: the Builder's 40 criteria, a spreadsheet's 60 columns.
    const real = Object.fromEntries([
      ...Array.from({ length: 40 }, (_, i) => [`criteria[${i}].text`, 'NMC registration']),
      ...Array.from({ length: 60 }, (_, i) => [`columns[${i}]`, 'company']),
    ]);
    expect(await status(readForm(post(real)))).toBe(200);
  });

  it('answers 400, not a crash, to an intent Conform cannot apply (a list that is not one, __proto__)', async () => {
    for (const payload of <Array<[string, unknown]>>[
      ['insert', { name: 'email' }],
      ['remove', { name: 'company', index: 0 }],
      ['reorder', { name: 'company', from: 0, to: 99 }],
      ['reset', { name: '__proto__' }],
      ['update', { name: '__proto__.polluted', value: '1' }],
      ['insert', {}],
      ['insert', null],
    ]) {
      const intent = JSON.stringify({ type: payload[0], payload: payload[1] });
      const fields = { email: 'sam@example.com', company: 'NHS Digital', __intent__: intent };
      expect(await status(readForm(post(fields))), intent).toBe(400);
    }
  });

  it('answers 400 at once to a form with more fields than any page sends, repeated or not', async () => {
    const repeated = new URLSearchParams();
    for (let i = 0; i < 100_000; i++) repeated.append('f', 'a');
    repeated.append('__intent__', JSON.stringify({ type: 'validate', payload: { name: 'email' } }));
    const signin = new Request('http://localhost:8787/signin', { method: 'POST', body: repeated });
    expect(await status(readForm(signin))).toBe(400);
    const many = Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [`field${i}`, 'x']));
    expect(await status(readForm(post(many)))).toBe(400);
    const enough = Object.fromEntries(
      Array.from({ length: 400 }, (_, i) => [`criteria[${i}].text`, 'x']),
    );
    expect(await status(readForm(post(enough)))).toBe(200);
  });

  it('answers 400 to an intent no page sends: list positions past any list, deep values, other keys', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 1000; i++) deep = [deep];
    for (const payload of <unknown[]>[
      { name: 'criteria', index: 1_000_000, value: 'x' },
      { name: 'criteria', from: 0, to: 5000 },
      { name: 'criteria', index: -1 },
      { name: 'criteria', index: 1.5 },
      { name: 'criteria', value: deep },
      { name: 'criteria', defaultValue: deep },
      { name: 'criteria[100000000].text' },
      { name: 42 },
      { name: 'email', extra: deep },
      { name: 'email', validated: deep },
    ]) {
      const intent = JSON.stringify({ type: 'update', payload });
      expect(
        await status(readForm(post({ email: 'sam@example.com', __intent__: intent }))),
        intent.slice(0, 80),
      ).toBe(400);
    }
  });

  it('answers 400 to Conform fields it would send back nested too deep to answer (a Worker crash)', async () => {
    // Written as text: JSON.stringify itself cannot go this deep.
    const deep = `${'{"a":'.repeat(10_000)}"x"${'}'.repeat(10_000)}`;
    const validate = '"type":"validate","payload":{"name":"email"}';
    for (const fields of <Array<Record<string, string>>>[
      { __state__: `{"validated":${deep}}` },
      { __intent__: `{${validate},"note":${deep}}` },
      { __intent__: `{${validate},"note":"x"}` },
      { __intent__: `{${validate}}`, __state__: deep },
    ]) {
      expect(
        await status(readForm(post({ email: 'sam@example.com', ...fields }))),
        JSON.stringify(fields).slice(0, 80),
      ).toBe(400);
    }
  });

  it('lets through the intents our pages send', async () => {
    const intent = JSON.stringify({ type: 'validate', payload: { name: 'email' } });
    expect(await status(readForm(post({ __intent__: intent, __state__: '{}' })))).toBe(200);
    const state = JSON.stringify({ validated: { email: true, password: false } });
    expect(await status(readForm(post({ __intent__: intent, __state__: state })))).toBe(200);
    const criteria = {
      'criteria[0].text': 'Registered nurse (NMC)',
      'criteria[1].text': 'Experience of acute care',
    };
    for (const [type, payload] of <Array<[string, unknown]>>[
      ['insert', { name: 'criteria' }],
      ['remove', { name: 'criteria', index: 1 }],
      ['reorder', { name: 'criteria', from: 0, to: 1 }],
      ['update', { name: 'criteria', value: [{ text: 'Band 5 experience' }] }],
    ]) {
      const intent = JSON.stringify({ type, payload });
      const form = await readForm(post({ ...criteria, __intent__: intent }));
      expect(form.get('criteria[0].text'), intent).toBe('Registered nurse (NMC)');
    }
  });
});

const send = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('https://jobtrack.example/applications/new', { method: 'POST', body, headers });

describe('reading a form with a file, or none at all', () => {
  it('drops NUL characters from text, keeping every field and its order', async () => {
    const body = new URLSearchParams([
      ['company', 'Acme\u0000 Ltd\u0000'],
      ['notes', 'line one\nline\u0000 two'],
      ['tag', 'a'],
      ['tag', 'b'],
    ]);

    const form = await readForm(send(body));

    expect([...form.entries()]).toEqual([
      ['company', 'Acme Ltd'],
      ['notes', 'line one\nline two'],
      ['tag', 'a'],
      ['tag', 'b'],
    ]);
  });

  it('passes a file through untouched', async () => {
    const body = new FormData();
    body.append('note', 'x\u0000y');
    body.append('upload', new File(['a\u0000b'], 'notes.txt', { type: 'text/plain' }));

    const form = await readForm(send(body));

    expect(form.get('note')).toBe('xy');
    const file = form.get('upload') as File;
    expect(file.name).toBe('notes.txt');
    expect(await file.text()).toBe('a\u0000b');
  });

  it('answers 400, with a message a person can act on, when the body is not a readable form', async () => {
    const thrown = await readForm(
      send('no boundary here', { 'Content-Type': 'multipart/form-data' }),
    ).catch((error: unknown) => error);

    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(400);
    expect(await (thrown as Response).text()).toBe(
      'That form could not be read. Please go back and send it again.',
    );
  });
});

describe('the honeypot', () => {
  it('catches anything in the hidden field, and nobody who left it empty', () => {
    expect(isBot({ website: 'https://spam.example' })).toBe(true);
    expect(isBot({ website: 'x' })).toBe(true);
    expect(isBot({ website: '' })).toBe(false);
    expect(isBot({})).toBe(false);
  });
});
