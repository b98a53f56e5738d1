import { describe, expect, it } from 'vitest';
import {
  guessDateOrder,
  readDate,
  readSalary,
  readStatus,
  readYesNo,
} from '~/portability/csv-import/cells';

describe('reading a date cell', () => {
  it.each([
    ['27/11/2026', '2026-11-27'],
    ['3/4/2026', '2026-04-03'],
    ['03.04.2026', '2026-04-03'],
    ['27-11-2026', '2026-11-27'],
    ['27/11/26', '2026-11-27'],
    ['2026-11-27', '2026-11-27'],
    ['2026-11-27T09:15:00Z', '2026-11-27'],
    ['2026-11-27 09:15:00', '2026-11-27'],
    ['27 Nov 2026', '2026-11-27'],
    ['27th November 2026', '2026-11-27'],
    ['Fri 27 Nov 2026', '2026-11-27'],
    ['Nov 27, 2026', '2026-11-27'],
    ['3 Sept 2026', '2026-09-03'],
  ])('reads “%s” day first (UK) as %s', (text, date) => {
    expect(readDate(text, 'dmy')).toEqual({ date });
  });

  it('reads slashes month first when the file is in US order', () => {
    expect(readDate('11/27/2026', 'mdy')).toEqual({ date: '2026-11-27' });
    expect(readDate('03/04/2026', 'mdy')).toEqual({ date: '2026-03-04' });
  });

  it('treats an empty cell as no date', () => {
    expect(readDate('  ', 'dmy')).toEqual({ date: null });
  });

  it.each(['31/02/2026', '2026-02-30', '32/01/2026', 'next Tuesday', '27 Novembr 2026', '2026'])(
    'refuses “%s” with a reason',
    (text) => {
      expect(readDate(text, 'dmy')).toEqual({ problem: expect.stringContaining(text) });
    },
  );

  it('shows how to write a date it cannot read in the order the file uses', () => {
    expect(readDate('next Tuesday', 'dmy')).toEqual({
      problem: '“next Tuesday” is not a date JobTrack can read: write it like 27/11/2026',
    });
    expect(readDate('next Tuesday', 'mdy')).toEqual({
      problem: '“next Tuesday” is not a date JobTrack can read: write it like 11/27/2026',
    });
  });

  it('says a date that only fits month first may be in US order', () => {
    expect(readDate('11/27/2026', 'dmy')).toEqual({
      problem: '“11/27/2026” is not a date written day first; it may be month first (US)',
    });
  });

  it('says a date that only fits day first, read month first, may be in UK order', () => {
    expect(readDate('20/11/2026', 'mdy')).toEqual({
      problem: '“20/11/2026” is not a date written month first; it may be day first (UK)',
    });
  });
});

describe('guessing how a file writes its dates', () => {
  it('is day first when a day above 12 comes first, or when nothing tells', () => {
    expect(guessDateOrder(['27/10/2026', '03/11/2026'])).toEqual({ order: 'dmy', mixed: false });
    expect(guessDateOrder(['03/04/2026', '2026-11-27', ''])).toEqual({
      order: 'dmy',
      mixed: false,
    });
  });

  it('is month first when only month first fits some dates', () => {
    expect(guessDateOrder(['11/14/2026', '11/02/2026'])).toEqual({ order: 'mdy', mixed: false });
  });

  it('says the file is mixed when some dates fit only one order and some only the other', () => {
    expect(guessDateOrder(['27/10/2026', '11/14/2026', '03/04/2026'])).toEqual({
      order: 'dmy',
      mixed: true,
    });
  });
});

describe('reading a status', () => {
  it.each([
    ['Applied', 'applied'],
    ['WISHLIST', 'saved'],
    ['Bookmarked', 'saved'],
    ['Applying', 'saved'],
    ['Interview booked', 'interviewing'],
    ['Assessment centre', 'interviewing'],
    ['Negotiating', 'offer'],
    ['Offer accepted', 'accepted'],
    ['Not Selected', 'rejected'],
    ['Unsuccessful', 'rejected'],
    ['I Withdrew', 'withdrawn'],
    ['No Response', 'ghosted'],
  ] as const)('reads “%s” as %s', (text, status) => {
    expect(readStatus(text, false).status).toBe(status);
  });

  it('marks a stage it only matched by a word inside as the nearest, not known', () => {
    expect(readStatus('Waiting to hear back', true)).toEqual({ status: 'applied', known: false });
    expect(readStatus('2nd interview (panel)', true)).toEqual({
      status: 'interviewing',
      known: false,
    });
  });

  it('makes an unknown stage Applied when the row has a date applied, else Saved', () => {
    expect(readStatus('Purple', true)).toEqual({ status: 'applied', known: false });
    expect(readStatus('Purple', false)).toEqual({ status: 'saved', known: false });
    expect(readStatus('', false)).toEqual({ status: 'saved', known: true });
  });
});

describe('reading a salary', () => {
  it.each([
    ['£29,970 - £36,483', 29970, 36483, null],
    ['£28,407 to £30,220 a year', 28407, 30220, null],
    ['£30k–£35k', 30000, 35000, null],
    ['32000', 32000, 32000, null],
    ['£36,483 - £29,970', 29970, 36483, null],
    ['Up to £40,000', null, 40000, null],
    ['From £30,000 per annum', 30000, null, null],
    ['£29,970 to £36,483 pro rata', 29970, 36483, 'pro rata'],
    ['£31,000 plus London weighting', 31000, 31000, 'plus London weighting'],
  ])('reads “%s” as from %s to %s', (text, min, max, note) => {
    expect(readSalary(text)).toEqual({ min, max, note });
  });

  it.each(['£12.45 an hour', '£95 per day', '£15ph', 'Competitive', 'Band 5'])(
    'keeps “%s” as the note, not as yearly figures',
    (text) => {
      expect(readSalary(text)).toEqual({ min: null, max: null, note: text });
    },
  );
});

describe('reading yes or no', () => {
  it('reads the usual spellings and refuses anything else', () => {
    expect(['Yes', 'y', 'TRUE', '1'].map(readYesNo)).toEqual([true, true, true, true]);
    expect(['No', 'n', 'false', '0'].map(readYesNo)).toEqual([false, false, false, false]);
    expect(readYesNo('')).toBeNull();
    expect(readYesNo('maybe')).toBeUndefined();
  });
});
