import { describe, expect, it } from 'vitest';
import { isLocalDevelopment, rejectCrossOrigin, withSecurityHeaders } from '~/http/security.server';

const post = (url: string, origin?: string) =>
  new Request(url, { method: 'POST', headers: origin ? { Origin: origin } : {} });

describe('same-origin check on state changes', () => {
  it('lets a POST from the same origin through', () => {
    expect(
      rejectCrossOrigin(post('https://jobtrack.example/x', 'https://jobtrack.example')),
    ).toBeNull();
  });

  it('refuses a POST from another origin with 403', () => {
    const res = rejectCrossOrigin(post('https://jobtrack.example/x', 'https://evil.example'));
    expect(res?.status).toBe(403);
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

  it('never blocks a GET', () => {
    expect(rejectCrossOrigin(new Request('https://jobtrack.example/x'))).toBeNull();
  });
});

describe('security headers', () => {
  const secured = (url: string) =>
    withSecurityHeaders(new Request(url), new Response('ok'), 'abc123');

  it('sets a CSP whose scripts need this response’s nonce and forbids framing', () => {
    const csp = secured('https://jobtrack.example/').headers.get('Content-Security-Policy')!;
    expect(csp).toContain("script-src 'self' 'nonce-abc123'");
    expect(csp).not.toContain("'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('sets nosniff and a Referrer-Policy', () => {
    const headers = secured('https://jobtrack.example/').headers;
    expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
  });

  it('sends HSTS everywhere except plain-http localhost', () => {
    expect(secured('https://jobtrack.example/').headers.get('Strict-Transport-Security')).toMatch(
      /max-age=\d+/,
    );
    expect(secured('http://localhost:8787/').headers.get('Strict-Transport-Security')).toBeNull();
  });

  it('keeps the status and body of the wrapped response', async () => {
    const res = withSecurityHeaders(
      new Request('https://x.example/'),
      new Response('gone', { status: 410 }),
      'n',
    );
    expect(res.status).toBe(410);
    expect(await res.text()).toBe('gone');
  });
});

describe('Secure cookies', () => {
  it('are required everywhere but plain-http localhost', () => {
    expect(isLocalDevelopment(new Request('http://localhost:8787/'))).toBe(true);
    expect(isLocalDevelopment(new Request('http://127.0.0.1:8787/'))).toBe(true);
    expect(isLocalDevelopment(new Request('https://localhost/'))).toBe(false);
    expect(isLocalDevelopment(new Request('http://jobtrack.example/'))).toBe(false);
  });
});
