import { describe, expect, it } from 'vitest';
import { ExportSchema, parseExport } from '~/portability/format';

const APP_ID = '3f1c2a9e-6b7d-4e21-9a4b-0c5d8e7f6a10';
const STATEMENT_ID = '8a2b4c6d-1e3f-4a5b-8c7d-9e0f1a2b3c4d';

/** A small valid export, with `change` applied to its one application. */
function documentWith(change: (app: Record<string, unknown>) => void = () => {}) {
  const app: Record<string, unknown> = {
    id: APP_ID,
    company: 'Acme',
    role: 'Analyst',
    status: 'applied',
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-02T09:00:00.000Z',
    statusHistory: [{ from: null, to: 'applied', at: '2026-11-01T09:00:00.000Z' }],
    statements: [
      {
        id: STATEMENT_ID,
        kind: 'supporting',
        jobTitle: 'Analyst',
        employer: 'Acme',
        advert: '',
        personSpec: '',
        wordLimit: 500,
        tone: 'professional',
        createdAt: '2026-11-01T09:00:00.000Z',
        updatedAt: '2026-11-01T09:00:00.000Z',
      },
    ],
  };
  change(app);
  return {
    format: 'jobtrack',
    version: 1,
    exportedAt: '2026-11-28T12:00:00.000Z',
    applications: [app],
  };
}

describe('the export format refuses what it cannot store', () => {
  it('accepts the small valid document the other cases change', () => {
    const parsed = parseExport(JSON.stringify(documentWith()));
    expect(parsed).toMatchObject({ ok: true });
  });

  it('refuses 100,000 empty applications on their count, without checking each one', () => {
    const doc = { ...documentWith(), applications: Array.from({ length: 100_000 }, () => ({})) };
    const result = ExportSchema.safeParse(doc);
    expect(result.success).toBe(false);
    // One issue, about the array: zod 3 alone would report every element's missing fields.
    expect(result.error!.issues).toHaveLength(1);
    expect(parseExport(JSON.stringify(doc))).toEqual({
      ok: false,
      message:
        'This export cannot be imported: applications is not valid (more than 10,000). Nothing was imported.',
    });
  });

  it('says in plain words what a hand-edited file got wrong', () => {
    const refusal = (change: (app: Record<string, unknown>) => void) => {
      const parsed = parseExport(JSON.stringify(documentWith(change)));
      return parsed.ok ? null : parsed.message;
    };
    expect(refusal((a) => (a.status = 'hired'))).toBe(
      'This export cannot be imported: application 1, status is not valid (“hired” is not one of “saved”, “applied”, “interviewing”, “offer”, “accepted”, “rejected”, “withdrawn”, “ghosted”). Nothing was imported.',
    );
    expect(refusal((a) => (a.status = 'x'.repeat(100_000)))).toContain(
      `“${'x'.repeat(39)}…” is not`,
    );
    expect(refusal((a) => delete a.company)).toContain(
      'application 1, company is not valid (it is missing)',
    );
    expect(refusal((a) => (a.salaryMin = '30k'))).toContain(
      'salaryMin is not valid (it should be a number, not text)',
    );
    expect(refusal((a) => (a.role = 'x'.repeat(201)))).toContain('longer than 200 characters');
    expect(refusal((a) => (a.updatedAt = 'yesterday'))).toContain(
      'a date and time like 2026-11-27T09:30:00Z is needed',
    );
  });

  it('caps the statements of an application and those of no application before their elements', () => {
    const many = Array.from({ length: 100_000 }, () => ({}));
    const nested = ExportSchema.safeParse(documentWith((a) => (a.statements = many)));
    expect(nested.error!.issues).toEqual([
      expect.objectContaining({ path: ['applications', 0, 'statements'] }),
    ]);
    const top = ExportSchema.safeParse({ ...documentWith(), statements: many });
    expect(top.error!.issues).toEqual([expect.objectContaining({ path: ['statements'] })]);
  });

  it('refuses a NUL character in any text, which PostgreSQL cannot store', () => {
    const parsed = parseExport(JSON.stringify(documentWith((a) => (a.company = 'Ac\u0000me'))));
    expect(parsed).toMatchObject({
      ok: false,
      message: expect.stringContaining('application 1, company'),
    });
    const inNotes = parseExport(JSON.stringify(documentWith((a) => (a.notes = 'x\u0000'))));
    expect(inNotes.ok).toBe(false);
  });

  it.each([
    ['an offset beyond ±14:00', '2026-11-01T09:00:00+99:99'],
    ['an offset of 14:30', '2026-11-01T09:00:00+14:30'],
    ['the year 0000', '0000-01-01T00:00:00Z'],
    ['the year 9999 with an offset', '9999-12-31T23:59:59-12:00'],
    ['a year before 2000', '1999-12-31T12:00:00Z'],
  ])('refuses an instant with %s', (_what, at) => {
    const parsed = parseExport(JSON.stringify(documentWith((a) => (a.createdAt = at))));
    expect(parsed).toMatchObject({ ok: false, message: expect.stringContaining('createdAt') });
  });

  it('accepts an instant with an offset within ±14:00', () => {
    const parsed = parseExport(
      JSON.stringify(documentWith((a) => (a.createdAt = '2026-11-01T09:00:00+14:00'))),
    );
    expect(parsed).toMatchObject({ ok: true });
  });

  it('reads upper-case ids in lower case, and finds one repeated in another case', () => {
    const parsed = parseExport(JSON.stringify(documentWith((a) => (a.id = APP_ID.toUpperCase()))));
    expect(parsed.ok && parsed.document.applications[0]!.id).toBe(APP_ID);
    const twice = documentWith();
    twice.applications.push({
      ...twice.applications[0]!,
      id: APP_ID.toUpperCase(),
      statements: [],
    });
    expect(parseExport(JSON.stringify(twice))).toMatchObject({
      ok: false,
      message: expect.stringContaining('an id appears twice'),
    });
  });
});

