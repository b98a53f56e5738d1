import { describe, expect, it } from 'vitest';
import { parseConfig } from '~/config.server';
import { contentSecurityPolicy } from '~/http/security.server';
import { PROCESSORS } from '~/privacy/facts';
import { fakeLimiters } from '../../support/rate-limiter';

// The policy page names the processors (from PROCESSORS); the CSP decides which hosts a browser on
// our pages may reach. They must agree: every outside host the CSP allows is a listed processor's.

function outsideHosts(csp: string): string[] {
  return csp
    .split(';')
    .flatMap((directive) => directive.trim().split(/\s+/).slice(1))
    .filter((source) => /^(https?:)?\/\//.test(source) || /^[a-z0-9.-]+\.[a-z]{2,}/i.test(source))
    .map((source) => new URL(source.includes('//') ? source : `https://${source}`).host)
    .sort();
}

const env = (extra: Record<string, string> = {}) => ({
  AUTH_MODE: 'local',
  ...fakeLimiters(),
  ...extra,
});

const cases: Array<[string, Record<string, string>]> = [
  ['without a PostHog key', {}],
  ['with a PostHog key (the EU host by default)', { POSTHOG_KEY: 'phc_test' }],
  [
    'with a PostHog key and another host',
    { POSTHOG_KEY: 'phc_test', POSTHOG_HOST: 'https://ph.example.org/' },
  ],
];

describe('the processors the CSP allows', () => {
  it.each(cases)('are exactly those the policy page lists, %s', (_, extra) => {
    const config = parseConfig(env(extra));
    const analyticsHost = config.analytics?.host ?? null;
    const csp = contentSecurityPolicy('nonce', { analyticsHost });
    const listed = PROCESSORS.flatMap((p) => p.browserHosts({ analyticsHost })).sort();
    expect(outsideHosts(csp)).toEqual(listed);
  });

  it('allows no analytics host without a key, and the EU host by default with one', () => {
    expect(parseConfig(env()).analytics).toBeNull();
    expect(contentSecurityPolicy('n')).toContain("connect-src 'self';");
    const config = parseConfig(env({ POSTHOG_KEY: 'phc_test' }));
    expect(config.analytics).toEqual({ key: 'phc_test', host: 'https://eu.i.posthog.com' });
    expect(contentSecurityPolicy('n', { analyticsHost: config.analytics!.host })).toContain(
      "connect-src 'self' https://eu.i.posthog.com;",
    );
  });

  it('names a POSTHOG_HOST that is not a web address', () => {
    expect(() =>
      parseConfig(env({ POSTHOG_KEY: 'k', POSTHOG_HOST: 'javascript:alert(1)' })),
    ).toThrow(/POSTHOG_HOST/);
  });
});
