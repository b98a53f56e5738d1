// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { addDays, todayInLondon } from '~/applications/dates';
import { importBackup } from '~/guest/import';
import { updateGuest } from '~/guest/save';
import { clearGuest, readGuest } from '~/guest/storage';
import { MAX_EVENTS_PER_APPLICATION } from '~/events/limits';
import { ADDED, fillerDate, FILLER, firstBackup, laterBackup } from '../../fixtures/date-fill';

const APP_ID = '3f1c2a9e-6b7d-4e21-9a4b-0c5d8e7f6a10';
const at = '2026-11-01T09:00:00.000Z';

const statement = (id: string) => ({
  id,
  kind: 'supporting',
  jobTitle: 'Work Coach',
  employer: 'Department for Work and Pensions',
  advert: '',
  personSpec: '',
  wordLimit: 500,
  tone: 'professional',
  createdAt: at,
  updatedAt: at,
});

/** An account's export: one application with a statement, and a statement of its own. */
function backup(dateApplied: string | null = '2026-10-30') {
  return JSON.stringify({
    format: 'jobtrack',
    version: 1,
    exportedAt: at,
    applications: [
      {
        id: APP_ID,
        company: 'Department for Work and Pensions',
        role: 'Work Coach',
        status: 'applied',
        dateApplied,
        createdAt: at,
        updatedAt: at,
        followUpOn: '2026-11-13',
        statusHistory: [{ from: null, to: 'applied', at }],
        events: [
          {
            id: '6c7d8e9f-0a1b-4c2d-9e3f-5a6b7c8d9e0f',
            kind: 'interview',
            startsAt: '2026-11-20T10:30:00Z',
            format: 'in_person',
            place: 'Sheffield Jobcentre',
            createdAt: at,
            updatedAt: at,
          },
        ],
        statements: [statement('8a2b4c6d-1e3f-4a5b-8c7d-9e0f1a2b3c4d')],
      },
    ],
    statements: [statement('5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f')],
  });
}

function upload(text: string) {
  const form = new FormData();
  form.set('file', new File([text], 'jobtrack.json', { type: 'application/json' }));
  return form;
}

describe('a backup imported into guest mode', () => {
  beforeEach(() => clearGuest());

  it('adds its applications once, and says how many statements stayed in the file', async () => {
    expect(await importBackup(upload(backup()))).toEqual({
      ok: true,
      added: 1,
      skipped: 0,
      datesAdded: 0,
      statementsLeft: 2,
    });
    const read = await readGuest();
    expect(read.ok && read.document.applications.map((a) => [a.company, a.statements])).toEqual([
      ['Department for Work and Pensions', []],
    ]);
    expect(await importBackup(upload(backup()))).toMatchObject({ ok: true, added: 0, skipped: 1 });
  });

  it('keeps its interviews and follow-up date, and a second import adds none of them again', async () => {
    await importBackup(upload(backup()));
    await importBackup(upload(backup()));
    const read = await readGuest();
    expect(read.ok && read.document.applications).toHaveLength(1);
    const [a] = read.ok ? read.document.applications : [];
    expect(a).toMatchObject({ followUpOn: '2026-11-13' });
    expect(a!.events.map((e) => [e.kind, e.place])).toEqual([['interview', 'Sheffield Jobcentre']]);
  });

  it('adds a held application’s dates it does not have, as the account’s import does', async () => {
    await importBackup(upload(backup()));
    const later = JSON.parse(backup());
    later.applications[0].events.push({
      id: '7d8e9fa0-1b2c-4d3e-8f4a-6b7c8d9e0f1a',
      kind: 'assessment_centre',
      startsAt: '2026-11-27T13:00:00Z',
      createdAt: at,
      updatedAt: at,
    });
    expect(await importBackup(upload(JSON.stringify(later)))).toMatchObject({
      ok: true,
      added: 0,
      skipped: 1,
      datesAdded: 1,
    });
    expect(await importBackup(upload(JSON.stringify(later)))).toMatchObject({ datesAdded: 0 });
    const read = await readGuest();
    const [a] = read.ok ? read.document.applications : [];
    expect(a!.events.map((e) => e.kind)).toEqual(['interview', 'assessment_centre']);
  });

  it('fills a held application up to its limit of dates, earliest first: the account import’s answer on the same file', async () => {
    // test/integration/portability/import.test.ts holds the account's import to the same answer.
    await importBackup(upload(firstBackup()));
    await updateGuest((apps) =>
      apps.map((a) => ({
        ...a,
        events: [...a.events, ...Array.from({ length: FILLER }, (_, n) => fillerDate(n))],
      })),
    );
    expect(await importBackup(upload(laterBackup()))).toMatchObject({
      ok: true,
      datesAdded: ADDED.length,
    });
    const read = await readGuest();
    const [a] = read.ok ? read.document.applications : [];
    expect(a!.events).toHaveLength(MAX_EVENTS_PER_APPLICATION);
    expect(a!.events.slice(-ADDED.length).map((e) => e.id)).toEqual(ADDED);
    expect(await importBackup(upload(laterBackup()))).toMatchObject({ datesAdded: 0 });
  });

  it('takes a date applied that is ahead of this device’s today (a clock behind the writer’s)', async () => {
    const ahead = addDays(todayInLondon(), 3);
    expect(await importBackup(upload(backup(ahead)))).toMatchObject({ ok: true, added: 1 });
    const read = await readGuest();
    expect(read.ok && read.document.applications[0]?.dateApplied).toBe(ahead);
  });

  it('says a spreadsheet or a file that is not a backup is not one, in words that fit guest mode', async () => {
    const csv = new FormData();
    const rows = 'Company,Role\r\nHM Revenue & Customs,Executive Officer (EO)\r\n';
    csv.set('file', new File([rows], 'jobtrack-applications.csv', { type: 'text/csv' }));
    for (const [form, message] of [
      [csv, /^This is a spreadsheet, not a JobTrack backup .*Nothing was imported\.$/],
      [upload('{"applications": []}'), /^This file is not a JobTrack export \(the \.json file/],
    ] as const) {
      const result = await importBackup(form);
      expect(result.ok).toBe(false);
      const errors = result.ok ? [] : (result.reply.error?.file ?? []);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(message);
      expect(errors[0]).not.toMatch(/account page/);
    }
    expect(await readGuest()).toMatchObject({ ok: true, document: { applications: [] } });
  });
});
