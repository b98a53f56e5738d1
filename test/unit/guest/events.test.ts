// @vitest-environment happy-dom
import { replyMessages, type FormReply } from '~/components/forms/messages';
import { parseWithZod } from '@conform-to/zod';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApplicationInput } from '~/applications/application-schema';
import type { Status } from '~/applications/statuses';
import { EventSchema, type EventInput } from '~/events/event-schema';
import { MAX_EVENTS_PER_APPLICATION } from '~/events/limits';
import { guestApplications } from '~/guest/applications';
import {
  APPLICATION_GONE,
  DATE_CHANGED_BEFORE_DELETE,
  DATE_CHANGED_ELSEWHERE,
  EVENT_GONE,
  CHANGE_GONE,
  saveGuestEvent,
  saveGuestFollowUp,
  saveGuestHistoryDate,
} from '~/guest/event-actions';
import { addEvent, deleteEvent, eventRows, updateEvent } from '~/guest/events';
import { editApplication, moveApplication, newApplication } from '~/guest/records';
import { updateGuest } from '~/guest/save';

const applied = (extra: Partial<ApplicationInput> = {}): ApplicationInput => ({
  company: 'Department for Work and Pensions',
  role: 'Work Coach, Executive Officer',
  status: 'applied',
  dateApplied: '2026-11-16',
  mayCloseEarly: false,
  ...extra,
});

function form(fields: Record<string, string>) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  return body;
}

const post = (fields: Record<string, string>) =>
  new Request('http://localhost/guest/application/events/new', {
    method: 'POST',
    body: form(fields),
  });

const interview = {
  kind: 'interview',
  'date.day': '3',
  'date.month': '12',
  'date.year': '2026',
  time: '2.30pm',
  format: 'video',
  place: 'Microsoft Teams',
  notes: 'Panel of three; Success Profiles behaviours',
};

function eventInput(fields: Record<string, string> = interview): EventInput {
  const submission = parseWithZod(form(fields), { schema: EventSchema });
  if (submission.status !== 'success') throw new Error('invalid test input');
  return submission.value;
}

