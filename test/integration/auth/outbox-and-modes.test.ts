import { describe, expect, it } from 'vitest';
import { AuthNotConfiguredError } from '~/auth/not-configured.server';
import { getUser } from '~/auth/current-user.server';
import { loader as outboxLoader } from '~/routes/dev.outbox';
import { loader as signinLoader } from '~/routes/signin';
import { makeContext } from '../../support/context';
import { setupTestDatabase } from '../../support/db';
import { get, runLoader } from '../../support/http';
import { signedInUser } from '../../support/users';
import { newEmail, PASSWORD, quietOutbox, signIn, signUp } from './support';

const db = setupTestDatabase();
quietOutbox();

describe('dev outbox', () => {
  it('lists the emails newest first, each with To, Subject and its links', async () => {
    const { context } = makeContext(db.handle);
    const email = newEmail();
    await signUp(context, { email, password: PASSWORD, adult: 'on' });
    await signIn(context, email, PASSWORD); // unconfirmed: a second confirmation email

    const page = await runLoader(outboxLoader, get('/dev/outbox'), { context });

    expect(page.status).toBe(200);
    const mine = page.data.emails.filter((e: { to: string }) => e.to === email);
    expect(mine).toHaveLength(2);
    expect(mine[0].subject).toBe('Confirm your email address for JobTrack');
    expect(mine[0].body).toMatch(
      /http:\/\/localhost:8787\/auth\/confirm\?token_hash=[0-9a-f]{64}&type=signup/,
    );
    expect(mine[0].sentAt).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}/);
    const bodies = mine.map((e: { body: string }) => e.body);
    expect(bodies[0]).not.toBe(bodies[1]);
    const all = page.data.emails.map((e: { id: string }) => e.id);
    expect(all.indexOf(mine[0].id)).toBeLessThan(all.indexOf(mine[1].id));
  });

  it('shows the 50 newest emails and no more', async () => {
    const { context } = makeContext(db.handle);
    await db.admin`insert into jobtrack.dev_outbox ("to", subject, body, created_at)
      select 'bulk@example.com', 'Bulk ' || n, 'body', now() + make_interval(secs => n)
      from generate_series(1, 55) n`;

    const page = await runLoader(outboxLoader, get('/dev/outbox'), { context });

    const subjects = page.data.emails.map((e: { subject: string }) => e.subject);
    expect(subjects).toHaveLength(50);
    expect(subjects[0]).toBe('Bulk 55');
    expect(subjects[49]).toBe('Bulk 6');
  });

  it('does not exist on a deployment, even one left in local mode (404)', async () => {
    const { context } = makeContext(db.handle);

    const page = await runLoader(outboxLoader, new Request('https://jobtrack.example/dev/outbox'), {
      context,
    });

    expect(page.status).toBe(404);
  });

  it('does not exist outside local mode (404)', async () => {
    const { context } = makeContext(db.handle, { AUTH_MODE: 'supabase' });

    const page = await runLoader(outboxLoader, get('/dev/outbox'), { context });

    expect(page.status).toBe(404);
  });
});

describe('auth mode', () => {
  it('uses the local adapter when AUTH_MODE is local: a local session signs its person in', async () => {
    const { context } = makeContext(db.handle, { AUTH_MODE: 'local' });
    const person = await signedInUser(db, context);

    expect(await getUser(get('/', { cookie: person.cookie }), context)).toEqual({
      id: person.id,
      email: person.email,
    });
  });

  it('says plainly that Supabase auth is not configured yet, and honours no local session', async () => {
    const local = makeContext(db.handle, { AUTH_MODE: 'local' }).context;
    const person = await signedInUser(db, local);
    const { context } = makeContext(db.handle, { AUTH_MODE: 'supabase' });
    const signedIn = () => get('/', { cookie: person.cookie });

    await expect(getUser(signedIn(), { ...context })).rejects.toThrow(AuthNotConfiguredError);
    await expect(getUser(signedIn(), { ...context })).rejects.toThrow(
      /"supabase" is not configured yet/,
    );
    await expect(
      runLoader(signinLoader, get('/signin', { cookie: person.cookie }), { context }),
    ).rejects.toThrow(AuthNotConfiguredError);
  });
});
