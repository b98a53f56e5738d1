import { describe, expect, it } from 'vitest';
import { safeRedirect } from '~/http/safe-redirect';

describe('safeRedirect', () => {
  it.each([
    ['/applications', '/applications'],
    ['/applications?status=applied&page=2', '/applications?status=applied&page=2'],
    ['/applications/123/edit#notes', '/applications/123/edit#notes'],
    ['/', '/'],
  ])('keeps the same-site path %s', (to, expected) => {
    expect(safeRedirect(to, '/fallback')).toBe(expected);
  });

  it.each([
    ['//evil.example', 'protocol-relative URL'],
    ['//evil.example/path', 'protocol-relative URL with a path'],
    ['/\\evil.example', 'backslash that browsers read as a slash'],
    ['/\\/evil.example', 'backslash then slash'],
    ['\\\\evil.example', 'two backslashes'],
    ['https://evil.example/', 'absolute URL'],
    ['http://localhost:8787/applications', 'absolute URL to ourselves'],
    ['javascript:alert(1)', 'javascript: URL'],
    ['/\t/evil.example', 'tab that browsers strip to make //'],
    ['/\n/evil.example', 'newline that browsers strip to make //'],
    ['/.//evil.example', 'dot segment that parsing turns into //'],
    ['/..//evil.example', 'dot-dot segment that parsing turns into //'],
    ['/a/..//evil.example', 'dot-dot after a segment'],
    ['/%2e//evil.example', 'encoded dot segment'],
    [`/applications?q=${'x'.repeat(3000)}`, 'longer than the sign-in form carries'],
    ['applications', 'relative path'],
    ['', 'empty string'],
  ])('falls back for %j (%s)', (to) => {
    expect(safeRedirect(to, '/fallback')).toBe('/fallback');
  });

  it('keeps a path of up to 2,000 characters, the most a form carries', () => {
    const longest = `/${'x'.repeat(1999)}`;
    expect(safeRedirect(longest, '/fallback')).toBe(longest);
    expect(safeRedirect(`${longest}x`, '/fallback')).toBe('/fallback');
  });

  it.each(['\u0000', '\u001f', '\u007f', '\r'])('falls back for a control character (%j)', (c) => {
    expect(safeRedirect(`/applications${c}`, '/fallback')).toBe('/fallback');
  });

  it('keeps the characters just outside the control range', () => {
    expect(safeRedirect('/a b~', '/fallback')).toBe('/a%20b~');
  });

  it('falls back for missing values and files', () => {
    expect(safeRedirect(null)).toBe('/');
    expect(safeRedirect(undefined, '/x')).toBe('/x');
    expect(safeRedirect(new File([], 'a.txt'), '/x')).toBe('/x');
  });
});