describe('a guest follow-up date follows the account rules', () => {
  // Today, for the rules that look at it: 20 November 2026.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-20T12:00:00Z'));
  });
  afterEach(() => void vi.useRealTimers());

  it('starts 14 days after applying when added as Applied (today, with no date given), and not otherwise', () => {
    expect(newApplication(applied()).followUpOn).toBe('2026-11-30');
    expect(newApplication(applied({ dateApplied: undefined }))).toMatchObject({
      dateApplied: '2026-11-20',
      followUpOn: '2026-12-04',
    });
    expect(newApplication(applied({ status: 'interviewing' })).followUpOn).toBeNull();
    expect(newApplication(applied({ status: 'saved' })).followUpOn).toBeNull();
  });

  it('is suggested when a Saved application first reaches Applied, from the day it is moved', () => {
    const saved = newApplication(applied({ status: 'saved', dateApplied: undefined }));
    const moved = moveApplication(saved, 'applied', new Date('2026-11-20T12:00:00Z'));
    expect(moved).toMatchObject({ dateApplied: '2026-11-20', followUpOn: '2026-12-04' });
    const edited = editApplication(saved, applied({ dateApplied: '2026-11-19' }));
    expect(edited.followUpOn).toBe('2026-12-03');
  });

  it('starts with none when the suggested day has already passed, so nothing starts overdue', () => {
    // Applied on 1 October: 14 days on was 15 October, before today.
    expect(newApplication(applied({ dateApplied: '2026-10-01' })).followUpOn).toBeNull();
    const saved = newApplication(applied({ status: 'saved', dateApplied: '2026-10-01' }));
    expect(moveApplication(saved, 'applied').followUpOn).toBeNull();
    expect(editApplication(saved, applied({ dateApplied: '2026-10-01' })).followUpOn).toBeNull();
    // A date applied moved past the person's own follow-up date, onto a suggestion also past.
    const set = {
      ...newApplication(applied({ dateApplied: '2026-09-01' })),
      followUpOn: '2026-09-20',
    };
    expect(editApplication(set, applied({ dateApplied: '2026-10-01' })).followUpOn).toBeNull();
  });

  it('is removed, not re-suggested, for a rejected application whose date applied passes it', () => {
    const rejected = {
      ...newApplication(applied({ status: 'rejected', dateApplied: '2026-11-10' })),
      followUpOn: '2026-11-15',
    };
    const edited = editApplication(
      rejected,
      applied({ status: 'rejected', dateApplied: '2026-11-19' }),
    );
    expect(edited.followUpOn).toBeNull();
  });

  it('moves to the suggestion when a move back to Applied dates it after the follow-up date', () => {
    const first = newApplication(applied({ dateApplied: '2026-11-01' }));
    // Its date applied since removed, a follow-up date set, then moved on to Interviewing.
    const away = moveApplication(
      { ...first, dateApplied: null, followUpOn: '2026-11-12' },
      'interviewing',
    );
    expect(moveApplication(away, 'applied')).toMatchObject({
      dateApplied: '2026-11-20',
      followUpOn: '2026-12-04',
    });
  });

  it('is not suggested again once removed, when the application goes back to Applied', () => {
    const first = newApplication(applied());
    const removed = { ...first, followUpOn: null };
    const away = moveApplication(removed, 'saved');
    expect(moveApplication(away, 'applied').followUpOn).toBeNull();
    expect(editApplication(away, applied()).followUpOn).toBeNull();
  });

  it('moves a follow-up date that a later date applied would leave behind', () => {
    const set = {
      ...newApplication(applied({ dateApplied: '2026-11-20' })),
      followUpOn: '2026-11-22',
    };
    expect(editApplication(set, applied({ dateApplied: '2026-11-21' })).followUpOn).toBe(
      '2026-11-22',
    );
    expect(editApplication(set, applied({ dateApplied: '2026-11-25' })).followUpOn).toBe(
      '2026-12-09',
    );
  });

  it('keeps a date the person set, through edits and moves', () => {
    const set = {
      ...newApplication(applied({ status: 'saved', dateApplied: undefined })),
      followUpOn: '2026-12-10',
    };
    expect(moveApplication(set, 'applied').followUpOn).toBe('2026-12-10');
    expect(editApplication(set, applied({ notes: 'Chased by phone' })).followUpOn).toBe(
      '2026-12-10',
    );
    expect(moveApplication(set, 'rejected').followUpOn).toBe('2026-12-10');
  });
});

