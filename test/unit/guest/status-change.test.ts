// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApplicationSchema } from '~/applications/application-schema';
import { newApplication } from '~/guest/records';
import { GUEST_KEY } from '~/guest/mode';
import { updateGuest } from '~/guest/save';
import { readGuest } from '~/guest/storage';
import { UNDO_CHANGED_SINCE } from '~/applications/history-date';

function statusForm(id: string, status: string) {
  const body = new FormData();
  body.set('id', id);
  body.set('status', status);
  return new Request('http://localhost/guest/applications', { method: 'POST', body });
}

async function oneApplication() {
  localStorage.clear();
  const nurse = newApplication(
    ApplicationSchema.parse({
      company: 'Leeds Teaching Hospitals NHS Trust',
      role: 'Staff Nurse, Band 5',
      status: 'applied',
    }),
  );
  await updateGuest(() => [nurse]);
  return nurse.id;
}

const statusOf = async (id: string) => {
  const read = await readGuest();
  return read.ok ? read.document.applications.find((a) => a.id === id)?.status : undefined;
};

afterEach(() => {
  vi.doUnmock('~/guest/actions');
  vi.resetModules();
  vi.restoreAllMocks();
});

describe('the guest status change, whose handling loads when a change is sent', () => {
  it('changes the status once its handling has loaded', async () => {
    const id = await oneApplication();
    const { moveGuestStatus } = await import('~/guest/status-change');
    expect(await moveGuestStatus(statusForm(id, 'interviewing'), id)).toEqual({
      change: `${id}-1`,
    });
    expect(await statusOf(id)).toBe('interviewing');
  });

  it('refuses with a form-wide message, changing nothing, when its handling cannot be fetched', async () => {
    const id = await oneApplication();
    const before = localStorage.getItem(GUEST_KEY);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.doMock('~/guest/actions', () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    const { moveGuestStatus, NOT_LOADED_MESSAGE } = await import('~/guest/status-change');
    expect(await moveGuestStatus(statusForm(id, 'offer'), id)).toEqual({
      refused: { status: 'error', error: { '': [NOT_LOADED_MESSAGE] } },
    });
    expect(localStorage.getItem(GUEST_KEY)).toBe(before);
    expect(console.error).toHaveBeenCalled();
  });

  it('still answers 404 for an application that is not in this browser, not "could not load"', async () => {
    await oneApplication();
    const { moveGuestStatus } = await import('~/guest/status-change');
    const unknown = crypto.randomUUID();
    const answer = await moveGuestStatus(statusForm(unknown, 'offer'), unknown).catch(
      (thrown: unknown) => thrown,
    );
    expect(answer).toBeInstanceOf(Response);
    expect((answer as Response).status).toBe(404);
  });

  it('lets a refusal of the change itself through, as the handling answers it', async () => {
    const id = await oneApplication();
    const { moveGuestStatus } = await import('~/guest/status-change');
    const answer = await moveGuestStatus(statusForm(id, 'not-a-status'), id);
    const reply = 'refused' in answer ? answer.refused : null;
    expect(reply?.status).toBe('error');
    expect(reply?.error?.status?.length).toBeGreaterThan(0);
    expect(await statusOf(id)).toBe('applied');
  });
});

describe('undoing a guest status move made on an application’s page', () => {
  const stored = async (id: string) => {
    const read = await readGuest();
    return read.ok ? read.document.applications.find((a) => a.id === id) : undefined;
  };

  it('puts back the status, date applied, follow-up date and history the move changed', async () => {
    localStorage.clear();
    const advert = newApplication(
      ApplicationSchema.parse({
        company: 'HM Revenue & Customs',
        role: 'Executive Officer',
        status: 'saved',
      }),
    );
    await updateGuest(() => [advert]);
    const { moveGuestStatus, undoGuestMove } = await import('~/guest/status-change');
    const moved = await moveGuestStatus(statusForm(advert.id, 'applied'), advert.id);
    expect(moved).toEqual({ change: `${advert.id}-1` });
    expect(await stored(advert.id)).toMatchObject({ status: 'applied' });
    expect((await stored(advert.id))!.dateApplied).not.toBeNull();

    expect(await undoGuestMove(advert.id)).toBeNull();

    const after = (await stored(advert.id))!;
    expect(after).toMatchObject({
      status: 'saved',
      dateApplied: advert.dateApplied,
      followUpOn: advert.followUpOn,
      statusHistory: advert.statusHistory,
    });
    // A second press finds nothing left to undo.
    expect(await undoGuestMove(advert.id)).toEqual({
      status: 'error',
      error: { '': [UNDO_CHANGED_SINCE] },
    });
  });

  it('keeps what another tab changed that leaves the record’s time alone (a date added, say)', async () => {
    const id = await oneApplication();
    const { moveGuestStatus, undoGuestMove } = await import('~/guest/status-change');
    await moveGuestStatus(statusForm(id, 'rejected'), id);
    // As adding an interview does: the record's own time is not moved.
    await updateGuest((apps) => apps.map((a) => ({ ...a, notes: 'Interview on 3 Dec, 10:30' })));

    expect(await undoGuestMove(id)).toBeNull();

    expect(await stored(id)).toMatchObject({
      status: 'applied',
      notes: 'Interview on 3 Dec, 10:30',
    });
    expect((await stored(id))!.statusHistory.map((h) => h.to)).toEqual(['applied']);
  });

  it('says nothing moved when the status sent is the one it has, and offers no undo', async () => {
    const id = await oneApplication();
    const { moveGuestStatus } = await import('~/guest/status-change');
    expect(await moveGuestStatus(statusForm(id, 'applied'), id)).toEqual({ change: null });
  });

  it('is refused once another change (another tab, say) has been saved since, keeping that change', async () => {
    const id = await oneApplication();
    const { moveGuestStatus, undoGuestMove } = await import('~/guest/status-change');
    await moveGuestStatus(statusForm(id, 'interviewing'), id);
    await updateGuest((apps) =>
      apps.map((a) => ({
        ...a,
        notes: 'Panel on Tuesday',
        updatedAt: new Date(Date.now() + 1000).toISOString(),
      })),
    );

    expect(await undoGuestMove(id)).toEqual({
      status: 'error',
      error: { '': [UNDO_CHANGED_SINCE] },
    });
    expect(await stored(id)).toMatchObject({ status: 'interviewing', notes: 'Panel on Tuesday' });
  });
});

describe('a guest status move from the list or the dashboard, said on the page it returns to', () => {
  const form = (fields: Record<string, string>) => {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    return new Request('http://localhost/guest/applications?index', { method: 'POST', body });
  };
  const applications = async () => {
    const read = await readGuest();
    return read.ok ? read.document.applications : [];
  };

  it('comes back to the filtered list naming the move, which can be undone once', async () => {
    const id = await oneApplication();
    window.history.replaceState(null, '', '/guest/applications#status=applied');
    const { moveOrUndo } = await import('~/guest/status-change');
    const { namedGuestMove } = await import('~/guest/last-move');

    const moved = (await moveOrUndo(
      form({ intent: 'status', id, status: 'rejected' }),
      '/guest/applications',
    )) as Response;

    const back = moved.headers.get('Location')!;
    expect(back).toBe(`/guest/applications#status=applied&moved=${id}-1`);
    const { hash } = new URL(back, 'http://localhost');
    expect(namedGuestMove(hash, await applications())).toEqual({
      id: `${id}-1`,
      applicationId: id,
      role: 'Staff Nurse, Band 5',
      company: 'Leeds Teaching Hospitals NHS Trust',
      fromStatus: 'applied',
      toStatus: 'rejected',
      undoable: true,
    });

    const undone = (await moveOrUndo(
      form({ intent: 'undo-move', id, change: `${id}-1` }),
      '/guest/applications',
    )) as Response;

    expect(undone.headers.get('Location')).toBe('/guest/applications#status=applied&undone=1');
    expect(await statusOf(id)).toBe('applied');
    // The address of the move, revisited (Back): nothing to say, as the move is gone.
    expect(namedGuestMove(hash, await applications())).toBeNull();
  });

  it('says that nothing changed when the status sent is the one it has', async () => {
    const id = await oneApplication();
    window.history.replaceState(null, '', '/guest/applications#status=applied');
    const { moveOrUndo } = await import('~/guest/status-change');

    const again = (await moveOrUndo(
      form({ intent: 'status', id, status: 'applied' }),
      '/guest/applications',
    )) as Response;

    expect(again.headers.get('Location')).toBe('/guest/applications#status=applied&unchanged=1');
    expect((await applications())[0]?.statusHistory).toHaveLength(1);
  });

  it('offers no undo once the application has changed since, and says nothing of an unknown entry', async () => {
    const id = await oneApplication();
    window.history.replaceState(null, '', '/guest');
    const { moveOrUndo } = await import('~/guest/status-change');
    const { namedGuestMove } = await import('~/guest/last-move');
    const back = (
      (await moveOrUndo(form({ intent: 'status', id, status: 'offer' }), '/guest')) as Response
    ).headers.get('Location')!;
    await updateGuest((apps) =>
      apps.map((a) => ({ ...a, updatedAt: new Date(Date.now() + 1000).toISOString() })),
    );
    expect(back).toBe(`/guest#moved=${id}-1`);

    expect(namedGuestMove('#moved=' + `${id}-1`, await applications())).toMatchObject({
      undoable: false,
    });
    // Pressed anyway (the page drawn before the change): refused, marked as the undo's answer.
    expect(await moveOrUndo(form({ intent: 'undo-move', id }), '/guest')).toEqual({
      status: 'error',
      error: { '': [UNDO_CHANGED_SINCE] },
      initialValue: { intent: 'undo-move' },
    });
    expect(await statusOf(id)).toBe('offer');
    for (const change of [`${id}-7`, 'nonsense', `${crypto.randomUUID()}-1`, `${id}-0`]) {
      expect(namedGuestMove(`#moved=${change}`, await applications())).toBeNull();
    }
  });
});
