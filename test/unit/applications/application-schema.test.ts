import { parseWithZod } from '@conform-to/zod/v4';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApplicationSchema, isUuid, StatusChangeSchema } from '~/applications/application-schema';
import { isWebAddress } from '~/applications/web-address';

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

const parse = (fields: Record<string, string>) =>
  parseWithZod(form({ company: 'Leeds City Council', role: 'Policy Officer', ...fields }), {
    schema: ApplicationSchema,
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
      });
    }
  });

  it('accepts every field filled in, keeping the salary exactly as typed', () => {
    const result = parse({
      status: 'applied',
      dateApplied: '2026-11-20',
      closingDate: '2026-12-05',
      advertUrl: 'https://www.civilservicejobs.service.gov.uk/csr/jobs.cgi?jcode=123',
      location: 'Leeds',
      salary: '£32,000–£36,000',
      source: 'Civil Service Jobs',
      notes: 'Line one\nLine two',
    });
    expect(result.status).toBe('success');
    if (result.status === 'success') expect(result.value.salary).toBe('£32,000–£36,000');
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
    ['salary', 100, 'Salary must be 100 characters or fewer'],
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
    'www.example.com/job',
    'https://',
  ])('refuses the advert address %s', (advertUrl) => {
    expect(errorsOf({ advertUrl }).advertUrl).toEqual([
      'Enter a web address starting with https:// or http://',
    ]);
  });

  it('accepts http and https advert addresses', () => {
    expect(parse({ advertUrl: 'http://example.com/job' }).status).toBe('success');
    expect(parse({ advertUrl: 'https://example.com/job?id=1' }).status).toBe('success');
  });

  it.each(['2026-02-30', '2026-13-01', '27/11/2026', 'tomorrow', '2026-1-5'])(
    'refuses %s as a date',
    (value) => {
      expect(errorsOf({ closingDate: value }).closingDate?.[0]).toMatch(/real date/);
      expect(errorsOf({ dateApplied: value }).dateApplied?.[0]).toMatch(/real date/);
    },
  );

  it('keeps dates between 2000 and 2100', () => {
    expect(errorsOf({ closingDate: '1999-12-31' }).closingDate).toEqual([
      'Closing date must be between 2000 and 2100',
    ]);
    expect(errorsOf({ closingDate: '2101-01-01' }).closingDate).toEqual([
      'Closing date must be between 2000 and 2100',
    ]);
    expect(parse({ closingDate: '2100-12-31', dateApplied: '2000-01-01' }).status).toBe('success');
  });

  it('allows a date applied of tomorrow (time zones) but not later', () => {
    expect(parse({ dateApplied: '2026-11-28' }).status).toBe('success');
    expect(errorsOf({ dateApplied: '2026-11-29' }).dateApplied).toEqual([
      'Date applied cannot be in the future',
    ]);
  });

  it('lets a closing date lie in the past or the future', () => {
    expect(parse({ closingDate: '2020-01-01' }).status).toBe('success');
    expect(parse({ closingDate: '2030-01-01' }).status).toBe('success');
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
