import { describe, expect, it } from 'vitest';
import { loader } from '~/routes/check-email';
import { makeContext } from '../../support/context';
import { setupTestDatabase } from '../../support/db';
import { get, runLoader } from '../../support/http';
import { SUPABASE_ENV } from '../../mocks/supabase-auth';

const db = setupTestDatabase();

const open = (url: string | Request, env: Partial<Env> = {}) =>
  runLoader(loader, typeof url === 'string' ? get(url) : url, {
    context: makeContext(db.handle, env).context,
  });

describe('check your email page', () => {
  it('shows a fixed message for each kind of email, none saying whether an account exists', async () => {
    const signup = await open('/check-email?for=signup');
    const magic = await open('/check-email?for=magiclink');
    const recovery = await open('/check-email?for=recovery');

    expect(signup.data.message).toBe(
      'We have sent an email to the address you gave. Open the link in it to finish creating your ' +
        'account. If you already have an account, the email tells you how to sign in instead.',
    );
    expect(magic.data.message).toBe(
      'We have sent an email to the address you gave. If it has an account, the email has a link ' +
        'that signs you in. The link works once and expires in 30 minutes.',
    );
    expect(recovery.data.message).toBe(
      'We have sent an email to the address you gave. If it has an account, the email has a link ' +
        'to choose a new password. The link works once and expires in 60 minutes.',
    );
  });

  it.each(['%3Cscript%3E', 'toString', '__proto__', ''])(
    'never echoes the URL: for=%s gets the sign-up message',
    async (kind) => {
      const signup = await open('/check-email?for=signup');
      expect((await open(`/check-email?for=${kind}`)).data.message).toBe(signup.data.message);
      expect((await open('/check-email')).data.message).toBe(signup.data.message);
    },
  );

  it('points to the dev outbox only in local mode on plain-http localhost', async () => {
    expect((await open('/check-email?for=signup')).data.local).toBe(true);
    expect(
      (await open(new Request('https://jobtrack.example/check-email?for=signup'))).data.local,
    ).toBe(false);
    expect((await open('/check-email?for=signup', SUPABASE_ENV as Partial<Env>)).data.local).toBe(
      false,
    );
  });
});
