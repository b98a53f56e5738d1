import { describe, expect, it } from 'vitest';
import { MAX_EVENTS_PER_APPLICATION } from '~/events/limits';
import { datesToAdd } from '~/portability/date-fill';

const date = (id: string, startsAt: string) => ({ id, startsAt });
const none = () => false;

describe('the dates an application already held gains on import', () => {
  const file = [
    date('c', '2026-12-03T10:00:00Z'),
    date('b', '2026-12-01T09:00:00Z'),
    // 30 Nov 23:30 UTC: the earliest, though its text sorts after both above.
    date('a', '2026-12-01T01:30:00+02:00'),
  ];

  it('are all the new ones, earliest first, when there is room', () => {
    expect(datesToAdd(file, 0, none).map((d) => d.id)).toEqual(['a', 'b', 'c']);
  });

  it('stop at the limit, keeping the earliest', () => {
    const ids = (held: number) => datesToAdd(file, held, none).map((d) => d.id);
    expect(ids(MAX_EVENTS_PER_APPLICATION - 2)).toEqual(['a', 'b']);
    expect(ids(MAX_EVENTS_PER_APPLICATION)).toEqual([]);
    // An application somehow past the limit gains none, rather than a negative count.
    expect(ids(MAX_EVENTS_PER_APPLICATION + 5)).toEqual([]);
  });

  it('skip the dates already held, which take no room beyond the count given', () => {
    const ids = datesToAdd(file, MAX_EVENTS_PER_APPLICATION - 1, (id) => id === 'a');
    expect(ids.map((d) => d.id)).toEqual(['b']);
  });

  it('order dates at the same moment by id, as the account import’s SQL does', () => {
    const tie = [date('2e', '2026-12-01T09:00:00Z'), date('1c', '2026-12-01T10:00:00+01:00')];
    expect(datesToAdd(tie, MAX_EVENTS_PER_APPLICATION - 1, none).map((d) => d.id)).toEqual(['1c']);
  });
});