describe('guest events', () => {
  const app = newApplication(applied(), '0b6a4c1e-8f3d-4a2b-9c7e-5d1f2e3a4b5c');
  const key = '3e9d7f4b-1c6a-4d5e-8f8b-8a4c5b6d7e8f';

  it('adds one event per one-time key, stored as the export format holds it (UTC)', () => {
    const once = addEvent(app, eventInput(), key, new Date('2026-11-20T09:00:00Z'));
    if (once === 'full') throw new Error('full');
    expect(once.events).toEqual([
      {
        id: key,
        kind: 'interview',
        // 14:30 in London in December is 14:30 UTC.
        startsAt: '2026-12-03T14:30:00.000Z',
        format: 'video',
        place: 'Microsoft Teams',
        link: null,
        notes: 'Panel of three; Success Profiles behaviours',
        createdAt: '2026-11-20T09:00:00.000Z',
        updatedAt: '2026-11-20T09:00:00.000Z',
      },
    ]);
    expect(addEvent(once, eventInput(), key)).toBe(once);
  });

  it('refuses a new event past the most one application holds', () => {
    const one = (addEvent(app, eventInput(), key) as typeof app).events[0]!;
    const events = Array.from({ length: MAX_EVENTS_PER_APPLICATION }, () => ({
      ...one,
      id: crypto.randomUUID(),
    }));
    expect(addEvent({ ...app, events }, eventInput(), key)).toBe('full');
    expect(addEvent({ ...app, events: events.slice(1) }, eventInput(), key)).not.toBe('full');
  });

  it('changes and deletes only the event named, and lists them soonest first whatever their offset', () => {
    const later = crypto.randomUUID();
    let a = addEvent(app, eventInput(), key) as typeof app;
    a = addEvent(
      a,
      eventInput({ ...interview, 'date.day': '1', kind: 'phone_screen' }),
      later,
    ) as typeof app;
    // An imported file may write an instant with an offset: 1 Dec 10:00+01:00 is 09:00 UTC.
    a = {
      ...a,
      events: [
        ...a.events,
        { ...a.events[0]!, id: crypto.randomUUID(), startsAt: '2026-12-01T10:00:00+01:00' },
      ],
    };
    expect(eventRows(a).map((e) => [e.kind, e.startsAt])).toEqual([
      ['interview', '2026-12-01T09:00:00.000Z'],
      ['phone_screen', '2026-12-01T14:30:00.000Z'],
      ['interview', '2026-12-03T14:30:00.000Z'],
    ]);
    const changed = updateEvent(a, key, eventInput({ ...interview, time: '09:15' }));
    expect(changed.events.find((e) => e.id === key)!.startsAt).toBe('2026-12-03T09:15:00.000Z');
    expect(changed.events.find((e) => e.id === later)).toEqual(
      a.events.find((e) => e.id === later),
    );
    expect(deleteEvent(changed, key).events.map((e) => e.id)).not.toContain(key);
    expect(deleteEvent(changed, key).events).toHaveLength(2);
  });
});

