import type { AppLoadContext } from '@remix-run/cloudflare';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { authFor } from '~/auth/auth.server';
import { requireUserClaimOrRefusedForm, SessionEnded } from '~/auth/current-user.server';
import { claimForForm } from '~/auth/form-claim.server';
import { UNAVAILABLE } from '~/auth/replies.server';
import { SIGNED_OUT_MESSAGE } from '~/auth/signed-out';
import { authUnavailable } from '~/auth/supabase/errors.server';
import { asUser } from '~/db.server';
import { makeContext } from '../../support/context';
import { setupTestDatabase } from '../../support/db';
import { formPost, get } from '../../support/http';
import { signedInUser } from '../../support/users';

// claimForForm, called directly as an action does, with real form posts on the local adapter and
// this file's database. The auth adapter is the real one; the sign-in service being down (which
// only the Supabase adapter's session read can report) is its read failing with that adapter's 503.
vi.mock('~/auth/auth.server', async (importOriginal) => {
  const real = await importOriginal<typeof import('~/auth/auth.server')>();
  return { authFor: vi.fn(real.authFor) };
});

const db = setupTestDatabase();
let base: AppLoadContext;
beforeAll(() => {
  base = makeContext(db.handle).context;
});

const TYPED = { company: 'Acme Ltd', role: 'Data analyst' };

/** A form post and the context its request shares with the page's loader (a document POST). */
async function posted(cookie?: string) {
  const request = formPost('/applications/new', TYPED, { cookie });
  const formData = await request.clone().formData();
  return { request, formData, context: { ...base } as AppLoadContext };
}

/** What the page's loader answers after the action, in the same request. */
const pageAfter = (context: AppLoadContext, cookie?: string) =>
  requireUserClaimOrRefusedForm(get('/applications/new', { cookie }), context);

type Refusal = {
  data: { initialValue?: Record<string, unknown>; error?: Record<string, string[]> };
  init?: ResponseInit;
};

/** The refusal's status, message, typed values and headers. */
function reading(refusal: unknown) {
  const { data, init } = refusal as Refusal;
  return {
    status: init?.status,
    message: data.error?.[''],
    typed: data.initialValue,
    headers: new Headers(init?.headers),
  };
}

describe('claimForForm', () => {
  it('answers the claim of a live session, to write with', async () => {
    const person = await signedInUser(db, base);
    const { request, formData, context } = await posted(person.cookie);

    const claim = await claimForForm(request, context, formData);

    expect(claim.ok).toBe(true);
    expect(claim.ok && claim.user.id).toBe(person.id);
  });

  it('refuses a form with no session with 401 and every typed value, and the page shows it again', async () => {
    const { request, formData, context } = await posted();

    const claim = await claimForForm(request, context, formData);

    expect(claim.ok).toBe(false);
    const refused = reading(!claim.ok && claim.refused);
    expect(refused.status).toBe(401);
    expect(refused.message).toEqual([SIGNED_OUT_MESSAGE]);
    expect(refused.typed).toMatchObject(TYPED);
    expect(await pageAfter(context)).toBeNull();
  });

  it('refuses with 401 a write that finds the session ended, and the page shows the form again', async () => {
    const person = await signedInUser(db, base);
    const { request, formData, context } = await posted(person.cookie);
    const claim = await claimForForm(request, context, formData);
    if (!claim.ok) throw new Error('a live session was refused');
    await db.admin`delete from jobtrack.sessions where user_id = ${person.id}`;

    // As an action does: the write's own round trip finds the session over.
    const write = await asUser(context, claim.user, () => []).catch((e: unknown) => e);
    expect(write).toBeInstanceOf(SessionEnded);
    const refused = reading(claim.signedOut());

    expect(refused.status).toBe(401);
    expect(refused.message).toEqual([SIGNED_OUT_MESSAGE]);
    expect(refused.typed).toMatchObject(TYPED);
    expect(await pageAfter(context, person.cookie)).toBeNull();
  });

  it('refuses with 503, Retry-After and every typed value when the sign-in service is down, and the page shows the form again', async () => {
    const person = await signedInUser(db, base);
    const real = vi.mocked(authFor).getMockImplementation()!;
    vi.mocked(authFor).mockImplementationOnce((context) => ({
      ...real(context),
      claim: () => Promise.reject(authUnavailable() as unknown as Error),
    }));
    const { request, formData, context } = await posted(person.cookie);

    const claim = await claimForForm(request, context, formData);

    expect(claim.ok).toBe(false);
    const refused = reading(!claim.ok && claim.refused);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('Retry-After')).toBe('30');
    expect(refused.message).toEqual([UNAVAILABLE]);
    expect(refused.typed).toMatchObject(TYPED);
    expect(await pageAfter(context, person.cookie)).toBeNull();
  });
});
