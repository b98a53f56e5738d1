import { describe, expect, it } from 'vitest';
import { action as newApplication } from '~/routes/applications.new';
import { loader as listLoader } from '~/routes/applications._index';
import { makeContext } from '../support/context';
import { setupTestDatabase } from '../support/db';
import { formPost, get, ORIGIN, runAction, runLoader } from '../support/http';
import { signedInUser } from '../support/users';

const db = setupTestDatabase();

describe('input PostgreSQL would refuse', () => {
  it('saves pasted text with NUL characters, minus the NULs, instead of failing', async () => {
    const { context } = makeContext(db.handle);
    const person = await signedInUser(db, context);

    const outcome = await runAction(
      newApplication,
      formPost(
        '/applications/new',
        { company: 'Acme\u0000 Ltd', role: 'Clerk', status: 'saved', notes: 'from a PDF\u0000' },
        { cookie: person.cookie },
      ),
      { context },
    );

    expect(outcome.status).toBe(302);
    const [row] =
      await db.admin`select company, notes from jobtrack.applications where user_id = ${person.id}`;
    expect(row).toEqual({ company: 'Acme Ltd', notes: 'from a PDF' });
  });

  it('lists normally when the search contains a NUL', async () => {
    const { context } = makeContext(db.handle);
    const person = await signedInUser(db, context);

    const outcome = await runLoader(
      listLoader,
      get('/applications?q=%00', { cookie: person.cookie }),
      {
        context,
      },
    );

    expect(outcome.status).toBe(200);
  });
});

describe('a body that is not a readable form', () => {
  it('answers 400, not a crash', async () => {
    const { context } = makeContext(db.handle);
    const person = await signedInUser(db, context);
    const request = new Request(new URL('/applications/new', ORIGIN), {
      method: 'POST',
      headers: { Origin: ORIGIN, Cookie: person.cookie, 'Content-Type': 'multipart/form-data' },
      body: 'no boundary here',
    });

    const outcome = await runAction(newApplication, request, { context });

    expect(outcome.status).toBe(400);
  });
});
