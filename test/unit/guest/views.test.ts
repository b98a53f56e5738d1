import { describe, expect, it } from 'vitest';
import type { ApplicationInput } from '~/applications/application-schema';
import { DEFAULT_LIST_QUERY, PAGE_SIZE } from '~/applications/list-query';
import { historyOf } from '~/guest/detail';
import { editApplication, moveApplication, newApplication } from '~/guest/records';
import { guestBoard, guestDashboard, guestList } from '~/guest/views';

const NOW = { date: '2026-11-28', time: '12:00' };
const at = (iso: string) => new Date(iso);

function app(
  company: string,
  extra: Partial<ApplicationInput> = {},
  when = '2026-11-20T09:00:00Z',
) {
  return newApplication(
    { company, role: 'Executive Officer', status: 'saved', mayCloseEarly: false, ...extra },
    undefined,
    at(when),
  );
}

describe('guest list', () => {
  it('searches each text field, case-blind, and counts the matches by status', () => {
    const apps = [
      app('HM Land Registry', { notes: 'Panel asked about Success Profiles' }),
      app('DVLA', { grade: 'EO', status: 'applied', dateApplied: '2026-11-01' }),
      app('Ofsted'),
    ];
    const found = guestList(apps, { ...DEFAULT_LIST_QUERY, q: 'success profiles' }, NOW);
    expect(found.rows.map((r) => r.company)).toEqual(['HM Land Registry']);
    expect(found.total).toBe(1);
    const applied = guestList(apps, { ...DEFAULT_LIST_QUERY, status: 'applied' }, NOW);
    expect(applied.rows.map((r) => r.company)).toEqual(['DVLA']);
    expect(applied.counts).toMatchObject({ saved: 2, applied: 1 });
    expect(applied.matching).toBe(1);
  });

  it('reads typographic quotes and dashes as the plain ones a keyboard types, both ways', () => {
    const apps = [
      app('St John’s Hospice', { role: 'Nurse – Band 5' }),
      app("Sainsbury's", { notes: 'Ask for "Siân"' }),
    ];
    const search = (q: string) =>
      guestList(apps, { ...DEFAULT_LIST_QUERY, q }, NOW).rows.map((r) => r.company);
    expect(search("st john's")).toEqual(['St John’s Hospice']);
    expect(search('nurse - band')).toEqual(['St John’s Hospice']);
    expect(search('sainsbury’s')).toEqual(["Sainsbury's"]);
    expect(search('for “siân”')).toEqual(["Sainsbury's"]);
  });

  it('sorts by closing date: open soonest first (time breaking a tie), then closed, then none', () => {
    const apps = [
      app('No date'),
      app('Closed yesterday', { closingDate: '2026-11-27' }),
      app('Closes at noon today', { closingDate: '2026-11-28', closingTime: '11:59' }),
      app('Today 23:55', { closingDate: '2026-11-28', closingTime: '23:55' }),
      app('Today end of day', { closingDate: '2026-11-28' }),
      app('Next week', { closingDate: '2026-12-05' }),
    ];
    const { rows } = guestList(apps, { ...DEFAULT_LIST_QUERY, sort: 'closing' }, NOW);
    expect(rows.map((r) => r.company)).toEqual([
      'Today 23:55',
      'Today end of day',
      'Next week',
      'Closes at noon today',
      'Closed yesterday',
      'No date',
    ]);
  });

  it('pages by PAGE_SIZE and shows the last page for a page past the end', () => {
    const apps = Array.from({ length: PAGE_SIZE + 3 }, (_, i) =>
      app(`Trust ${i}`, {}, `2026-11-${String(1 + (i % 27)).padStart(2, '0')}T09:00:00Z`),
    );
    const last = guestList(apps, { ...DEFAULT_LIST_QUERY, page: 9 }, NOW);
    expect(last).toMatchObject({ page: 2, pages: 2 });
    expect(last.rows).toHaveLength(3);
  });

  it('the dashboard lists saved adverts still open and those missed', () => {
    const apps = [
      app('Open', { closingDate: '2026-12-01' }),
      app('Missed', { closingDate: '2026-11-01' }),
      app('Interview', { status: 'interviewing' }),
    ];
    const board = guestDashboard(apps, NOW);
    expect(board.toApply.map((r) => r.company)).toEqual(['Open']);
    expect(board.missed.map((r) => r.company)).toEqual(['Missed']);
    expect(board.interviewing.map((r) => r.company)).toEqual(['Interview']);
    expect(board).toMatchObject({ total: 3, toApplyTotal: 1, missedTotal: 1 });
  });
});

describe('guest records', () => {
  it('keeps a status history as the account does: the day applied, then each move, newest first', () => {
    const first = newApplication(
      {
        company: 'NHS England',
        role: 'Band 5 Analyst',
        status: 'interviewing',
        dateApplied: '2026-11-10',
        mayCloseEarly: false,
      },
      undefined,
      at('2026-11-12T10:00:00Z'),
    );
    const moved = moveApplication(first, 'offer', at('2026-11-20T10:00:00Z'));
    const history = historyOf(moved).map((h) => [h.fromStatus, h.toStatus, h.occurredOn]);
    expect(history).toEqual([
      ['interviewing', 'offer', null],
      ['applied', 'interviewing', null],
      [null, 'applied', '2026-11-10'],
    ]);
    // An edit that corrects the date applied moves the entry dated from it.
    const edited = editApplication(
      moved,
      {
        company: 'NHS England',
        role: 'Band 5 Analyst',
        status: 'offer',
        dateApplied: '2026-11-09',
        mayCloseEarly: false,
      },
      at('2026-11-21T10:00:00Z'),
    );
    expect(historyOf(edited).at(-1)).toMatchObject({
      toStatus: 'applied',
      occurredOn: '2026-11-09',
    });
  });

  it('moving to Applied without a date applied dates it today', () => {
    const saved = app('Environment Agency');
    const applied = moveApplication(saved, 'applied', at('2026-11-28T10:00:00Z'));
    expect(applied.dateApplied).toBe('2026-11-28');
    expect(moveApplication(applied, 'applied')).toBe(applied);
  });
});

describe('guest board', () => {
  it('has a column per status, Saved by closing date and the rest newest first', () => {
    const apps = [
      app('Later', { closingDate: '2026-12-20' }),
      app('Sooner', { closingDate: '2026-12-01' }),
      app('Older', { status: 'applied', dateApplied: '2026-11-01' }, '2026-11-10T09:00:00Z'),
      app('Newer', { status: 'applied', dateApplied: '2026-11-02' }, '2026-11-21T09:00:00Z'),
    ];
    const { columns, total } = guestBoard(apps, NOW);
    expect(total).toBe(4);
    expect(columns.map((c) => c.status)).toEqual([
      'saved',
      'applied',
      'interviewing',
      'offer',
      'accepted',
      'rejected',
      'withdrawn',
      'ghosted',
    ]);
    const of = (status: string) => columns.find((c) => c.status === status)!;
    expect(of('saved').rows.map((r) => r.company)).toEqual(['Sooner', 'Later']);
    expect(of('applied').rows.map((r) => r.company)).toEqual(['Newer', 'Older']);
    expect(of('offer')).toMatchObject({ total: 0, rows: [] });
  });

  it('shows the first 20 cards of a column and counts them all', () => {
    const apps = Array.from({ length: 23 }, (_, i) => app(`Employer ${i}`, { status: 'rejected' }));
    const rejected = guestBoard(apps, NOW).columns.find((c) => c.status === 'rejected')!;
    expect(rejected.total).toBe(23);
    expect(rejected.rows).toHaveLength(20);
  });
});
