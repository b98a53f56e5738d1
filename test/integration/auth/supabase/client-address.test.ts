// "We do not collect IP addresses": in Supabase mode the Worker talks to Supabase Auth for the
// person, and nothing it sends carries the address the person's request came from, so Supabase's
// tables (auth.sessions.ip, its audit log) can only ever hold the Worker's own address.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { server } from '../../../mocks/server';
import { SUPABASE_URL } from '../../../mocks/supabase-auth';
import { newEmail, pages, PASSWORD, OTHER_PASSWORD } from '../behaviours/driver';
import { supabaseHarness } from './harness';

const { harness } = supabaseHarness();

/** A documentation address (RFC 5737), as Cloudflare reports the person's in CF-Connecting-IP. */
const ADDRESS = '203.0.113.77';
const from = { client: ADDRESS };

type Sent = { method: string; path: string; headers: string; body: string };
let sent: Promise<Sent>[] = [];
const record = ({ request }: { request: Request }) => {
  if (!request.url.startsWith(SUPABASE_URL)) return;
  const copy = request.clone();
  sent.push(
    copy.text().then((body) => ({
      method: request.method,
      path: new URL(request.url).pathname,
      headers: [...request.headers].map(([k, v]) => `${k}: ${v}`).join('\n'),
      body,
    })),
  );
};
beforeEach(() => {
  sent = [];
  server.events.on('request:start', record);
});
afterEach(() => {
  server.events.removeListener('request:start', record);
});

describe('The client’s address and Supabase (supabase)', () => {
  it('no request the Worker sends to Supabase Auth carries it, through every account journey', async () => {
    const app = pages(harness, harness.context());
    const email = newEmail('nurse');

    expect((await app.signUp(email, PASSWORD, from)).status).toBe(302);
    const confirm = await app.linkIn(email, 'confirm', '/auth/confirm');
    await app.openLink(confirm, from);
    const confirmed = await app.followLink(confirm, { password: PASSWORD }, from);
    expect(confirmed.status).toBe(302);
    expect((await app.signIn(email, PASSWORD, from)).status).toBe(302);
    await app.askForMagicLink(email, from);
    const magic = await app.linkIn(email, 'magiclink', '/auth/confirm');
    const viaLink = await app.followLink(magic, 'continue', from);
    await app.askForReset(email, from);
    const reset = await app.linkIn(email, 'recovery', '/reset-password');
    await app.openResetLink(reset, from);
    await app.resetWith(reset, OTHER_PASSWORD, from);
    const signedIn = await app.signIn(email, OTHER_PASSWORD, from);
    const cookie = signedIn.headers.get('Set-Cookie')!.split(';')[0]!;
    await app.changePassword(cookie, OTHER_PASSWORD, PASSWORD, from);
    expect(viaLink.status).toBe(302);
    const again = await app.signIn(email, PASSWORD, from);
    const deleted = await app.deleteAccount(
      again.headers.get('Set-Cookie')!.split(';')[0]!,
      PASSWORD,
      from,
    );
    expect(deleted.status).toBe(302);

    const requests = await Promise.all(sent);
    const paths = new Set(
      requests.map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/, ':id')}`),
    );
    for (const path of [
      'POST /auth/v1/signup',
      'POST /auth/v1/verify',
      'POST /auth/v1/token',
      'POST /auth/v1/otp',
      'POST /auth/v1/recover',
      'DELETE /auth/v1/admin/users/:id',
    ]) {
      expect(paths, path).toContain(path);
    }
    for (const request of requests) {
      expect(`${request.path}\n${request.headers}\n${request.body}`).not.toContain(ADDRESS);
      expect(request.headers).not.toMatch(
        /^(x-forwarded-for|x-real-ip|forwarded|cf-connecting-ip):/m,
      );
    }
  });
});
