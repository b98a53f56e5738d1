import { describe, expect, it } from 'vitest';
import {
  containsPattern,
  DEFAULT_LIST_QUERY,
  listQuerySearch,
  MAX_SEARCH,
  PAGE_SIZE,
  pageWindow,
  parseListQuery,
} from '~/applications/list-query';

const parse = (search: string) => parseListQuery(new URLSearchParams(search));

describe('parsing the list URL', () => {
  it('gives the defaults for an empty URL: everything, last updated first, page 1', () => {
    expect(parse('')).toEqual({ q: '', status: null, sort: 'updated', page: 1 });
    expect(DEFAULT_LIST_QUERY).toEqual(parse(''));
  });

  it('reads a full set of filters', () => {
    expect(parse('q=Analyst&status=interviewing&sort=closing&page=3')).toEqual({
      q: 'Analyst',
      status: 'interviewing',
      sort: 'closing',
      page: 3,
    });
    expect(parse('sort=applied').sort).toBe('applied');
  });

  it('treats "All statuses" (an empty status) as no status filter', () => {
    expect(parse('q=&status=&sort=updated').status).toBeNull();
  });

  it.each([
    ['status=hired', { status: null }],
    ['status=APPLIED', { status: null }],
    ['sort=salary', { sort: 'updated' }],
    ['sort=', { sort: 'updated' }],
    ['page=0', { page: 1 }],
    ['page=-2', { page: 1 }],
    ['page=2.5', { page: 1 }],
    ['page=1e3', { page: 1 }],
    ['page=abc', { page: 1 }],
    ['page=99999999999999999999', { page: 1 }],
    ['page=%00', { page: 1 }],
  ])('falls back to the default for %s', (search, expected) => {
    expect(parse(search)).toMatchObject(expected);
  });

  it('trims the search and cuts it to a sane length', () => {
    expect(parse('q=%20%20Leeds%20%20').q).toBe('Leeds');
    expect(parse(`q=${'x'.repeat(5000)}`).q).toHaveLength(MAX_SEARCH);
  });

  it('folds line breaks, tabs and runs of spaces into one space, so a search never spans two fields', () => {
    expect(parse('q=Leeds%0A%0D%09City%20%20Council').q).toBe('Leeds City Council');
  });

  it('takes the first of repeated parameters', () => {
    expect(parse('status=offer&status=applied').status).toBe('offer');
  });
});

describe('building the list URL', () => {
  it('leaves defaults out, so the plain list is /applications', () => {
    expect(listQuerySearch(DEFAULT_LIST_QUERY)).toBe('');
  });

  it('round-trips through parsing', () => {
    const query = { q: 'R&D 50% off', status: 'offer' as const, sort: 'applied' as const, page: 4 };
    const search = listQuerySearch(query);
    expect(search).toBe('?q=R%26D+50%25+off&status=offer&sort=applied&page=4');
    expect(parse(search.slice(1))).toEqual(query);
  });
});

describe('search patterns', () => {
  it('matches the text anywhere', () => {
    expect(containsPattern('Leeds')).toBe('%Leeds%');
  });

  it('escapes the wildcards % and _ and the escape character itself', () => {
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});

describe('page window', () => {
  it('pages 25 at a time', () => {
    expect(PAGE_SIZE).toBe(25);
    expect(pageWindow(60, 2)).toEqual({ page: 2, pages: 3, offset: 25 });
  });

  it('clamps a page beyond the end to the last page', () => {
    expect(pageWindow(60, 9)).toEqual({ page: 3, pages: 3, offset: 50 });
  });

  it('has one (empty) page when there is nothing', () => {
    expect(pageWindow(0, 1)).toEqual({ page: 1, pages: 1, offset: 0 });
  });
});