describe('guest event and follow-up forms', () => {
  const id = '0b6a4c1e-8f3d-4a2b-9c7e-5d1f2e3a4b5c';
  beforeEach(async () => {
    localStorage.clear();
    await updateGuest(() => [newApplication(applied(), id)]);
  });
  const events = async () => (await guestApplications())[0]!.events;

  it('refuses a bad form beside its fields with every value kept, saving nothing', async () => {
    const reply = await saveGuestEvent(post({ ...interview, time: 'half two' }), id, null);
    expect(reply).toMatchObject({
      error: { time: ['Enter the time like 14:30 or 2.30pm'] },
      initialValue: { place: 'Microsoft Teams', time: 'half two' },
    });
    expect(await events()).toEqual([]);
  });

  it('asks for the date and the time together when both are left empty', async () => {
    const empty = {
      kind: 'interview',
      'date.day': '',
      'date.month': '',
      'date.year': '',
      time: '',
    };
    const reply = await saveGuestEvent(post(empty), id, null);
    expect(reply).toMatchObject({
      error: { date: ['Enter the date'], time: ['Enter the time, for example 14:30'] },
    });
    expect(await events()).toEqual([]);
  });

  it('moves an Applied application to Interviewing with an interview when the box is ticked, once', async () => {
    const stored = async () => (await guestApplications())[0]!;
    const createKey = crypto.randomUUID();
    const booked = { ...interview, createKey, toInterviewing: 'on' };
    await saveGuestEvent(post(booked), id, null);
    await saveGuestEvent(post(booked), id, null);
    expect((await stored()).status).toBe('interviewing');
    expect((await stored()).statusHistory.map((h) => [h.from, h.to])).toEqual([
      [null, 'applied'],
      ['applied', 'interviewing'],
    ]);
    expect((await stored()).events).toHaveLength(1);
  });

  it('leaves the status alone with the box unticked, or for an offer deadline', async () => {
    const stored = async () => (await guestApplications())[0]!;
    await saveGuestEvent(post(interview), id, null);
    const deadline = { ...interview, kind: 'offer_deadline', toInterviewing: 'on' };
    await saveGuestEvent(post(deadline), id, null);
    expect((await stored()).events).toHaveLength(2);
    expect((await stored()).status).toBe('applied');
  });

  it('adds the event once when the same form is sent twice, then goes back to the application', async () => {
    const createKey = crypto.randomUUID();
    const first = await saveGuestEvent(post({ ...interview, createKey }), id, null);
    expect(first).toBeInstanceOf(Response);
    expect((first as Response).headers.get('Location')).toBe(`/guest/application#${id}`);
    await saveGuestEvent(post({ ...interview, createKey }), id, null);
    expect((await events()).map((e) => e.id)).toEqual([createKey]);
  });

  it('edits and deletes, and says so beside the form when the event or application has gone', async () => {
    const createKey = crypto.randomUUID();
    await saveGuestEvent(post({ ...interview, createKey }), id, null);
    await saveGuestEvent(post({ ...interview, time: '10:00' }), id, createKey);
    expect((await events())[0]!.startsAt).toBe('2026-12-03T10:00:00.000Z');
    expect(await saveGuestEvent(post({ intent: 'delete' }), id, createKey)).toBeInstanceOf(
      Response,
    );
    expect(await events()).toEqual([]);
    expect(await saveGuestEvent(post(interview), id, createKey)).toMatchObject({
      error: { '': [EVENT_GONE] },
      initialValue: { place: 'Microsoft Teams' },
    });
    await expect(saveGuestEvent(post({ intent: 'delete' }), id, createKey)).rejects.toMatchObject({
      status: 404,
    });
    expect(await saveGuestEvent(post(interview), crypto.randomUUID(), null)).toMatchObject({
      error: { '': [APPLICATION_GONE] },
    });
  });

  describe('a date another tab changed after its edit page opened', () => {
    // Tab one opened the edit page on the date as added; tab two then moved it to 10:00.
    async function changedElsewhere() {
      const createKey = crypto.randomUUID();
      await saveGuestEvent(post({ ...interview, createKey }), id, null);
      const opened = (await events())[0]!.updatedAt;
      await updateGuest((apps) =>
        apps.map((a) =>
          // A minute later, so the versions differ however fast the test runs.
          updateEvent(
            a,
            createKey,
            eventInput({ ...interview, time: '10:00' }),
            new Date(Date.now() + 60_000),
          ),
        ),
      );
      const newer = (await events())[0]!.updatedAt;
      expect(newer).not.toBe(opened);
      return { createKey, opened, newer };
    }

    it('refuses the stale edit beside the form with what was typed, keeping the other tab’s change', async () => {
      const { createKey, opened, newer } = await changedElsewhere();
      const typed = { ...interview, notes: 'Typed in tab one' };
      const reply = await saveGuestEvent(post({ ...typed, updatedAt: opened }), id, createKey);
      expect(reply).toMatchObject({
        error: { '': [DATE_CHANGED_ELSEWHERE] },
        initialValue: { notes: 'Typed in tab one' },
        updatedAt: newer,
      });
      expect((await events())[0]).toMatchObject({
        startsAt: '2026-12-03T10:00:00.000Z',
        updatedAt: newer,
      });
      expect((await events())[0]!.notes).not.toBe('Typed in tab one');
    });

    it('saves the edit sent again with the version the refusal named, or one opened after the change', async () => {
      const { createKey, newer } = await changedElsewhere();
      const typed = { ...interview, notes: 'Typed in tab one' };
      expect(
        await saveGuestEvent(post({ ...typed, updatedAt: newer }), id, createKey),
      ).toBeInstanceOf(Response);
      expect((await events())[0]).toMatchObject({
        startsAt: '2026-12-03T14:30:00.000Z',
        notes: 'Typed in tab one',
      });
    });

    it('refuses a delete from the stale page, then deletes when asked again with the newer version', async () => {
      const { createKey, opened, newer } = await changedElsewhere();
      const refused = await saveGuestEvent(
        post({ intent: 'delete', updatedAt: opened }),
        id,
        createKey,
      );
      expect(refused).toEqual({ deleteRefused: DATE_CHANGED_BEFORE_DELETE, updatedAt: newer });
      expect(await events()).toHaveLength(1);
      const again = await saveGuestEvent(
        post({ intent: 'delete', updatedAt: newer }),
        id,
        createKey,
      );
      expect(again).toBeInstanceOf(Response);
      expect(await events()).toEqual([]);
    });
  });

  it('sets, asks for, and removes the follow-up date', async () => {
    const date = { 'followUpOn.day': '7', 'followUpOn.month': '12', 'followUpOn.year': '2026' };
    expect(await saveGuestFollowUp(post(date), id)).toBeInstanceOf(Response);
    expect((await guestApplications())[0]!.followUpOn).toBe('2026-12-07');
    expect(await saveGuestFollowUp(post({}), id)).toMatchObject({
      error: { followUpOn: ['Enter the date to chase by, or choose Remove'] },
    });
    expect((await guestApplications())[0]!.followUpOn).toBe('2026-12-07');
    await saveGuestFollowUp(post({ intent: 'clear' }), id);
    expect((await guestApplications())[0]!.followUpOn).toBeNull();
  });

  it('refuses a follow-up date before the day the guest applied, beside the field', async () => {
    const { dateApplied, followUpOn } = (await guestApplications())[0]!;
    const early = { 'followUpOn.day': '1', 'followUpOn.month': '1', 'followUpOn.year': '2020' };
    expect(await saveGuestFollowUp(post(early), id)).toMatchObject({
      error: {
        followUpOn: ['The follow-up date cannot be before the day you applied, 16 Nov 2026'],
      },
    });
    expect(dateApplied).toBe('2026-11-16');
    expect((await guestApplications())[0]!.followUpOn).toBe(followUpOn);
  });
});

