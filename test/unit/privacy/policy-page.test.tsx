// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { GOOGLE_COOKIE_NOTE, PrivacyPolicy } from '~/privacy/policy';
import { renderRoutes } from '../../support/render';

// The policy is written in JobTrack's own words; these tests hold each fact of the operator's
// policy (../shared/seed/privacy-policy.txt), not its sentences.

function renderPolicy() {
  renderRoutes([{ path: '/privacy', Component: PrivacyPolicy }], '/privacy');
  const page = screen.getByRole('article');
  return { page, text: page.textContent!.replace(/\s+/g, ' ') };
}

function tableRows(name: string) {
  const table = screen.getByRole('table', { name });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent!));
}

describe('the privacy policy page', () => {
  it('says when it was last updated, at the top', () => {
    const { page } = renderPolicy();
    expect(page.querySelector('h1 + p')!.textContent).toMatch(
      /^Last updated: \d{1,2} [A-Z][a-z]{2} \d{4}$/,
    );
  });

  it('lists every section in its contents, each link reaching its heading', () => {
    renderPolicy();
    const contents = screen.getByRole('navigation', { name: 'Contents' });
    const links = within(contents).getAllByRole('link');
    const headings = screen
      .getAllByRole('heading', { level: 2 })
      .filter((h) => h.textContent !== 'Contents');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(headings.map((h) => `#${h.id}`));
    expect(links.map((a) => a.textContent)).toEqual(headings.map((h) => h.textContent));
    expect(headings.length).toBeGreaterThanOrEqual(10);
  });

  it('lists exactly the data stored, where each comes from and why', () => {
    renderPolicy();
    const rows = tableRows('What JobTrack stores');
    expect(rows.map((r) => r[0])).toEqual([
      'Email address',
      'Password, hashed',
      'Google account email address',
      'Job application data',
      'Session data',
      'Product analytics events',
      'Statement Builder inputs',
    ]);
    const why = Object.fromEntries(rows.map((r) => [r[0], `${r[1]} ${r[2]}`]));
    expect(why['Password, hashed']).toMatch(/hash/);
    expect(why['Google account email address']).toMatch(/only if you choose Sign in with Google/);
    expect(why['Job application data']).toMatch(/Company, role, dates, status/);
    expect(why['Product analytics events']).toMatch(/PostHog.*no personal data/);
    expect(why['Statement Builder inputs']).toMatch(/only when you use the Statement Builder/);
  });

  it('names each processor and where it keeps data', () => {
    renderPolicy();
    const rows = Object.fromEntries(
      tableRows('JobTrack’s data processors').map((r) => [r[0], `${r[1]} | ${r[2]}`]),
    );
    expect(Object.keys(rows)).toEqual([
      'Supabase',
      'Google (Sign in with Google, optional)',
      'Resend',
      'Cloudflare',
      'PostHog',
      'Anthropic',
    ]);
    expect(rows.Supabase).toMatch(/database.*\| EU \(AWS eu-west-2\)/);
    expect(rows.Resend).toMatch(/email.*\| EU$/);
    expect(rows.Cloudflare).toMatch(/\| .*no personal data/);
    expect(rows.PostHog).toMatch(/analytics.*\| EU \(eu\.i\.posthog\.com\)/);
    expect(rows.Anthropic).toMatch(/30 days.*train.*\| USA.*Data Processing Addendum/);
  });

  const facts: Array<[string, RegExp]> = [
    ['who runs it, from where', /independent .*England/],
    ['no IP tracking or fingerprints', /not record IP addresses.*no device fingerprints/],
    ['Google data used only to sign in, under Limited Use', /Limited Use/],
    ['the lawful basis', /contractual necessity/],
    ['no selling or sharing beyond the processors', /never sell your data/],
    ['a single session cookie, functional', /sets one cookie: the session cookie.*functional/],
    ['no advertising cookies or pixels', /no Google Analytics, no Facebook Pixel/],
    ['PostHog: anonymous, EU, cookieless', /PostHog’s EU service.*without cookies/],
    [
      'analytics: a switch, Do Not Track and GPC',
      /switch at the foot of every page.*Do Not Track.*Global Privacy Control/,
    ],
    ['guest mode stays in the browser', /local storage and is never sent to our servers/],
    [
      'Statement Builder: sent to Anthropic only on Generate',
      /Only when you press Generate.*Anthropic/,
    ],
    ['Anthropic keeps inputs 30 days', /up to 30 days and then deletes them/],
    ['AI drafts need checking', /Read every draft carefully/],
    [
      'kept while the account is open; deletion immediate and permanent',
      /while your account is open.*at once, cannot be undone/,
    ],
    ['the rights under UK GDPR', /UK GDPR.*corrected.*deleted.*object.*take it with you/],
    ['an answer within 30 days', /answer within 30 days/],
    ['the ICO and its registration', /Information Commissioner’s Office \(ICO\).*ZC116303/],
    ['age 18 and over', /aged 18 and over/],
    [
      'the age asked before any account, Google ones too',
      /before an account is made, with an email address or with Google, you confirm that you are 18 or over/,
    ],
  ];

  it.each(facts)('states %s', (_, fact) => {
    expect(renderPolicy().text).toMatch(fact);
  });

  it('names the short-lived Google sign-in cookie, the one cookie besides the session', () => {
    const { text } = renderPolicy();
    expect(text).toContain(GOOGLE_COOKIE_NOTE);
    expect(GOOGLE_COOKIE_NOTE).toMatch(/at most 10 minutes/);
  });

  it('gives the contact address as a link, more than once', () => {
    renderPolicy();
    const mail = screen.getAllByRole('link', { name: 'hello@jobtracks.co.uk' });
    expect(mail.length).toBeGreaterThanOrEqual(3);
    for (const a of mail) expect(a.getAttribute('href')).toBe('mailto:hello@jobtracks.co.uk');
  });
});
