import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, type CalendarEvent } from '~/calendar/ics';
import { fromLondon } from '~/events/london-time';

// Every check here reads the file back with ical.js (a maintained RFC 5545 parser), as a calendar
// app would, rather than matching the text.

function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  // Times are read against the file's own VTIMEZONE, not the parser's built-in knowledge.
  for (const zone of root.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  return root;
}

const base: CalendarEvent = {
  id: '11111111-1111-4111-8111-111111111111',
  applicationId: '22222222-2222-4222-8222-222222222222',
  kind: 'interview',
  startsAt: fromLondon('2026-06-10', '14:30')!,
  format: 'video',
  place: null,
  link: 'https://meet.example.org/abc',
  notes: 'Ask about the team; bring ID, passport',
  company: 'Leeds City Council',
  role: 'Policy Officer',
};

const calendarOf = (events: CalendarEvent[], followUps = []) =>
  parse(buildCalendar({ events, followUps, origin: 'https://jobtrack.example', name: 'JobTrack' }));

describe('an event as an iCalendar file', () => {
  it('is a VCALENDAR with a Europe/London VTIMEZONE and the event at its London time', () => {
    const root = calendarOf([base]);
    expect(root.name).toBe('vcalendar');
    expect(root.getFirstPropertyValue('version')).toBe('2.0');
    const zone = root.getFirstSubcomponent('vtimezone')!;
    expect(zone.getFirstPropertyValue('tzid')).toBe('Europe/London');
    const vevent = root.getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/London');
    const event = new ICAL.Event(vevent);
    expect(event.startDate.zone.tzid).toBe('Europe/London');
    expect(event.startDate.toString()).toBe('2026-06-10T14:30:00');
    // 14:30 in June is 13:30 UTC (British Summer Time).
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-06-10T13:30:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-06-10T14:30:00.000Z');
    expect(event.uid).toBe(`event-${base.id}@jobtrack`);
    expect(event.summary).toBe('Interview: Policy Officer at Leeds City Council');
    expect(event.description).toContain('Ask about the team; bring ID, passport');
    expect(event.description).toContain(
      `https://jobtrack.example/applications/${base.applicationId}`,
    );
    expect(event.location).toBe('https://meet.example.org/abc');
  });

  it('warns a day and an hour before, as display alarms', () => {
    const vevent = calendarOf([base]).getFirstSubcomponent('vevent')!;
    const alarms = vevent.getAllSubcomponents('valarm');
    expect(alarms.map((a) => a.getFirstPropertyValue('action'))).toEqual(['DISPLAY', 'DISPLAY']);
    const triggers = alarms.map((a) =>
      (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds(),
    );
    expect(triggers).toEqual([-24 * 3600, -3600]);
  });

  it.each([
    // The clocks go forward at 01:00 GMT on 29 March 2026: 00:30 is GMT, 02:30 is BST.
    ['2026-03-29', '00:30', '2026-03-29T00:30:00.000Z'],
    ['2026-03-29', '02:30', '2026-03-29T01:30:00.000Z'],
    // They go back at 02:00 BST on 25 October 2026: 00:30 is BST, 02:30 is GMT.
    ['2026-10-25', '00:30', '2026-10-24T23:30:00.000Z'],
    ['2026-10-25', '02:30', '2026-10-25T02:30:00.000Z'],
    ['2026-12-01', '09:00', '2026-12-01T09:00:00.000Z'],
  ])('keeps %s at %s (London) as the same instant across the clock change', (date, time, utc) => {
    const startsAt = fromLondon(date, time)!;
    expect(startsAt.toISOString()).toBe(utc);
    const event = new ICAL.Event(
      calendarOf([{ ...base, startsAt }]).getFirstSubcomponent('vevent')!,
    );
    expect(event.startDate.toString()).toBe(`${date}T${time}:00`);
    expect(event.startDate.toJSDate().toISOString()).toBe(utc);
  });

  it('never makes a link of an address that is not http(s)', () => {
    const root = calendarOf([{ ...base, link: 'javascript:alert(1)', place: null }]);
    const event = new ICAL.Event(root.getFirstSubcomponent('vevent')!);
    expect(event.location).toBeNull();
    expect(event.description).not.toContain('javascript:');
    expect(root.getFirstSubcomponent('vevent')!.getFirstPropertyValue('url')).toBe(
      `https://jobtrack.example/applications/${base.applicationId}`,
    );
  });

  it('keeps text with line breaks, commas and semicolons in one property', () => {
    const notes = 'Line one\nLine two; with, punctuation\r\nBEGIN:VEVENT';
    const root = calendarOf([{ ...base, notes }]);
    expect(root.getAllSubcomponents('vevent')).toHaveLength(1);
    const event = new ICAL.Event(root.getFirstSubcomponent('vevent')!);
    expect(event.description).toContain('Line two; with, punctuation');
    expect(event.description).toContain('BEGIN:VEVENT');
  });
});

describe('a follow-up as an iCalendar file', () => {
  it('is an all-day event on its date with an alarm at 09:00 that day', () => {
    const root = parse(
      buildCalendar({
        events: [],
        followUps: [
          {
            applicationId: base.applicationId,
            followUpOn: '2026-10-25',
            company: 'Acme',
            role: 'Analyst',
          },
        ],
        origin: 'https://jobtrack.example',
        name: 'JobTrack',
      }),
    );
    const vevent = root.getFirstSubcomponent('vevent')!;
    const event = new ICAL.Event(vevent);
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe('2026-10-25');
    expect(event.summary).toBe('Chase if no reply: Analyst at Acme');
    const alarm = vevent.getFirstSubcomponent('valarm')!;
    const trigger = alarm.getFirstProperty('trigger')!;
    expect((trigger.getFirstValue() as ICAL.Duration).toSeconds()).toBe(9 * 3600);
    // From the start of the day: from its end (the default), it would ring at 09:00 the next day.
    expect(trigger.getParameter('related')).toBe('START');
    // RFC 5545: the stamp is in UTC.
    expect((vevent.getFirstPropertyValue('dtstamp') as ICAL.Time).zone?.tzid).toBe('UTC');
  });
});
