// The local adapter's stand-in for email: the dev outbox, only ever on plain-http localhost.
import { describe, expect, it, vi } from 'vitest';
import { getUser } from '~/auth/current-user.server';
import { deliver, NoEmailDeliveryError } from '~/auth/local/outbox.server';
import { localModeRefusal } from '~/http/local-mode.server';
import { loader as outboxLoader } from '~/routes/dev.outbox';
import { action as magicLinkAction } from '~/routes/magic-link';
import { makeContext } from '../../../support/context';
import { get, runAction, runLoader } from '../../../support/http';
import { newEmail, pages, PASSWORD } from '../behaviours/driver';
import { SUPABASE_ENV } from '../../../mocks/supabase-auth';
import { localHarness } from './harness';

const { harness, db } = localHarness();

describe('dev outbox', () => {
  it('lists the emails newest first, each with To, Subject and its links', async () => {
    const app = pages(harness, harness.context());
    const email = newEmail();
    await app.signUp(email);
    await app.signIn(email, PASSWORD); // unconfirmed: a second confirmation email

    const page = await runLoader(outboxLoader, get('/dev/outbox'), { context: app.context });

    expect(page.status).toBe(200);
    const mine = page.data.emails.filter((e: { to: string }) => e.to === email);
    expect(mine).toHaveLength(2);
    expect(mine[0].subject).toBe('Confirm your email address for JobTrack');
    expect(mine[0].body).toMatch(
      /http:\/\/localhost:8787\/auth\/confirm\?token_hash=[0-9a-f]{64}&type=signup/,
    );
    expect(mine[0].sentAt).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}/);
    expect(mine[0].body).not.toBe(mine[1].body);
    const all = page.data.emails.map((e: { id: string }) => e.id);
    expect(all.indexOf(mine[0].id)).toBeLessThan(all.indexOf(mine[1].id));
  });

  it('shows the 50 newest emails, newest first', async () => {
    const app = pages(harness, harness.context());
    await db.admin`insert into jobtrack.dev_outbox ("to", subject, body, created_at)
      select 'many' || n || '@example.com', 'Your JobTrack sign-in link', 'x', now() - make_interval(secs => n)
      from generate_series(1, 60) n`;

    const page = await runLoader(outboxLoader, get('/dev/outbox'), { context: app.context });

    const many = page.data.emails
      .map((e: { to: string }) => e.to)
      .filter((to: string) => to.startsWith('many'));
    expect(page.data.emails).toHaveLength(50);
    // Other tests' emails are newer still; of these, the newest come first and the oldest are left out.
    expect(many.slice(0, 3)).toEqual([
      'many1@example.com',
      'many2@example.com',
      'many3@example.com',
    ]);
    expect(many).not.toContain('many60@example.com');
  });

  it('prints each email in the console for the developer', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const app = pages(harness, harness.context());
    const email = newEmail();

    await app.signUp(email);

    const link = await app.linkIn(email, 'confirm', '/auth/confirm');
    expect(info).toHaveBeenCalledWith(expect.stringContaining(link.toString()));
  });

  it('forgets emails after a day', async () => {
    const app = pages(harness, harness.context());
    await db.admin`insert into jobtrack.dev_outbox ("to", subject, body, created_at)
      values ('old@example.com', 'Your JobTrack sign-in link', 'old', now() - interval '25 hours'),
             ('recent@example.com', 'Your JobTrack sign-in link', 'recent', now() - interval '23 hours')`;

    await app.askForMagicLink(newEmail());

    const left = await db.admin<{ to: string }[]>`
      select "to" from jobtrack.dev_outbox where "to" in ('old@example.com', 'recent@example.com')`;
    expect(left.map((row) => row.to)).toEqual(['recent@example.com']);
  });

  it('does not exist on a deployment, even one left in local mode (404)', async () => {
    const page = await runLoader(outboxLoader, new Request('https://jobtrack.example/dev/outbox'), {
      context: harness.context(),
    });

    expect(page.status).toBe(404);
  });

  it('does not exist outside local mode (404)', async () => {
    const { context } = makeContext(db.handle, SUPABASE_ENV);

    const page = await runLoader(outboxLoader, get('/dev/outbox'), { context });

    expect(page.status).toBe(404);
  });
});