describe('a guest dates a status change as an account does', () => {
  const id = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
  const day = (iso: string) => {
    const [year, month, date] = iso.split('-');
    return { 'on.day': date!, 'on.month': month!, 'on.year': year! };
  };
  beforeEach(async () => {
    localStorage.clear();
    // Applied on 16 Nov, told of a rejection by phone, recorded on 28 Nov.
    const added = newApplication(applied(), id, new Date('2026-11-16T18:00:00Z'));
    await updateGuest(() => [moveApplication(added, 'rejected', new Date('2026-11-28T09:00:00Z'))]);
  });
  const history = async () => (await guestApplications())[0]!.statusHistory;

  it('gives the day the rejection happened, which the history then shows', async () => {
    expect((await history()).map((h) => [h.to, h.on])).toEqual([
      ['applied', '2026-11-16'],
      ['rejected', null],
    ]);
    expect(await saveGuestHistoryDate(post(day('2026-11-20')), id, 1)).toBeInstanceOf(Response);
    expect((await history()).map((h) => [h.to, h.on])).toEqual([
      ['applied', '2026-11-16'],
      ['rejected', '2026-11-20'],
    ]);
  });

  it('refuses beside the field a day before applying, in the future or left empty', async () => {
    for (const [fields, message] of [
      [day('2026-11-01'), 'The date must be on or after the day you applied (16 Nov 2026)'],
      [day('2099-01-01'), 'The date must be today or in the past'],
      [{}, 'Enter the date it happened'],
    ] as const) {
      expect(await saveGuestHistoryDate(post(fields), id, 1)).toMatchObject({
        error: { on: [message] },
      });
    }
    expect((await history())[1]!.on).toBeNull();
  });

  it('refuses beside the field a day that puts the history out of order, naming the move', async () => {
    // Applied on 16 Nov; an interview recorded on 20 Nov and an offer on 28 Nov.
    const added = newApplication(applied(), id, new Date('2026-11-16T18:00:00Z'));
    const interviewed = moveApplication(added, 'interviewing', new Date('2026-11-20T10:00:00Z'));
    await updateGuest(() => [
      moveApplication(interviewed, 'offer', new Date('2026-11-28T09:00:00Z')),
    ]);
    const inTheWay = (side: 'after' | 'before', day: string, status: string) =>
      `The date must be on or ${side} ${day}, the day this application moved to ${status} (to change that day, use “Change date” beside it in the status history)`;
    expect(await saveGuestHistoryDate(post(day('2026-11-18')), id, 2)).toMatchObject({
      error: { on: [inTheWay('after', '20 Nov 2026', 'Interviewing')] },
    });
    expect(await saveGuestHistoryDate(post(day('2026-11-27')), id, 1)).toBeInstanceOf(Response);
    expect(await saveGuestHistoryDate(post(day('2026-11-25')), id, 2)).toMatchObject({
      error: { on: [inTheWay('after', '27 Nov 2026', 'Interviewing')] },
    });
    expect(await saveGuestHistoryDate(post(day('2026-11-27')), id, 2)).toBeInstanceOf(Response);
    expect(await saveGuestHistoryDate(post(day('2026-11-28')), id, 1)).toMatchObject({
      error: { on: [inTheWay('before', '27 Nov 2026', 'Offer')] },
    });
    expect((await history()).map((h) => [h.to, h.on])).toEqual([
      ['applied', '2026-11-16'],
      ['interviewing', '2026-11-27'],
      ['offer', '2026-11-27'],
    ]);
  });

  /** The guest's application with this history (oldest first), applied on `dateApplied`. */
  const withHistory = (
    dateApplied: string,
    history: Array<[from: Status | null, to: Status, at: string, on: string | null]>,
  ) => {
    const added = newApplication(
      applied({ dateApplied: dateApplied || undefined }),
      id,
      new Date(history[0]![2]),
    );
    const statusHistory = history.map(([from, to, at, on]) => ({ from, to, at, on }));
    const status = history.at(-1)![1];
    return updateGuest(() => [
      { ...added, status, dateApplied: dateApplied || null, statusHistory },
    ]);
  };

  it('lets a history already out of order be put right one move at a time', async () => {
    await withHistory('2026-11-02', [
      [null, 'applied', '2026-11-02T09:00:00.000Z', '2026-11-02'],
      ['applied', 'interviewing', '2026-11-21T09:00:00.000Z', '2026-11-20'],
      ['interviewing', 'offer', '2026-11-22T09:00:00.000Z', '2026-11-10'],
      ['offer', 'withdrawn', '2026-11-23T09:00:00.000Z', '2026-11-05'],
    ]);
    for (const [index, on] of [
      [1, '2026-11-06'],
      [2, '2026-11-07'],
      [3, '2026-11-08'],
    ] as const) {
      expect(await saveGuestHistoryDate(post(day(on)), id, index), on).toBeInstanceOf(Response);
    }
    expect((await history()).map((h) => h.on)).toEqual([
      '2026-11-02',
      '2026-11-06',
      '2026-11-07',
      '2026-11-08',
    ]);
  });

  it('weighs a withdrawal recorded as the application was added, as an account does', async () => {
    await withHistory('', [
      [null, 'withdrawn', '2026-11-10T09:00:00.000Z', '2026-11-10'],
      ['withdrawn', 'interviewing', '2026-11-12T09:00:00.000Z', null],
    ]);
    expect(await saveGuestHistoryDate(post(day('2026-11-05')), id, 1)).toMatchObject({
      error: {
        on: [
          expect.stringMatching(
            /^The date must be on or after 10 Nov 2026, the day this application moved to Withdrawn/,
          ),
        ],
      },
    });
    expect(await saveGuestHistoryDate(post(day('2026-11-11')), id, 0)).toBeInstanceOf(Response);
  });

  it('weighs a move against the answers to its own sending, after applying again', async () => {
    await withHistory('2026-11-01', [
      [null, 'applied', '2026-10-05T09:00:00.000Z', '2026-10-05'],
      ['applied', 'rejected', '2026-11-20T09:00:00.000Z', null],
      ['rejected', 'applied', '2026-11-21T09:00:00.000Z', '2026-11-01'],
      ['applied', 'interviewing', '2026-11-22T09:00:00.000Z', null],
    ]);
    expect(await saveGuestHistoryDate(post(day('2026-11-03')), id, 3)).toBeInstanceOf(Response);
    expect(await saveGuestHistoryDate(post(day('2026-10-15')), id, 1)).toBeInstanceOf(Response);
    expect(await saveGuestHistoryDate(post(day('2026-10-30')), id, 3)).toMatchObject({
      error: { on: ['The date must be on or after the day you applied (1 Nov 2026)'] },
    });
    expect((await history()).map((h) => h.on)).toEqual([
      '2026-10-05',
      '2026-10-15',
      '2026-11-01',
      '2026-11-03',
    ]);
  });

  it('dates a move to Applied on the board by the date applied, which an edit then moves', () => {
    const saved = newApplication(
      { ...applied(), status: 'saved', dateApplied: '2026-11-20' },
      id,
      new Date('2026-11-20T18:00:00Z'),
    );
    const moved = moveApplication(saved, 'applied', new Date('2026-11-28T09:00:00Z'));
    expect(moved.statusHistory.at(-1)).toMatchObject({ to: 'applied', on: '2026-11-20' });
    const edited = editApplication(moved, { ...applied(), dateApplied: '2026-11-18' });
    expect(edited.statusHistory.at(-1)).toMatchObject({ to: 'applied', on: '2026-11-18' });
  });

  it('does not date the move to Applied here, nor a change that is not there', async () => {
    for (const [application, index] of [
      [id, 0],
      [id, 5],
      ['0b6a4c1e-8f3d-4a2b-9c7e-5d1f2e3a4b5c', 1],
    ] as const) {
      expect(await saveGuestHistoryDate(post(day('2026-11-20')), application, index)).toMatchObject(
        {
          error: { '': [CHANGE_GONE] },
        },
      );
    }
    expect((await history()).map((h) => h.on)).toEqual(['2026-11-16', null]);
  });
});

