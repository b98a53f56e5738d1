import { describe, expect, it } from 'vitest';
import { localModeRefusal } from '~/http/local-mode.server';

const local = { authMode: 'local' } as const;
const supabase = { authMode: 'supabase' } as const;

describe('local accounts outside plain-http localhost', () => {
  it('answer every page with a 503 that says why and what to configure', async () => {
    const refusal = localModeRefusal(new Request('https://jobtrack.example/signin'), local);
    expect(refusal?.status).toBe(503);
    expect(refusal?.statusText).toBe('Service Unavailable');
    expect(refusal?.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    const page = await refusal!.text();
    expect(page).toContain('<h1>This deployment has no email delivery configured</h1>');
    expect(page).toContain('AUTH_MODE = "supabase"');
    expect(page).toContain('<meta name="robots" content="noindex">');
  });

  it('refuse plain-http localhost reached through a proxy, as a deployment', () => {
    const proxied = new Request('http://localhost:8787/', {
      headers: { 'X-Forwarded-For': '203.0.113.9' },
    });
    expect(localModeRefusal(proxied, local)?.status).toBe(503);
  });

  it('run on plain-http localhost, a developer’s own machine', () => {
    expect(localModeRefusal(new Request('http://localhost:8787/signin'), local)).toBeNull();
    expect(localModeRefusal(new Request('http://127.0.0.1:8787/'), local)).toBeNull();
  });

  it('are no concern of a deployment with Supabase accounts, wherever it runs', () => {
    expect(localModeRefusal(new Request('https://jobtrack.example/signin'), supabase)).toBeNull();
  });
});
