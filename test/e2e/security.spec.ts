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
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
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
