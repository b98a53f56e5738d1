import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  googleFormTargets,
  isLocalDevelopment,
  rejectCrossOrigin,
  withSecurityHeaders,
} from '~/http/security.server';

const send = (method: string, url: string, origin?: string) =>
  new Request(url, { method, headers: origin ? { Origin: origin } : {} });
const post = (url: string, origin?: string) => send('POST', url, origin);

describe('same-origin check on state changes', () => {
  it('lets a POST from the same origin through', () => {
    expect(
      rejectCrossOrigin(post('https://jobtrack.example/x', 'https://jobtrack.example')),
    ).toBeNull();
  });

  it('refuses a POST from another origin with a plain-text 403 that says why', async () => {
    const res = rejectCrossOrigin(post('https://jobtrack.example/x', 'https://evil.example'));
    expect(res?.status).toBe(403);
    expect(res?.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
    expect(await res?.text()).toBe('Forbidden: this form must be sent from JobTrack itself.');
  });

  it('refuses a POST with no Origin header', () => {
    expect(rejectCrossOrigin(post('https://jobtrack.example/x'))?.status).toBe(403);
  });

  it('refuses a lookalike origin on another port or scheme', () => {
    expect(
      rejectCrossOrigin(post('https://jobtrack.example/x', 'http://jobtrack.example'))?.status,
    ).toBe(403);
    expect(
      rejectCrossOrigin(post('https://jobtrack.example/x', 'https://jobtrack.example:8443'))
        ?.status,
    ).toBe(403);
  });

  it.each(['PUT', 'PATCH', 'DELETE'])(
    'treats %s as a state change: refused from another site or with no Origin, allowed from ours',
    (method) => {
      const url = 'https://jobtrack.example/applications/1';
      expect(rejectCrossOrigin(send(method, url, 'https://evil.example'))?.status).toBe(403);
      expect(rejectCrossOrigin(send(method, url))?.status).toBe(403);
      expect(rejectCrossOrigin(send(method, url, 'https://jobtrack.example'))).toBeNull();
    },
  );

  it.each(['GET', 'HEAD', 'OPTIONS'])('never blocks a %s, whatever its Origin', (method) => {
    const url = 'https://jobtrack.example/x';
    expect(rejectCrossOrigin(send(method, url))).toBeNull();
    expect(rejectCrossOrigin(send(method, url, 'https://evil.example'))).toBeNull();
  });
});

describe('security headers', () => {
  const secured = (url: string) =>
    withSecurityHeaders(new Request(url), new Response('ok'), 'abc123');

  it('sets a CSP whose scripts need this response’s nonce, and nothing looser', () => {
    expect(secured('https://jobtrack.example/').headers.get('Content-Security-Policy')).toBe(
      [
        "default-src 'self'",
        "script-src 'self' 'nonce-abc123' 'strict-dynamic'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
      ].join('; '),
    );
  });

  it('lets forms go only to this site, plus Supabase and Google when Google sign-in is on', () => {
    const supabase = { url: 'https://abcdefgh.supabase.co', google: true };
    const targets = googleFormTargets({ supabase });
    const policy = withSecurityHeaders(
      new Request('https://jobtrack.example/'),
      new Response('ok'),
      'n',
      { formTargets: targets },
    ).headers.get('Content-Security-Policy');

    expect(targets).toEqual(['https://abcdefgh.supabase.co', 'https://accounts.google.com']);
    expect(policy).toContain(
      "form-action 'self' https://abcdefgh.supabase.co https://accounts.google.com;",
    );
    expect(googleFormTargets({ supabase: { ...supabase, google: false } })).toEqual([]);
    expect(googleFormTargets({ supabase: null })).toEqual([]);
    expect(contentSecurityPolicy('n')).toContain("form-action 'self';");
  });

  it('lets the page reach the analytics host only when analytics are configured', () => {
    const withAnalytics = contentSecurityPolicy('n', {
      analyticsHost: 'https://eu.i.posthog.com/some/path',
    });
    expect(withAnalytics).toContain("connect-src 'self' https://eu.i.posthog.com;");
    expect(contentSecurityPolicy('n', { analyticsHost: null })).toContain("connect-src 'self';");
  });

  it('allows the dev server’s websocket only in the dev policy', () => {
    expect(contentSecurityPolicy('n', { dev: true })).toContain("connect-src 'self' ws:;");
    expect(contentSecurityPolicy('n')).not.toContain('ws:');
  });

  it('sets every other header a response needs, with the exact values', () => {
    const headers = secured('https://jobtrack.example/').headers;
    expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(headers.get('X-Frame-Options')).toBe('DENY');
    expect(headers.get('Permissions-Policy')).toBe(
      'camera=(), microphone=(), geolocation=(), interest-cohort=()',
    );
    expect(headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(headers.get('Strict-Transport-Security')).toBe('max-age=63072000; includeSubDomains');
  });

  it('sends HSTS everywhere except plain-http localhost', () => {
    for (const local of ['http://localhost:8787/', 'http://127.0.0.1:8787/', 'http://[::1]/']) {
      expect(secured(local).headers.get('Strict-Transport-Security'), local).toBeNull();
    }
    expect(secured('https://localhost/').headers.get('Strict-Transport-Security')).not.toBeNull();
  });

  it('forbids storing any page asked for with a cookie, or that sets one (signed-in pages, .data, sign-in)', () => {
    const withCookie = (url: string) =>
      withSecurityHeaders(
        new Request(url, { headers: { Cookie: 'jobtrack_session=abc' } }),
        new Response('ok'),
        'n',
      );
    expect(withCookie('http://localhost:8787/applications').headers.get('Cache-Control')).toBe(
      'no-store',
    );
    expect(
      withCookie(
        'https://jobtrack.example/applications.data?_route=routes%2Fapplications._index',
      ).headers.get('Cache-Control'),
    ).toBe('no-store');
    const signingIn = withSecurityHeaders(
      new Request('https://jobtrack.example/signin', { method: 'POST' }),
      new Response(null, { status: 302, headers: { 'Set-Cookie': 's=1; Path=/' } }),
      'n',
    );
    expect(signingIn.headers.get('Cache-Control')).toBe('no-store');
    // The calendar feed's address is its secret, asked for as a file or as Remix's .data.
    for (const feed of [
      'https://jobtrack.example/calendar/abc123/jobtrack.ics',
      'https://jobtrack.example/calendar/abc123/jobtrack.ics.data',
      'https://jobtrack.example/Calendar/abc123/jobtrack.ics.data',
      'https://jobtrack.example/%63alendar/abc123/jobtrack.ics.data',
    ]) {
      const answer = secured(feed);
      expect(answer.headers.get('Cache-Control'), feed).toBe('private, no-store');
      expect(answer.headers.get('X-Robots-Tag'), feed).toBe('noindex, nofollow');
    }
    // A page opened from an emailed link carries its token in the address.
    for (const link of [
      'https://jobtrack.example/auth/confirm?token_hash=abc&type=signup',
      'https://jobtrack.example/reset-password?token=abc',
    ]) {
      expect(secured(link).headers.get('Cache-Control'), link).toBe('no-store');
    }
    // A guest's request carries no cookie: nothing personal, nothing to forbid.
    expect(secured('https://jobtrack.example/privacy').headers.get('Cache-Control')).toBeNull();
  });

  it('keeps the status, status text, body and other headers of the wrapped response', async () => {
    const res = withSecurityHeaders(
      new Request('https://x.example/'),
      new Response('gone', {
        status: 410,
        statusText: 'Gone',
        headers: { 'Retry-After': '30', 'Set-Cookie': 'a=b' },
      }),
      'n',
    );
    expect(res.status).toBe(410);
    expect(res.statusText).toBe('Gone');
    expect(res.headers.get('Retry-After')).toBe('30');
    expect(res.headers.get('Set-Cookie')).toBe('a=b');
    expect(await res.text()).toBe('gone');
  });

  it('replaces a header the response set itself with the safe value', () => {
    const res = withSecurityHeaders(
      new Request('https://x.example/'),
      new Response('x', { headers: { 'X-Frame-Options': 'ALLOWALL' } }),
      'n',
    );
    expect(res.headers.get('X-Frame-Options')).toBe('DENY');
  });
});

describe('plain-http localhost', () => {
  it('is the only place that counts as local development (no Secure cookie, a dev outbox)', () => {
    expect(isLocalDevelopment(new Request('http://localhost:8787/dev/outbox'))).toBe(true);
    expect(isLocalDevelopment(new Request('http://127.0.0.1:8787/'))).toBe(true);
    expect(isLocalDevelopment(new Request('http://[::1]:8787/'))).toBe(true);
    expect(isLocalDevelopment(new Request('https://localhost/'))).toBe(false);
    expect(isLocalDevelopment(new Request('https://127.0.0.1/'))).toBe(false);
    expect(isLocalDevelopment(new Request('http://jobtrack.example/'))).toBe(false);
    expect(isLocalDevelopment(new Request('http://localhost.evil.example/'))).toBe(false);
    expect(isLocalDevelopment(new Request('https://jobtrack.example/dev/outbox'))).toBe(false);
  });

  it('is not local development when a proxy passed the request on, even with Host rewritten to localhost', () => {
    for (const [name, value] of [
      ['X-Forwarded-For', '203.0.113.9'],
      ['X-Forwarded-Host', 'jobtrack.example'],
      ['Forwarded', 'for=203.0.113.9;host=jobtrack.example'],
      ['X-Real-IP', '203.0.113.9'],
      ['Via', '1.1 nginx'],
    ]) {
      const request = new Request('http://localhost:8787/dev/outbox', {
        headers: { [name!]: value! },
      });
      expect(isLocalDevelopment(request), name).toBe(false);
    }
  });
});
