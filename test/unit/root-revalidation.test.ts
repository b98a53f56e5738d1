import { afterEach, describe, expect, it, vi } from 'vitest';
import { shouldRevalidate } from '~/root';

const args = (from: string, to: string, extra: { actionStatus?: number } = {}) =>
  ({
    currentUrl: new URL(from, 'http://localhost'),
    nextUrl: new URL(to, 'http://localhost'),
    currentParams: {},
    nextParams: {},
    defaultShouldRevalidate: true,
    ...extra,
  }) as Parameters<typeof shouldRevalidate>[0];

describe('when the root (who is signed in) loads again', () => {
  it('not after a refused action, so a form refused because its session ended keeps its page', () => {
    expect(
      shouldRevalidate(args('/applications/new', '/applications/new', { actionStatus: 401 })),
    ).toBe(false);
    expect(
      shouldRevalidate(args('/applications/new', '/applications/new', { actionStatus: 400 })),
    ).toBe(false);
  });

  it('not between guest pages, which send the server nothing', () => {
    expect(shouldRevalidate(args('/guest', '/guest/applications'))).toBe(false);
  });

  it('on the guest move page, which shows who is signed in, and everywhere else as usual', () => {
    expect(shouldRevalidate(args('/guest', '/guest/move'))).toBe(true);
    expect(shouldRevalidate(args('/applications', '/'))).toBe(true);
  });

  describe('with the browser offline', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('not on the guest move page, which then opens instead of failing as a whole', () => {
      vi.stubGlobal('navigator', { onLine: false });
      expect(shouldRevalidate(args('/guest', '/guest/move'))).toBe(false);
      expect(shouldRevalidate(args('/applications', '/'))).toBe(true);
    });
  });
});
