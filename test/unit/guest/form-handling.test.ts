// @vitest-environment happy-dom
import type { ClientActionFunctionArgs } from '@remix-run/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DELETE_EVENT, CLEAR_FOLLOW_UP } from '~/events/follow-up';
import {
  DELETE_NOT_LOADED,
  HANDLING_NOT_LOADED,
  IMPORT_NOT_LOADED,
  REMOVE_NOT_LOADED,
} from '~/guest/form-handling';
import { GUEST_KEY } from '~/guest/mode';

function post(fields: Record<string, string | File>) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  const request = new Request('http://localhost/guest', { method: 'POST', body });
  return { request, params: {} } as unknown as ClientActionFunctionArgs;
}

/** Makes fetching `module` fail, as a browser does offline when it was never fetched. */
function unreachable(module: string) {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.doMock(module, () => {
    throw new TypeError('Failed to fetch dynamically imported module');
  });
}

afterEach(() => {
  for (const module of ['~/guest/actions', '~/guest/event-actions', '~/guest/import']) {
    vi.doUnmock(module);
  }
  vi.resetModules();
  vi.restoreAllMocks();
  localStorage.clear();
  window.location.hash = '';
});

describe('a guest form whose handling is fetched when it is sent', () => {
  const nurse = { company: 'Leeds Teaching Hospitals NHS Trust', role: 'Staff Nurse, Band 5' };

  it('saves once its handling has loaded', async () => {
    const { clientAction } = await import('~/routes/guest.applications.new');
    const answer = await clientAction(post({ ...nurse, status: 'applied' }));
    expect(answer).toBeInstanceOf(Response);
    expect(localStorage.getItem(GUEST_KEY)).toContain('Staff Nurse, Band 5');
  });

  it('refuses above the form, keeping what was typed and saving nothing, when it cannot be fetched', async () => {
    unreachable('~/guest/actions');
    const { clientAction } = await import('~/routes/guest.applications.new');
    const answer = await clientAction(post({ ...nurse, status: 'applied' }));
    expect(answer).toMatchObject({
      status: 'error',
      error: { '': [HANDLING_NOT_LOADED] },
      initialValue: { ...nurse, status: 'applied' },
    });
    expect(localStorage.getItem(GUEST_KEY)).toBeNull();
    expect(console.error).toHaveBeenCalled();
  });

  it('says a date was not deleted beside its Delete button, and a save’s refusal above the form', async () => {
    unreachable('~/guest/event-actions');
    window.location.hash = '#an-application/an-event';
    const { clientAction } = await import('~/routes/guest.application_.event');
    expect(await clientAction(post({ intent: DELETE_EVENT }))).toEqual({
      deleteRefused: DELETE_NOT_LOADED,
    });
    expect(await clientAction(post({ kind: 'interview', title: 'Panel' }))).toMatchObject({
      error: { '': [HANDLING_NOT_LOADED] },
      initialValue: { kind: 'interview', title: 'Panel' },
    });
  });

  it('says the follow-up date was not removed when Remove was pressed', async () => {
    unreachable('~/guest/event-actions');
    window.location.hash = '#an-application';
    const { clientAction } = await import('~/routes/guest.application_.follow-up');
    expect(await clientAction(post({ intent: CLEAR_FOLLOW_UP }))).toMatchObject({
      error: { '': [REMOVE_NOT_LOADED] },
    });
  });

  it('says a backup was not imported, beside the file field, without sending the file back', async () => {
    unreachable('~/guest/import');
    const file = new File(['{}'], 'jobtrack-backup.json', { type: 'application/json' });
    const { clientAction } = await import('~/routes/guest.data');
    const answer = await clientAction(post({ file }));
    expect(answer).toMatchObject({ ok: false, reply: { error: { file: [IMPORT_NOT_LOADED] } } });
    expect(answer).not.toHaveProperty('reply.initialValue.file');
  });
});
