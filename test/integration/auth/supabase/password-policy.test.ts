// How the Supabase adapter keeps decision 015 (whoever proves the mailbox owns the account) and
// answers truthfully when Supabase refuses a password: here the project requires a lowercase
// letter, a capital, a digit and a symbol in every password (the dashboard's strictest setting).
import { describe, expect, it, vi } from 'vitest';
import { UNAVAILABLE } from '~/auth/replies.server';
import { cookieFrom } from '../../../support/http';
import { formErrors, newEmail, pages } from '../behaviours/driver';
import { supabaseHarness } from './harness';

const { harness, project } = supabaseHarness({
  requiredCharacters: [
    'abcdefghijklmnopqrstuvwxyz',
    'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    '0123456789',
    '!@#$%^&*()_+-=[]{};\'\\:"|<>?,./`~',
  ],
});

const ATTACKER_PASSWORD = 'Attacker-chosen-1';
const OWNER_PASSWORD = 'Owner-chosen-2';
/** Long enough for JobTrack, but without the capital, digit and symbol the project requires. */
const WEAK_FOR_SUPABASE = 'lantern meadow quietly';

const confirmedAt = async (email: string) => {
  const [row] = await harness.admin()<{ email_confirmed_at: Date | null }[]>`
    select email_confirmed_at from auth.users where email = ${email}`;
  return row?.email_confirmed_at ?? null;
};

describe('Confirming without the sign-up password (supabase)', () => {
  it('removes the attacker’s password even when the project requires every kind of character', async () => {
    const app = pages(harness, harness.context());
    const owner = newEmail('owner');
    await app.signUp(owner, ATTACKER_PASSWORD);
    const link = await app.linkIn(owner, 'confirm', '/auth/confirm');

    const confirmed = await app.followLink(link, 'without-password');

    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get('Location')).toBe('/account?notice=choose-password');
    expect((await app.whoIs(cookieFrom(confirmed)))?.email).toBe(owner);
    expect((await app.signIn(owner, ATTACKER_PASSWORD)).status).toBe(400);
  });

  it('when Supabase does not answer the password removal, confirms nothing and the link still works', async () => {
    const app = pages(harness, harness.context());
    const owner = newEmail('owner');
    await app.signUp(owner, ATTACKER_PASSWORD);
    const link = await app.linkIn(owner, 'confirm', '/auth/confirm');
    project.fake.fail({
      match: (r) => r.method === 'PUT' && r.path.startsWith('/admin/users/'),
      status: 503,
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    const refused = await app.followLink(link, 'without-password');

    warn.mockRestore();
    expect(refused.status).toBe(503);
    expect(formErrors(refused)).toEqual([UNAVAILABLE]);
    expect(refused.headers.get('Set-Cookie')).toBeNull();
    expect(await confirmedAt(owner)).toBeNull();
    expect((await app.openLink(link)).data.live).toBe(true);

    const retried = await app.followLink(link, 'without-password');

    expect(retried.status).toBe(302);
    expect((await app.signIn(owner, ATTACKER_PASSWORD)).status).toBe(400);
  });
});

describe('A password Supabase refuses (supabase)', () => {
  it('a reset of an unconfirmed account gets the reason beside the field, confirms nothing and keeps the link', async () => {
    const app = pages(harness, harness.context());
    const owner = newEmail('owner');
    await app.signUp(owner, ATTACKER_PASSWORD);
    await app.askForReset(owner);
    const link = await app.linkIn(owner, 'recovery', '/reset-password');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    const weak = await app.resetWith(link, WEAK_FOR_SUPABASE);

    warn.mockRestore();
    expect(weak.status).toBe(400);
    expect(weak.data.error.password[0]).toMatch(/capital letter, one digit and one symbol/);
    expect(JSON.stringify(weak.data)).not.toContain(WEAK_FOR_SUPABASE);
    expect(await confirmedAt(owner)).toBeNull();
    expect((await app.openResetLink(link)).data.live).toBe(true);

    const reset = await app.resetWith(link, OWNER_PASSWORD);

    expect(reset.status).toBe(302);
    expect((await app.whoIs(cookieFrom(reset)))?.email).toBe(owner);
    expect(await confirmedAt(owner)).toBeInstanceOf(Date);
    expect((await app.signIn(owner, ATTACKER_PASSWORD)).status).toBe(400);
    expect((await app.signIn(owner, OWNER_PASSWORD)).status).toBe(302);
  });

  it('a password change gets the reason beside the new password, and the old one still works', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount(newEmail(), OWNER_PASSWORD);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    const weak = await app.changePassword(person.cookie, OWNER_PASSWORD, WEAK_FOR_SUPABASE);

    warn.mockRestore();
    expect(weak.status).toBe(400);
    expect(weak.data.error.newPassword[0]).toMatch(/capital letter, one digit and one symbol/);
    expect(JSON.stringify(weak.data)).not.toContain(WEAK_FOR_SUPABASE);
    expect((await app.signIn(person.email, OWNER_PASSWORD)).status).toBe(302);
  });
});
