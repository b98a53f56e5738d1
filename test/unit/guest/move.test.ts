// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { ApplicationInput } from '~/applications/application-schema';
import { confirmMove, previewForm, removeMoved } from '~/guest/move';
import { editApplication, newApplication } from '~/guest/records';
import { GUEST_KEY, readGuest, updateGuest } from '~/guest/storage';

const input = (company: string): ApplicationInput => ({
  company,
  role: 'Policy Officer',
  status: 'saved',
  mayCloseEarly: false,
});

function companies() {
  const read = readGuest(localStorage);
  if (!read.ok) throw new Error('unreadable');
  return read.document.applications.map((a) => a.company).sort();
}

describe('the move into an account, in the browser', () => {
  it('removes only what was sent as it was sent; added or edited since the check stays', async () => {
    localStorage.clear();
    const start = updateGuest(
      (apps) => [...apps, newApplication(input('HMRC')), newApplication(input('DWP'))],
      localStorage,
    );
    const text = await (previewForm(start).get('file') as File).text();
    // Another tab, after the check: one added, one edited.
    const later = new Date(Date.now() + 60_000);
    updateGuest(
      (apps) => [
        ...apps.map((a) =>
          a.company === 'DWP' ? editApplication(a, input('DWP Digital'), later) : a,
        ),
        newApplication(input('Home Office')),
      ],
      localStorage,
    );
    expect(removeMoved(text, localStorage)).toBe(2);
    expect(companies()).toEqual(['DWP Digital', 'Home Office']);
  });

  it('clears the key when everything was moved', async () => {
    localStorage.clear();
    const start = updateGuest((apps) => [...apps, newApplication(input('HMRC'))], localStorage);
    const text = await (previewForm(start).get('file') as File).text();
    expect(removeMoved(text, localStorage)).toBe(0);
    expect(localStorage.getItem(GUEST_KEY)).toBeNull();
  });

  it('sends the account the preview was shown for with the confirmation', async () => {
    let sent: FormData | null = null;
    const fakeFetch = (async (_url: string, init: RequestInit) => {
      sent = init.body as FormData;
      return Response.json({}, { status: 400 });
    }) as unknown as typeof fetch;
    expect(await confirmMove('{}', 'user-1', fakeFetch)).toBe('refused');
    expect(sent!.get('account')).toBe('user-1');
  });
});
