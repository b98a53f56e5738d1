import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { GOOGLE_COOKIE_NOTE, parsePolicy, PrivacyPolicy } from '~/privacy/policy';

const text = readFileSync(new URL('../../app/privacy/privacy-policy.txt', import.meta.url), 'utf8');

describe('privacy policy page', () => {
  it('keeps every sentence of the operator’s text', () => {
    const rendered = parsePolicy(text)
      .flatMap((b) => (b.kind === 'p' ? [b.text] : [...b.head, ...b.rows.flat()]))
      .join(' ');
    for (const word of text.replace(/[|-]/g, ' ').split(/\s+/).filter(Boolean)) {
      expect(rendered).toContain(word);
    }
  });

  it('renders the data and processor tables as tables', () => {
    const tables = parsePolicy(text).filter((b) => b.kind === 'table');
    expect(tables).toHaveLength(2);
    expect(tables[0]!.head).toEqual(['Data', 'Where it comes from', 'Why we collect it']);
    expect(tables[1]!.rows.map((r) => r[0])).toContain('Anthropic');
  });

  it('names the short-lived Google sign-in cookie, the one cookie besides the session', () => {
    const html = renderToStaticMarkup(PrivacyPolicy());
    expect(html).toContain('<h2>Cookies in detail</h2>');
    expect(html).toContain(GOOGLE_COOKIE_NOTE);
    expect(GOOGLE_COOKIE_NOTE).toMatch(/at most 10 minutes/);
  });
});
