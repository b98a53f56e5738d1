import { randomBytes } from 'node:crypto';
import { COMMON_PASSWORDS } from '~/auth/common-passwords';
import { jobTrack } from './support/app';
import { expect, test } from './support/fixtures';

test('every page carries the security headers, with a fresh CSP nonce on each response', async ({
  page,
}) => {
  const nonces: string[] = [];
  for (const path of ['/', '/signin']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    const headers = response!.headers();
    const csp = headers['content-security-policy'] ?? '';
    const nonce = /script-src [^;]*'nonce-([A-Za-z0-9+/=_-]{16,})'/.exec(csp)?.[1];
    expect(nonce, `CSP of ${path}: ${csp}`).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toMatch(
      /^(no-referrer|same-origin|strict-origin(-when-cross-origin)?)$/,
    );
    // Every inline script the page ships carries this response's nonce (and there are some).
    const html = await response!.text();
    const inline = (html.match(/<script\b[^>]*>/g) ?? []).filter((tag) => !/\bsrc=/.test(tag));
    expect(inline.length, `inline scripts on ${path}`).toBeGreaterThan(0);
    for (const tag of inline) expect(tag).toContain(`nonce="${nonce}"`);
    nonces.push(nonce!);
  }
  expect(new Set(nonces).size).toBe(nonces.length);
});

test('static files, served before the Worker runs, carry the security headers too', async ({
  page,
}) => {
  const html = await (await page.request.get('/signin')).text();
  const script = /\/assets\/[^"]+\.js/.exec(html)?.[0];
  expect(script, 'a script asset named in the sign-in page').toBeDefined();
  for (const path of [script!, '/favicon.svg']) {
    const response = await page.request.get(path);
    // A 404 from the Worker would carry the headers too: make sure the file itself was served.
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-type'], path).toMatch(/javascript|svg/);
    const headers = response.headers();
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
  }
});

test('a form posted from another site is refused with 403 and changes nothing', async ({
  page,
  signedIn,
}) => {
  const app = jobTrack(page, { audit: false });
  await signedIn({ label: 'csrf' });

  // page.request shares the browser's cookies: only the Origin header gives the forgery away.
  const forged = await page.request.post('/applications/new', {
    headers: { Origin: 'https://evil.example' },
    form: { company: 'Forged Ltd', role: 'Planted role', status: 'saved' },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(403);
  const signOut = await page.request.post('/signout', {
    headers: { Origin: 'https://evil.example' },
    maxRedirects: 0,
  });
  expect(signOut.status()).toBe(403);

  await app.openList();
  await expect(page.getByRole('main')).not.toContainText('Forged Ltd');
  await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
});

test('after sign-in the only cookie is the session cookie, HttpOnly and SameSite=Lax', async ({
  page,
  context,
  signedIn,
}) => {
  const app = jobTrack(page, { audit: false });
  const { email, password } = await signedIn({ label: 'cookie' });
  // The fixture's cookie goes; the one checked below is the one signing in sets.
  await page.goto('/');
  await app.signOut();
  await app.signIn(email, password);
  await app.expectDashboard();
  await app.openList();

  const cookies = await context.cookies();
  expect(cookies.map((c) => c.name)).toEqual(['jobtrack_session']);
  expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
});

test('signed-in pages and their data requests are never stored; sign-out clears the cache, not storage', async ({
  page,
  signedIn,
}) => {
  await signedIn({ label: 'cache' });

  const document = await page.goto('/applications');
  expect(document?.headers()['cache-control']).toBe('no-store');
  // What a client-side navigation fetches instead of the document (Remix's single fetch).
  const data = await page.request.get('/applications.data');
  expect(data.status()).toBe(200);
  expect(data.headers()['cache-control']).toBe('no-store');

  const signOut = await page.request.post('/signout', {
    headers: { Origin: new URL(page.url()).origin },
    maxRedirects: 0,
  });
  expect(signOut.status()).toBe(302);
  expect(signOut.headers()['location']).toBe('/?notice=signed-out');
  expect(signOut.headers()['clear-site-data']).toBe('"cache"');
  expect(signOut.headers()['cache-control']).toBe('no-store');
});

test('local mode on any host but plain-http localhost answers every page with a clear 503', async ({
  page,
}) => {
  for (const path of ['/', '/signin', '/dev/outbox']) {
    const response = await page.request.get(path, { headers: { Host: 'jobtrack.example' } });
    expect(response.status(), path).toBe(503);
    expect(await response.text()).toContain('This deployment has no email delivery configured');
  }
  const signUp = await page.request.post('/signup', {
    headers: { Host: 'jobtrack.example', Origin: 'http://jobtrack.example' },
    form: { email: 'someone@example.com', password: 'plum kettle orbit 42', adult: 'on' },
    maxRedirects: 0,
  });
  expect(signUp.status()).toBe(503);
  expect((await page.request.get('/privacy')).status()).toBe(200);
});

test('the common-password list never reaches the browser', async ({ page }) => {
  const words = COMMON_PASSWORDS.split('\n');
  // Two neighbours in the list: a pair that could only come from the list itself.
  const pairs = [100, 5_000, 9_998].map((i) => `${words[i]}\n${words[i + 1]}`);
  const seen = new Set<string>();
  page.on('response', (response) => {
    if (response.url().endsWith('.js')) seen.add(response.url());
  });
  await page.goto('/signup');
  await page.goto('/account');
  const html = await (await page.request.get('/signup')).text();
  for (const src of html.match(/\/assets\/[^"]+\.js/g) ?? [])
    seen.add(new URL(src, page.url()).href);
  expect(seen.size).toBeGreaterThan(0);
  for (const url of seen) {
    const body = await (await page.request.get(url)).text();
    for (const pair of pairs) {
      expect(body.includes(pair), url).toBe(false);
      expect(body.includes(pair.replace('\n', '\\n')), url).toBe(false);
    }
  }
});

test('wrangler dev runs the per-client email limit: a sixth email request in a minute is refused', async ({
  page,
}) => {
  // One client (its own CF-Connecting-IP, as Cloudflare would set it) asking for links to
  // different addresses, so only the per-client binding, not any address's allowance, can refuse.
  // The binding counts in windows of a minute; 11 requests in a few seconds put at least 6 in one.
  const client = { 'CF-Connecting-IP': `10.${[...randomBytes(3)].join('.')}` };
  await page.goto('/magic-link');
  const origin = new URL(page.url()).origin;
  const admitted: number[] = [];
  let refused = '';
  for (let i = 0; i < 11 && !refused; i++) {
    const response = await page.request.post('/magic-link', {
      headers: { ...client, Origin: origin },
      form: { email: `limit-${i}-${randomBytes(4).toString('hex')}@example.com` },
      maxRedirects: 0,
    });
    if (response.status() === 429) refused = await response.text();
    else admitted.push(response.status());
  }
  expect(refused).toContain('Too many requests from your connection');
  expect(admitted.length).toBeGreaterThanOrEqual(5);
  expect(admitted.every((status) => status === 302)).toBe(true);
});