describe('local mode anywhere but plain-http localhost', () => {
  it('answers every page with a 503 that says there is no email delivery', async () => {
    const config = { authMode: 'local' as const };
    for (const url of [
      'https://jobtrack.example/',
      'https://jobtrack.example/signin',
      'http://jobtrack.example/applications',
      'https://localhost/',
    ]) {
      const refusal = localModeRefusal(new Request(url), config);
      expect(refusal?.status, url).toBe(503);
      expect(await refusal!.text()).toContain('This deployment has no email delivery configured');
    }
    expect(localModeRefusal(new Request('http://localhost:8787/'), config)).toBeNull();
    expect(localModeRefusal(new Request('http://127.0.0.1:8787/signin'), config)).toBeNull();
    expect(
      localModeRefusal(new Request('https://jobtrack.example/'), { authMode: 'supabase' }),
    ).toBeNull();
  });

  it('writes no email to the outbox or the console, even if a request got that far', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const failure = vi.spyOn(console, 'error').mockImplementation(() => {});
    const context = harness.context();
    const email = newEmail();
    const request = new Request('https://jobtrack.example/magic-link', {
      method: 'POST',
      headers: {
        Origin: 'https://jobtrack.example',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ email }),
    });

    await runAction(magicLinkAction, request, { context });
    await context.background.settled();

    expect(await db.admin`select 1 from jobtrack.dev_outbox where "to" = ${email}`).toEqual([]);
    expect(info).not.toHaveBeenCalled();
    expect(failure).toHaveBeenCalledWith(
      'Background work failed:',
      expect.stringMatching(
        /^NoEmailDeliveryError: This deployment has no email delivery configured: .*plain-http localhost/,
      ),
    );
    failure.mockRestore();
  });

  it('is refused in Supabase mode even on localhost: the outbox is local mode’s alone', async () => {
    const { context } = makeContext(db.handle, SUPABASE_ENV);
    const email = newEmail();
    const message = { to: email, subject: 'A test', body: 'http://localhost:8787/' };

    await expect(deliver(context, get('/magic-link'), message)).rejects.toThrow(
      NoEmailDeliveryError,
    );
    expect(await db.admin`select 1 from jobtrack.dev_outbox where "to" = ${email}`).toEqual([]);
  });
});

describe('auth mode', () => {
  it('uses the local adapter when AUTH_MODE is local', async () => {
    const { context } = makeContext(db.handle, { AUTH_MODE: 'local' });
    expect(await getUser(get('/'), context)).toBeNull();
  });

  it('refuses AUTH_MODE=supabase without its settings, naming each one missing', () => {
    expect(() => makeContext(db.handle, { AUTH_MODE: 'supabase' })).toThrow(
      'AUTH_MODE is "supabase" but SUPABASE_URL, SUPABASE_PUBLISHABLE_KEY, SUPABASE_SECRET_KEY are missing',
    );
  });
});

describe('the note that a password changed', () => {
  it('says whether it was changed on the account page or reset from a link', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();
    const bodies = async () =>
      (
        await db.admin<{ body: string }[]>`select body from jobtrack.dev_outbox
          where "to" = ${person.email} and subject = 'Your JobTrack password has been changed'
          order by created_at`
      ).map((row) => row.body);

    const changed = await app.changePassword(person.cookie, PASSWORD, 'orchard lamplight tuesday');
    expect(changed.status).toBe(302);
    await app.askForReset(person.email);
    const link = await app.linkIn(person.email, 'recovery', '/reset-password');
    expect((await app.resetWith(link, 'lantern meadow quietly')).status).toBe(302);

    const [first, second] = await bodies();
    expect(first).toMatch(/was changed just now/);
    expect(second).toMatch(/was reset just now/);
  });
});
