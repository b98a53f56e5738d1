// @vitest-environment happy-dom
import { parseWithZod } from '@conform-to/zod';
import { describe, expect, it, vi } from 'vitest';
import {
  ApplicationSchema,
  SAVED_WITH_DATE,
  type ApplicationInput,
} from '~/applications/application-schema';
import {
  CHANGED_ELSEWHERE,
  DELETED_ELSEWHERE,
  saveGuestApplication,
  undoGuestMove,
} from '~/guest/actions';
import { guestApplications } from '~/guest/applications';
import { moveGuestApplication } from '~/guest/changes';
import {
  dateHistoryEntry,
  editApplication,
  moveApplication,
  newApplication,
} from '~/guest/records';
import { GUEST_KEY } from '~/guest/mode';
import { updateGuest } from '~/guest/save';
import { todayInLondon } from '~/applications/dates';

function editForm(fields: Record<string, string>) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  return new Request('http://localhost/guest/applications/x/edit', { method: 'POST', body });
}

/** The form's fields as the schema reads them. */
function inputOf(fields: Record<string, string>): ApplicationInput {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  const submission = parseWithZod(body, { schema: ApplicationSchema });
  if (submission.status !== 'success') throw new Error('invalid test input');
  return submission.value;
}

describe('guest form actions', () => {
  it('an edit whose application was deleted in another tab is refused beside the form, values kept', async () => {
    localStorage.clear();
    const reply = await saveGuestApplication(
      editForm({ company: 'HMRC', role: 'Tax Officer', status: 'saved' }),
      crypto.randomUUID(),
    );
    expect(reply).toMatchObject({
      error: { '': [DELETED_ELSEWHERE] },
      initialValue: { company: 'HMRC', role: 'Tax Officer' },
    });
    expect(localStorage.getItem(GUEST_KEY)).toBeNull();
  });

  describe('an edit of an application another tab changed after the form opened', () => {
    const id = '5d0c7a5e-3b1f-4e8a-9c2d-7f6e5a4b3c21';
    const opened = new Date('2026-11-20T09:00:00Z');
    const elsewhere = new Date('2026-11-21T09:00:00Z');
    // The form as it opened: the record's fields then, with the status it had.
    const typed = { company: 'HMRC', role: 'Tax Officer', status: 'saved', notes: 'Typed here' };

    async function seedChangedElsewhere() {
      localStorage.clear();
      const original = newApplication(inputOf({ ...typed, notes: '' }), id, opened);
      await updateGuest(() => [original]);
      // The other tab moves it to Interviewing.
      await updateGuest((apps) => apps.map((a) => moveApplication(a, 'interviewing', elsewhere)));
      return original.updatedAt;
    }

    it('is refused beside the form with what was typed, and the other tab’s change stays', async () => {
      const openedAt = await seedChangedElsewhere();
      const reply = await saveGuestApplication(editForm({ ...typed, updatedAt: openedAt }), id);
      expect(reply).toMatchObject({
        error: { '': [CHANGED_ELSEWHERE] },
        initialValue: { company: 'HMRC', role: 'Tax Officer', notes: 'Typed here' },
        updatedAt: elsewhere.toISOString(),
      });
      const [stored] = await guestApplications();
      expect(stored).toMatchObject({ status: 'interviewing', notes: null });
      expect(stored?.statusHistory).toHaveLength(2);
    });

    it('another tab’s save while this tab fetches the storage’s checks is seen, not overwritten', async () => {
      localStorage.clear();
      vi.resetModules();
      const storage = await import('~/guest/storage');
      const original = newApplication(inputOf({ ...typed, notes: '' }), id, opened);
      // As a checked write leaves it, so reading it needs no checks.
      const put = (application: typeof original) => {
        const data = { ...storage.emptyDocument(), applications: [application] };
        const raw = JSON.stringify({ version: storage.STORAGE_VERSION, data });
        localStorage.setItem(GUEST_KEY, raw);
        localStorage.setItem(storage.CHECKED_KEY, storage.checkedMark(raw));
      };
      put(original);
      vi.doMock('~/guest/checks', async (importOriginal) => {
        // The other tab moves it to Interviewing while this one waits for the checks to arrive.
        put(moveApplication(original, 'interviewing', elsewhere));
        return importOriginal();
      });
      try {
        const fresh = await import('~/guest/actions');
        const reply = await fresh.saveGuestApplication(
          editForm({ ...typed, updatedAt: original.updatedAt }),
          id,
        );
        expect(reply).toMatchObject({ error: { '': [fresh.CHANGED_ELSEWHERE] } });
        const [stored] = await (await import('~/guest/applications')).guestApplications();
        expect(stored).toMatchObject({ status: 'interviewing', notes: null });
      } finally {
        vi.doUnmock('~/guest/checks');
        vi.resetModules();
      }
    });

    it('saves when sent again with the version the refusal named (the person chose to)', async () => {
      await seedChangedElsewhere();
      const reply = await saveGuestApplication(
        editForm({ ...typed, updatedAt: elsewhere.toISOString() }),
        id,
      );
      expect(reply).toBeInstanceOf(Response);
      expect((await guestApplications())[0]).toMatchObject({
        status: 'saved',
        notes: 'Typed here',
      });
    });

    it('saves at once when nothing changed since the form opened', async () => {
      localStorage.clear();
      const original = newApplication(inputOf({ ...typed, notes: '' }), id, opened);
      await updateGuest(() => [original]);
      const reply = await saveGuestApplication(
        editForm({ ...typed, updatedAt: original.updatedAt }),
        id,
      );
      expect(reply).toBeInstanceOf(Response);
      expect((await guestApplications())[0]).toMatchObject({ notes: 'Typed here' });
    });
  });

  it('an edit with a date applied after an answer already dated is refused beside the date, as an account’s is', async () => {
    localStorage.clear();
    const id = '0b7e2f4c-9a1d-4c3e-8f5b-2d6a7c8e9f10';
    const applied = { company: 'DWP', role: 'Work Coach', status: 'applied' };
    const original = newApplication(
      inputOf({
        ...applied,
        'dateApplied.day': '1',
        'dateApplied.month': '10',
        'dateApplied.year': '2026',
      }),
      id,
      new Date('2026-10-01T09:00:00Z'),
    );
    // Rejected, recorded on 25 November and dated by hand to 14 October; an interview on the 20th.
    const interviewed = moveApplication(original, 'interviewing', new Date('2026-10-20T09:00:00Z'));
    const rejected = moveApplication(interviewed, 'rejected', new Date('2026-11-25T09:00:00Z'));
    await updateGuest(() => [
      dateHistoryEntry(rejected, rejected.statusHistory.length - 1, '2026-10-14'),
    ]);
    const before = localStorage.getItem(GUEST_KEY);
    const edit = (day: string) =>
      saveGuestApplication(
        editForm({
          ...applied,
          status: 'rejected',
          notes: 'Panel of three',
          'dateApplied.day': day,
          'dateApplied.month': '10',
          'dateApplied.year': '2026',
        }),
        id,
      );

    const message =
      'Date applied must be on or before 14 Oct 2026, the day this application moved to Rejected ' +
      '(to change that day, use “Change date” in its status history)';
    expect(await edit('15')).toMatchObject({
      error: {
        dateApplied: [message],
        'dateApplied.day': [message],
        'dateApplied.month': [message],
        'dateApplied.year': [message],
      },
      initialValue: { notes: 'Panel of three' },
    });
    expect(localStorage.getItem(GUEST_KEY)).toBe(before);

    expect(await edit('14')).toBeInstanceOf(Response);
    expect((await guestApplications())[0]).toMatchObject({
      dateApplied: '2026-10-14',
      notes: 'Panel of three',
    });
  });

  it('an edit’s date applied is checked only against answers since the application was last sent', async () => {
    localStorage.clear();
    const id = '6c1d3e5f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
    // Withdrawn from Saved on 5 October (decided not to apply), then applied on the 20th after all.
    const saved = newApplication(
      inputOf({ company: 'Ofsted', role: 'Administrative Officer', status: 'saved' }),
      id,
      new Date('2026-10-01T09:00:00Z'),
    );
    await updateGuest(() => [
      moveApplication(saved, 'withdrawn', new Date('2026-10-05T09:00:00Z')),
    ]);
    const reply = await saveGuestApplication(
      editForm({
        company: 'Ofsted',
        role: 'Administrative Officer',
        status: 'applied',
        'dateApplied.day': '20',
        'dateApplied.month': '10',
        'dateApplied.year': '2026',
      }),
      id,
    );
    expect(reply).toBeInstanceOf(Response);
    expect((await guestApplications())[0]).toMatchObject({
      status: 'applied',
      dateApplied: '2026-10-20',
    });

    // Moved from Saved straight to Interviewing (never through Applied): the interview answers it.
    localStorage.clear();
    await updateGuest(() => [
      moveApplication(saved, 'interviewing', new Date('2026-10-05T09:00:00Z')),
    ]);
    const refused = await saveGuestApplication(
      editForm({
        company: 'Ofsted',
        role: 'Administrative Officer',
        status: 'interviewing',
        'dateApplied.day': '20',
        'dateApplied.month': '10',
        'dateApplied.year': '2026',
      }),
      id,
    );
    expect(refused).toMatchObject({
      error: { dateApplied: [expect.stringMatching(/5 Oct 2026/)] },
    });
  });

  it('a mistaken move to Saved and back keeps the date applied, as an account’s does', () => {
    const applied = newApplication(
      inputOf({
        company: 'DVLA',
        role: 'Clerk',
        status: 'applied',
        'dateApplied.day': '2',
        'dateApplied.month': '11',
        'dateApplied.year': '2026',
      }),
    );
    const back = moveApplication(
      moveApplication(applied, 'saved', new Date('2026-11-20T09:00:00Z')),
      'applied',
      new Date('2026-11-20T09:05:00Z'),
    );
    expect(back).toMatchObject({ status: 'applied', dateApplied: '2026-11-02' });
  });

  it('an application added at Saved with a date applied is refused beside the date, as an account’s is', async () => {
    localStorage.clear();
    const reply = await saveGuestApplication(
      editForm({
        company: 'Leeds Teaching Hospitals NHS Trust',
        role: 'Staff Nurse (Band 5)',
        status: 'saved',
        'dateApplied.day': '26',
        'dateApplied.month': '11',
        'dateApplied.year': '2026',
      }),
      null,
    );
    expect(reply).toMatchObject({
      error: { dateApplied: [SAVED_WITH_DATE], 'dateApplied.day': [SAVED_WITH_DATE] },
      initialValue: { role: 'Staff Nurse (Band 5)' },
    });
    expect(localStorage.getItem(GUEST_KEY)).toBeNull();
  });

  it('an application added at Applied with no date applied is dated today, as an account’s is', async () => {
    localStorage.clear();
    const saved = await saveGuestApplication(
      editForm({ company: 'HM Revenue and Customs', role: 'Executive Officer', status: 'applied' }),
      null,
    );
    expect(saved).toBeInstanceOf(Response);
    const [added] = await guestApplications();
    const today = todayInLondon();
    expect(added).toMatchObject({ status: 'applied', dateApplied: today });
    expect(added!.statusHistory).toEqual([
      expect.objectContaining({ from: null, to: 'applied', on: today }),
    ]);
  });

  it('an application moved to Applied on the edit form with no date applied is dated today, as an account’s is', () => {
    const job = { company: 'Ofsted', role: 'Administrative Officer' };
    const saved = newApplication(
      inputOf({ ...job, status: 'saved' }),
      undefined,
      new Date('2026-11-01T09:00:00Z'),
    );
    const now = new Date('2026-11-20T10:00:00Z');
    const moved = editApplication(saved, inputOf({ ...job, status: 'applied' }), now);
    expect(moved).toMatchObject({ status: 'applied', dateApplied: '2026-11-20' });
    expect(moved.statusHistory.at(-1)).toMatchObject({
      from: 'saved',
      to: 'applied',
      on: '2026-11-20',
    });
    // Already at Applied with no date: saved as typed, nothing invented.
    const undated = { ...moved, dateApplied: null };
    expect(
      editApplication(undated, inputOf({ ...job, status: 'applied' }), now).dateApplied,
    ).toBeNull();
  });

  describe('a board move', () => {
    it('saves the new status with its history entry', async () => {
      localStorage.clear();
      const card = newApplication(
        inputOf({ company: 'DVLA', role: 'Administrative Officer', status: 'saved' }),
      );
      await updateGuest(() => [card]);
      const saved = await moveGuestApplication(card.id, 'applied');
      const [moved] = await guestApplications();
      expect(moved).toMatchObject({ status: 'applied' });
      expect(moved?.statusHistory.at(-1)).toMatchObject({ from: 'saved', to: 'applied' });
      // Named as the application's history names its entries, for the notice that says it.
      expect(saved).toEqual({ change: `${card.id}-${moved!.statusHistory.length - 1}` });
    });

    it('can be undone, which puts back its status and the date applied it set', async () => {
      localStorage.clear();
      const card = newApplication(
        inputOf({ company: 'HMRC', role: 'Executive Officer (EO)', status: 'saved' }),
      );
      await updateGuest(() => [card]);
      await moveGuestApplication(card.id, 'applied');
      expect((await guestApplications())[0]?.dateApplied).not.toBeNull();
      expect(await undoGuestMove(card.id)).toBeNull();
      expect((await guestApplications())[0]).toMatchObject({
        status: 'saved',
        dateApplied: null,
        statusHistory: card.statusHistory,
      });
    });

    it('to the status it already has changes nothing and names no move', async () => {
      localStorage.clear();
      const card = newApplication(inputOf({ company: 'DVLA', role: 'AO', status: 'applied' }));
      await updateGuest(() => [card]);
      expect(await moveGuestApplication(card.id, 'applied')).toEqual({ change: null });
      expect(await guestApplications()).toEqual([card]);
    });

    it('of an application deleted in another tab says so and saves nothing', async () => {
      localStorage.clear();
      expect(await moveGuestApplication(crypto.randomUUID(), 'applied')).toEqual({
        error: expect.stringMatching(/no longer in this browser/),
      });
      expect(localStorage.getItem(GUEST_KEY)).toBeNull();
    });
  });
});