describe('the export format reads a file as the forms would have stored it', () => {
  it('trims optional texts and company and role, and stores nothing but spaces as no value', () => {
    const parsed = parseExport(
      JSON.stringify(
        documentWith((a) => {
          a.company = '  Acme ';
          a.notes = '   ';
          a.location = ' Leeds ';
        }),
      ),
    );
    expect(parsed.ok && parsed.document.applications[0]).toMatchObject({
      company: 'Acme',
      notes: null,
      location: 'Leeds',
    });
  });

  it('reads a date applied after today: a clock put back must not make saved data unreadable', () => {
    const parsed = parseExport(JSON.stringify(documentWith((a) => (a.dateApplied = '2099-01-01'))));
    expect(parsed.ok && parsed.document.applications[0]!.dateApplied).toBe('2099-01-01');
  });

  it('takes a version still being written as interrupted, and refuses an unknown failure', () => {
    const version = {
      number: 1,
      name: null,
      text: 'Half a draft',
      status: 'generating',
      wordLimit: 500,
      createdAt: '2026-11-01T09:00:00.000Z',
      updatedAt: '2026-11-01T09:00:00.000Z',
    };
    const withVersion = (v: object) =>
      documentWith((a) => ((a.statements as Array<Record<string, unknown>>)[0]!.versions = [v]));
    const parsed = parseExport(JSON.stringify(withVersion(version)));
    expect(parsed.ok && parsed.document.applications[0]!.statements[0]!.versions[0]).toMatchObject({
      status: 'incomplete',
      failure: 'interrupted',
    });
    const unknown = parseExport(
      JSON.stringify(withVersion({ ...version, status: 'incomplete', failure: '<b>oops</b>' })),
    );
    expect(unknown).toMatchObject({ ok: false, message: expect.stringContaining('failure') });
  });

  it('refuses a statement over the builder’s 30,000 characters in all', () => {
    const parsed = parseExport(
      JSON.stringify(
        documentWith((a) => {
          const st = (a.statements as Array<Record<string, unknown>>)[0]!;
          st.advert = 'a'.repeat(15_000);
          st.personSpec = 'b'.repeat(15_000);
        }),
      ),
    );
    expect(parsed).toMatchObject({
      ok: false,
      message: expect.stringContaining('30,000 characters'),
    });
  });
});

describe('the export format’s follow-up dates, events and settings', () => {
  const EVENT = {
    id: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
    kind: 'interview',
    startsAt: '2026-06-10T13:30:00.000Z',
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
  };
  const withEvents = (events: unknown[]) =>
    ExportSchema.safeParse(
      documentWith((app) => {
        app.events = events;
      }),
    );

  it('reads a file made before they existed with none, and no setting', () => {
    const doc = ExportSchema.parse(documentWith());
    expect(doc.applications[0]).toMatchObject({ followUpOn: null, events: [] });
    expect(doc.settings).toEqual({ ghostAfterWeeks: null });
  });

  it('fills an event’s missing fields with nothing and trims its texts', () => {
    const parsed = withEvents([{ ...EVENT, place: '  Civic Hall ', notes: '   ' }]);
    expect(parsed.data!.applications[0]!.events).toEqual([
      { ...EVENT, format: null, place: 'Civic Hall', link: null, notes: null },
    ]);
  });

  it.each([
    ['an unknown kind', { kind: 'lunch' }],
    ['an unknown format', { format: 'carrier pigeon' }],
    ['a link that is not a web address', { link: 'javascript:alert(1)' }],
    ['a place over the form’s 300 characters', { place: 'x'.repeat(301) }],
    ['notes over the form’s 5,000 characters', { notes: 'x'.repeat(5001) }],
    ['a start that is not an instant', { startsAt: '2026-06-10 14:30' }],
  ])('refuses an event with %s', (_, change) => {
    expect(withEvents([{ ...EVENT, ...change }]).success).toBe(false);
  });

  it('refuses more than 200 events on one application, and one event id twice', () => {
    const many = Array.from({ length: 201 }, () => ({ ...EVENT, id: crypto.randomUUID() }));
    expect(withEvents(many.slice(0, 200)).success).toBe(true);
    expect(withEvents(many).error!.issues).toHaveLength(1);
    expect(withEvents([EVENT, EVENT]).success).toBe(false);
  });

  it('takes a ghost-after setting of 1 to 52 weeks and a real follow-up date', () => {
    const doc = (weeks: unknown, followUpOn: unknown) =>
      ExportSchema.safeParse({
        ...documentWith((app) => {
          app.followUpOn = followUpOn;
        }),
        settings: { ghostAfterWeeks: weeks },
      }).success;
    expect(doc(6, '2026-12-10')).toBe(true);
    expect(doc(0, null)).toBe(false);
    expect(doc(53, null)).toBe(false);
    expect(doc(4.5, null)).toBe(false);
    expect(doc(4, '2026-02-30')).toBe(false);
  });
});