describe('the guest dashboard’s "Mark as ghosted"', () => {
  it('is the one-step status change, saved in this browser, back to the dashboard', async () => {
    const { clientAction } = await import('~/routes/guest._index');
    localStorage.clear();
    window.history.replaceState(null, '', '/guest');
    const id = '0b6a4c1e-8f3d-4a2b-9c7e-5d1f2e3a4b5c';
    await updateGuest(() => [newApplication(applied(), id)]);
    const request = new Request('http://localhost/guest?index', {
      method: 'POST',
      body: form({ intent: 'status', id, status: 'ghosted' }),
    });
    const answer = await clientAction({ request, params: {} } as Parameters<
      typeof clientAction
    >[0]);
    // Back to the dashboard, which says the move (named in the fragment) with Undo beside it.
    expect((answer as Response).headers.get('Location')).toBe(`/guest#moved=${id}-1`);
    expect((await guestApplications())[0]).toMatchObject({ status: 'ghosted' });
    expect((await guestApplications())[0]!.statusHistory.at(-1)).toMatchObject({
      from: 'applied',
      to: 'ghosted',
    });
  });

  it('answers a change it cannot make with a message for the dashboard, changing nothing', async () => {
    const { clientAction } = await import('~/routes/guest._index');
    localStorage.clear();
    await updateGuest(() => [newApplication(applied(), '0b6a4c1e-8f3d-4a2b-9c7e-5d1f2e3a4b5c')]);
    const before = localStorage.getItem('jobtrack-guest');
    const full = vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const request = new Request('http://localhost/guest?index', {
      method: 'POST',
      body: form({
        intent: 'status',
        id: '0b6a4c1e-8f3d-4a2b-9c7e-5d1f2e3a4b5c',
        status: 'ghosted',
      }),
    });
    const answer = await clientAction({ request, params: {} } as Parameters<
      typeof clientAction
    >[0]).finally(() => full.mockRestore());
    expect(answer).not.toBeInstanceOf(Response);
    expect(replyMessages(answer as FormReply).join(' ')).toMatch(/no room left/);
    expect(localStorage.getItem('jobtrack-guest')).toBe(before);
  });
});
