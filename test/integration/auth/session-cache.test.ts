import { describe, expect, it } from 'vitest';
import { getUser } from '~/auth/current-user.server';
import { makeContext } from '../../support/context';
import { setupTestDatabase } from '../../support/db';
import { get } from '../../support/http';
import { signedInUser } from '../../support/users';

const db = setupTestDatabase();

describe('session lookup', () => {
  it('happens once per request, though the root and page loaders each ask with their own Request', async () => {
    const { context } = makeContext(db.handle);
    const person = await signedInUser(db, context);

    const first = await getUser(get('/', { cookie: person.cookie }), context);
    // Were the second ask to reach the database, it would now find no session.
    await db.admin`delete from jobtrack.sessions where user_id = ${person.id}`;
    const second = await getUser(get('/applications', { cookie: person.cookie }), context);

    // Who it is, as the session check's own statement answered (the account page shows the email).
    expect(first).toMatchObject({ id: person.id, email: person.email });
    expect(second).toEqual(first);
  });

  it('is made afresh for the next request', async () => {
    const { context } = makeContext(db.handle);
    const person = await signedInUser(db, context);
    await getUser(get('/', { cookie: person.cookie }), context);

    await db.admin`delete from jobtrack.sessions where user_id = ${person.id}`;

    expect(await getUser(get('/', { cookie: person.cookie }), { ...context })).toBeNull();
  });
});
