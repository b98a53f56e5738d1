// @vitest-environment happy-dom
import ICAL from 'ical.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { guestCalendarText } from '~/guest/calendar';
import { newApplication } from '~/guest/records';
import { updateGuest } from '~/guest/save';

const ORIGIN = 'https://jobtrack.example';
const id = '0b6a4c1e-8f3d-4a2b-9c7e-5d1f2e3a4b5c';
const eventId = '3e9d7f4b-1c6a-4d5e-8f8b-8a4c5b6d7e8f';

const events = (text: string) =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

describe('guest calendar files, made in the browser with the account’s builder', () => {
  beforeEach(async () => {
    localStorage.clear();
    const a = newApplication(
      {
        company: 'Leeds Teaching Hospitals NHS Trust',
        role: 'Staff Nurse, Band 5',
        status: 'applied',
        dateApplied: '2026-11-16',
        mayCloseEarly: false,
      },
      id,
      // Recorded the evening it was sent: its follow-up date, 14 days on, is still ahead.
      new Date('2026-11-16T18:00:00Z'),
    );
    await updateGuest(() => [
      {
        ...a,
        events: [
          {
            id: eventId,
            kind: 'interview',
            startsAt: '2026-12-03T14:30:00.000Z',
            format: 'in_person',
            place: 'St James’s University Hospital',
            link: null,
            notes: 'Bring NMC PIN and two forms of ID',
            createdAt: '2026-11-20T09:00:00.000Z',
            updatedAt: '2026-11-20T09:00:00.000Z',
          },
        ],
      },
    ]);
  });

  it('an event: its UK time, place, notes and a link back to the guest page (id in the fragment)', async () => {
    const text = (await guestCalendarText(id, eventId, ORIGIN))!;
    expect(text).toContain('DTSTART;TZID=Europe/London:20261203T143000');
    const [event] = events(text);
    expect(event!.summary).toBe(
      'Interview: Staff Nurse, Band 5 at Leeds Teaching Hospitals NHS Trust',
    );
    expect(event!.startDate.toString()).toBe('2026-12-03T14:30:00');
    expect(event!.location).toBe('St James’s University Hospital');
    expect(event!.description).toContain('Bring NMC PIN');
    expect(event!.description).toContain(`${ORIGIN}/guest/application#${id}`);
    expect(event!.uid).toBe(`event-${eventId}@jobtrack`);
  });

  it('the follow-up date: an all-day event 14 days after applying', async () => {
    const [chase] = events((await guestCalendarText(id, undefined, ORIGIN))!);
    expect(chase!.summary).toBe(
      'Chase if no reply: Staff Nurse, Band 5 at Leeds Teaching Hospitals NHS Trust',
    );
    expect(chase!.startDate.toString()).toBe('2026-11-30');
    expect(chase!.startDate.isDate).toBe(true);
  });

  it('nothing for an event, follow-up or application that is not there', async () => {
    expect(await guestCalendarText(id, crypto.randomUUID(), ORIGIN)).toBeNull();
    expect(await guestCalendarText(crypto.randomUUID(), undefined, ORIGIN)).toBeNull();
    await updateGuest((apps) => apps.map((a) => ({ ...a, followUpOn: null })));
    expect(await guestCalendarText(id, undefined, ORIGIN)).toBeNull();
  });
});
