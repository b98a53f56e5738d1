import { describe, expect, it } from 'vitest';
import { action } from '~/routes/signout';
import { makeContext } from '../../support/context';
import { setupTestDatabase } from '../../support/db';
import { formPost, runAction } from '../../support/http';
import { allRows } from '../../support/rows';
import { confirmedAccount, quietOutbox, sessionCount, whoIs } from './support';

const db = setupTestDatabase();
quietOutbox();

describe('sign out', () => {
  it('ends the session server-side, clears the cookie and goes home', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    expect(await sessionCount(db.admin, person.id)).toBe(1);

    const outcome = await runAction(action, formPost('/signout', {}, { cookie: person.cookie }), {
      context,
    });

    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toBe('/');
    expect(outcome.headers.get('Set-Cookie')).toMatch(
      /^jobtrack_session=; Max-Age=0; Path=\/;.*HttpOnly/,
    );
    // A copy of the old cookie is worthless: the session row is gone.
    expect(await sessionCount(db.admin, person.id)).toBe(0);
    expect(await whoIs(context, person.cookie)).toBeNull();
  });

  it('ends only this session, not the person’s other devices', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const { signIn } = await import('./support');
    const laptop = await signIn(context, person.email, person.password);
    const laptopCookie = laptop.headers.get('Set-Cookie')!.split(';')[0]!;

    await runAction(action, formPost('/signout', {}, { cookie: person.cookie }), { context });

    expect(await whoIs(context, laptopCookie)).not.toBeNull();
  });

  it('refuses a sign-out POST from another site (403) and keeps the session', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const before = await allRows(db.admin);

    const outcome = await runAction(
      action,
      formPost('/signout', {}, { cookie: person.cookie, origin: 'https://evil.example' }),
      { context },
    );

    expect(outcome.status).toBe(403);
    expect(outcome.headers.get('Set-Cookie')).toBeNull();
    expect(await allRows(db.admin)).toEqual(before);
    expect(await whoIs(context, person.cookie)).not.toBeNull();
  });
});
