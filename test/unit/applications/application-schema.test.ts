import { parseWithZod } from '@conform-to/zod';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApplicationSchema, StatusChangeSchema } from '~/applications/application-schema';
import { isUuid } from '~/http/uuid';
import { isWebAddress } from '~/applications/web-address';
import { WEB_ADDRESS } from '~/applications/web-address';

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

const parse = (fields: Record<string, string>) =>
  parseWithZod(form({ company: 'Leeds City Council', role: 'Policy Officer', ...fields }), {
    schema: ApplicationSchema,
  });

/** A date input's three boxes, as the form sends them. */
const date = (name: string, day: string, month: string, year: string) => ({
  [`${name}.day`]: day,
  [`${name}.month`]: month,
  [`${name}.year`]: year,
});

function errorsOf(fields: Record<string, string>) {
  const result = parse(fields);
  if (result.status === 'success') throw new Error('expected the submission to be invalid');
  return result.error ?? {};
}

describe('application form schema', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-27T12:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('accepts the two required fields alone, with status defaulting to saved', () => {
    const result = parse({});
    expect(result.status).toBe('success');
    if (result.status === 'success') {
      expect(result.value).toEqual({
        company: 'Leeds City Council',
        role: 'Policy Officer',
        status: 'saved',
        mayCloseEarly: false,
      });
    }
  });

  it('accepts every field filled in, reading dates, times and pounds', () => {
    const result = parse({
      status: 'applied',
      ...date('dateApplied', '20', '11', '2026'),
      ...date('closingDate', '5', 'Dec', '2026'),
      closingTime: '11:55pm',
      mayCloseEarly: 'on',
      advertUrl: 'https://www.civilservicejobs.service.gov.uk/csr/jobs.cgi?jcode=123',
      reference: '383021',
      grade: 'HEO',
      location: 'Leeds',
      source: 'Civil Service Jobs',
      salaryMin: '£36,530',
      salaryMax: '39k',
      salaryNote: 'pro rata',
      notes: 'Line one\nLine two',
    });
    expect(result.status).toBe('success');
    if (result.status === 'success') {
      expect(result.value).toMatchObject({
        dateApplied: '2026-11-20',
        closingDate: '2026-12-05',
        closingTime: '23:55',
        mayCloseEarly: true,
        reference: '383021',
        grade: 'HEO',
        salaryMin: 36_530,
        salaryMax: 39_000,
        salaryNote: 'pro rata',
      });
    }
  });

  it('requires company and role, and refuses ones made only of spaces', () => {
    const errors = errorsOf({ company: '   ', role: '' });
    expect(errors.company).toEqual(['Enter the company name']);
    expect(errors.role).toEqual(['Enter the role (the job title)']);
  });

  // The numbers are written out, not read from LIMITS: raising a limit must fail this test.
  it.each([
    ['company', 200, 'Company must be 200 characters or fewer'],
    ['role', 200, 'Role must be 200 characters or fewer'],
    ['advertUrl', 2000, 'Job advert URL must be 2,000 characters or fewer'],
    ['location', 200, 'Location must be 200 characters or fewer'],
    ['reference', 100, 'Reference number must be 100 characters or fewer'],
    ['grade', 100, 'Band or grade must be 100 characters or fewer'],
    ['salaryNote', 200, 'Salary note must be 200 characters or fewer'],
    ['source', 200, 'Source must be 200 characters or fewer'],
    ['notes', 20_000, 'Notes must be 20,000 characters or fewer'],
  ])('limits %s to %i characters', (field, max, message) => {
    const base = field === 'advertUrl' ? 'https://example.com/' : '';
    const at = base + 'a'.repeat(max - base.length);
    expect(parse({ [field]: at }).status).toBe('success');
    expect(errorsOf({ [field]: at + 'a' })[field]).toEqual([message]);
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,hi',
    'ftp://example.com/job',
    'https://',
    'jobs nhs uk',
    'nhsjobs',
    'localhost:3000/job',
  ])('refuses the advert address %s', (advertUrl) => {
    expect(errorsOf({ advertUrl }).advertUrl).toEqual([WEB_ADDRESS]);
  });

  it('accepts http and https advert addresses, and one pasted without its https://', () => {
    expect(parse({ advertUrl: 'http://example.com/job' }).status).toBe('success');
    expect(parse({ advertUrl: 'https://example.com/job?id=1' }).status).toBe('success');
    const pasted = parse({ advertUrl: 'www.jobs.nhs.uk/candidate/jobadvert/C9123-26-0456' });
    expect(pasted.status === 'success' && pasted.value.advertUrl).toBe(
      'https://www.jobs.nhs.uk/candidate/jobadvert/C9123-26-0456',
    );
  });

  it.each([
    [['31', '2', '2026'], 'Closing date must be a real date', ['day']],
    [['30', '13', '2026'], 'Closing date must be a real date', ['month']],
    [['x', 'y', '2026'], 'Closing date must be a real date', ['day', 'month']],
    [['0', '1', '2026'], 'Closing date must be a real date', ['day']],
    [['5', '1', '26'], 'Closing date: the year must have 4 numbers', ['year']],
    [['5', '', ''], 'Closing date must include a month and year', ['month', 'year']],
    [['', '', '2026'], 'Closing date must include a day and month', ['day', 'month']],
    [['5', '1', '1999'], 'Closing date must be between 2000 and 2100', ['year']],
    [['5', '1', '2101'], 'Closing date must be between 2000 and 2100', ['year']],
  ] as const)(
    'refuses the date %j beside the field, marking the boxes at fault',
    (parts, message, wrong) => {
      const errors = errorsOf(date('closingDate', ...(parts as [string, string, string])));
      expect(errors.closingDate).toEqual([message]);
      for (const part of ['day', 'month', 'year']) {
        expect(errors[`closingDate.${part}`], part).toEqual(
          (wrong as readonly string[]).includes(part) ? [message] : undefined,
        );
      }
    },
  );

  it.each([
    [['7', 'Nov', '2026'], '2026-11-07'],
    [['07', 'november', '2026'], '2026-11-07'],
    [['29', 'Feb', '2028'], '2028-02-29'],
    [[' 1 ', ' 9 ', ' 2026 '], '2026-09-01'],
    [['30', 'Sept', '2026'], '2026-09-30'],
  ] as const)('reads the date %j as %s', (parts, iso) => {
    const result = parse(date('closingDate', ...(parts as [string, string, string])));
    expect(result.status === 'success' && result.value.closingDate).toBe(iso);
  });

  it('treats a date left empty as no date', () => {
    const result = parse(date('closingDate', '', '', ''));
    expect(result.status === 'success' && result.value.closingDate).toBeUndefined();
  });

  it('allows a date applied of tomorrow (time zones) but not later', () => {
    const applied = { status: 'applied' };
    expect(parse({ ...applied, ...date('dateApplied', '28', '11', '2026') }).status).toBe(
      'success',
    );
    expect(
      errorsOf({ ...applied, ...date('dateApplied', '29', '11', '2026') }).dateApplied,
    ).toEqual(['Date applied must be today or in the past']);
  });

  it('lets a closing date lie in the past or the future', () => {
    expect(parse(date('closingDate', '1', '1', '2020')).status).toBe('success');
    expect(parse(date('closingDate', '1', '1', '2030')).status).toBe('success');
  });

  it('refuses a closing time it cannot read, and one without a closing date', () => {
    expect(
      errorsOf({ ...date('closingDate', '1', '1', '2030'), closingTime: '25:00' }).closingTime,
    ).toEqual(['Enter the closing time like 23:55, or leave it empty for the end of the day']);
    expect(errorsOf({ closingTime: '23:55' }).closingDate).toEqual([
      'Enter the closing date, or clear the closing time',
    ]);
  });

  it('refuses a salary that is not pounds, and a range that runs backwards', () => {
    expect(errorsOf({ salaryMin: 'about 30' }).salaryMin).toEqual([
      'Enter salary from in whole pounds a year, for example 32,000 (an hourly rate goes in the salary note)',
    ]);
    // Pence are never rounded away: an hourly rate belongs in the note.
    expect(errorsOf({ salaryMin: '12.50' }).salaryMin).toEqual([
      'Enter salary from in whole pounds a year, for example 32,000 (an hourly rate goes in the salary note)',
    ]);
    expect(errorsOf({ salaryMin: '40,000', salaryMax: '30,000' }).salaryMax).toEqual([
      'Salary to must be the same as or more than salary from',
    ]);
    expect(errorsOf({ salaryMax: '10000000' }).salaryMax).toEqual([
      'Salary to must be £9,999,999 or less',
    ]);
  });

  it('says every error at once: an empty company or role does not hold back the checks across fields', () => {
    const errors = errorsOf({
      company: '',
      role: '   ',
      salaryMin: '34,581',
      salaryMax: '28,407',
      closingTime: '17:00',
    });
    expect(errors.company).toEqual(['Enter the company name']);
    expect(errors.role).toEqual(['Enter the role (the job title)']);
    expect(errors.salaryMax).toEqual(['Salary to must be the same as or more than salary from']);
    expect(errors.closingDate).toEqual(['Enter the closing date, or clear the closing time']);
    // Each error beside its field: none for the form as a whole (the two halves merge cleanly).
    expect(errors['']).toBeUndefined();
  });

  it('refuses a status that is not one of the eight', () => {
    expect(errorsOf({ status: 'hired' }).status).toEqual(['Choose a status from the list']);
  });
});

describe('status change schema', () => {
  it('accepts each known status and nothing else', () => {
    expect(StatusChangeSchema.safeParse({ status: 'offer' }).success).toBe(true);
    expect(StatusChangeSchema.safeParse({ status: 'OFFER' }).success).toBe(false);
    expect(StatusChangeSchema.safeParse({}).success).toBe(false);
  });
});

describe('ids and addresses', () => {
  it('recognises only well-formed uuids', () => {
    expect(isUuid('0b6f1a52-6a0e-4d1f-9a57-6f3c1f2f1c2d')).toBe(true);
    expect(isUuid('0b6f1a52-6a0e-4d1f-9a57-6f3c1f2f1c2')).toBe(false);
    expect(isUuid("1' or '1'='1")).toBe(false);
    expect(isUuid(undefined)).toBe(false);
  });

  it('treats only absolute http(s) addresses as web addresses', () => {
    expect(isWebAddress('https://example.com')).toBe(true);
    expect(isWebAddress('/relative/path')).toBe(false);
    expect(isWebAddress('JAVASCRIPT:alert(1)')).toBe(false);
  });
});
