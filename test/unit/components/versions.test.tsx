// @vitest-environment happy-dom
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openedVersion, useOpenedVersion } from '~/components/forms/versions';

const OPENED = '2026-11-20T09:15:00.123Z';
const NEWER = '2026-11-29T13:02:41.007Z';

describe('the version an edit form sends', () => {
  it('is the record as the form opened it, until a refusal names a newer one, which it keeps', () => {
    const { result, rerender } = renderHook(
      ({ basis, reply }: { basis: string; reply: unknown }) => useOpenedVersion(basis, reply),
      { initialProps: { basis: OPENED, reply: undefined as unknown } },
    );
    expect(result.current).toBe(OPENED);
    // Another tab's save reloads the data under the open form: the form still sends what it opened.
    rerender({ basis: NEWER, reply: undefined });
    expect(result.current).toBe(OPENED);
    rerender({ basis: OPENED, reply: { error: { '': ['changed'] }, updatedAt: NEWER } });
    expect(result.current).toBe(NEWER);
    rerender({ basis: OPENED, reply: null });
    expect(result.current).toBe(NEWER);
  });

  it('is the version that was sent when a signed-out refusal comes back to a page without the record', () => {
    const signedOut = { status: 'error', initialValue: { notes: 'typed', updatedAt: OPENED } };
    const { result } = renderHook(() => useOpenedVersion('', signedOut));
    expect(result.current).toBe(OPENED);
  });

  it('is none when nothing says one', () => {
    const { result } = renderHook(() => useOpenedVersion('', { initialValue: { notes: 'x' } }));
    expect(result.current).toBe('');
  });
});

describe('the version a posted form names', () => {
  it('is read only as an ISO instant with milliseconds', () => {
    const form = (value?: string) => {
      const data = new FormData();
      if (value !== undefined) data.set('updatedAt', value);
      return data;
    };
    expect(openedVersion(form(OPENED))).toBe(OPENED);
    for (const value of [
      undefined,
      '',
      'yesterday',
      '2026-11-20T09:15:00Z',
      '2026-11-20 09:15:00.123+00',
      `${OPENED}\n`,
      "2026-11-20T09:15:00.123Z' or true --",
      '2026-13-45T99:99:99.999Z',
    ]) {
      expect(openedVersion(form(value)), String(value)).toBeNull();
    }
  });
});
