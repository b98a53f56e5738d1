// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { ApplicationInput } from '~/applications/application-schema';
import { confirmBatches, confirmMove, removeMoved } from '~/guest/move';
import { moveBatches } from '~/guest/move-batches';
import { editApplication, newApplication } from '~/guest/records';
import { GUEST_KEY } from '~/guest/mode';
import { updateGuest } from '~/guest/save';
import { readGuest } from '~/guest/storage';

const input = (company: string): ApplicationInput => ({
  company,
  role: 'Policy Officer',
  status: 'saved',
  mayCloseEarly: false,
});

async function companies() {
  const read = await readGuest(localStorage);
  if (!read.ok) throw new Error('unreadable');
  return read.document.applications.map((a) => a.company).sort();
}

describe('the move into an account, in the browser', () => {
  it('removes only what was sent as it was sent; added or edited since the check stays', async () => {
    localStorage.clear();
    const start = await updateGuest(
      (apps) => [...apps, newApplication(input('HMRC')), newApplication(input('DWP'))],
      localStorage,
    );
    const texts = moveBatches(start);
    // Another tab, after the check: one added, one edited.
    const later = new Date(Date.now() + 60_000);
    await updateGuest(
      (apps) => [
        ...apps.map((a) =>
          a.company === 'DWP' ? editApplication(a, input('DWP Digital'), later) : a,
        ),
        newApplication(input('Home Office')),
      ],
      localStorage,
    );
    expect(await removeMoved(texts, localStorage)).toBe(2);
    expect(await companies()).toEqual(['DWP Digital', 'Home Office']);
  });

  it('clears the key when everything was moved', async () => {
    localStorage.clear();
    const start = await updateGuest(
      (apps) => [...apps, newApplication(input('HMRC'))],
      localStorage,
    );
    expect(await removeMoved(moveBatches(start), localStorage)).toBe(0);
    expect(localStorage.getItem(GUEST_KEY)).toBeNull();
  });

  it('removes what a move in parts sent, from every part', async () => {
    localStorage.clear();
    const start = await updateGuest(
      (apps) => [...apps, ...['HMRC', 'DWP', 'DVLA'].map((c) => newApplication(input(c)))],
      localStorage,
    );
    const texts = moveBatches(start, 1_200);
    expect(texts.length).toBeGreaterThan(1);
    expect(await removeMoved(texts, localStorage)).toBe(0);
    expect(localStorage.getItem(GUEST_KEY)).toBeNull();
  });

  it('confirms a move’s parts in turn and stops at the first not saved, saying how many were', async () => {
    const sent: string[] = [];
    // The import answers a saved part with a redirect to the list; here the third is refused.
    const answers = ['/applications', '/applications', null];
    const fakeFetch = (async (_url: string, init: RequestInit) => {
      sent.push(String((init.body as FormData).get('data')));
      const landed = answers[sent.length - 1];
      const response = Response.json({}, { status: landed ? 200 : 400 });
      if (landed) {
        Object.defineProperty(response, 'redirected', { value: true });
        Object.defineProperty(response, 'url', { value: `http://localhost${landed}` });
      }
      return response;
    }) as unknown as typeof fetch;
    expect(await confirmBatches(['a', 'b', 'c', 'd'], 'user-1', fakeFetch)).toEqual({
      outcome: 'refused',
      saved: 2,
    });
    expect(sent).toEqual(['a', 'b', 'c']);
    sent.length = 0;
    answers[2] = '/applications';
    expect(await confirmBatches(['a', 'b', 'c'], 'user-1', fakeFetch)).toEqual({
      outcome: 'saved',
      saved: 3,
    });
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

  it('tells an account with no room (409) from a refused file (400) and a server failure', async () => {
    const answering = (status: number) =>
      (async () => Response.json({}, { status })) as unknown as typeof fetch;
    expect(await confirmMove('{}', 'user-1', answering(409))).toBe('full');
    expect(await confirmMove('{}', 'user-1', answering(400))).toBe('refused');
    expect(await confirmMove('{}', 'user-1', answering(503))).toBe('failed');
  });
});
