import { describe, expect, it } from 'vitest';
import { loader } from '~/routes/check-email';
import { makeContext } from '../../support/context';
import { setupTestDatabase } from '../../support/db';
import { get, runLoader } from '../../support/http';

const db = setupTestDatabase();

describe('check your email page', () => {
  it('shows a fixed message for each kind of email and never echoes the URL', async () => {
    const { context } = makeContext(db.handle);
    const signup = await runLoader(loader, get('/check-email?for=signup'), { context });
    const magic = await runLoader(loader, get('/check-email?for=magiclink'), { context });
    const injected = await runLoader(loader, get('/check-email?for=%3Cscript%3E'), { context });

    expect(signup.data.message).toMatch(/finish creating your account/);
    expect(magic.data.message).toMatch(/signs you in/);
    expect(injected.data.message).toBe(signup.data.message);
    expect(signup.data.local).toBe(true);
  });
});
