import { describe, expect, it } from 'vitest';
import { GUEST_KEY } from '~/guest/mode';
import { guestApplicationCount } from '~/guest/waiting';

const holding = (text: string | null) => ({
  getItem: (key: string) => (key === GUEST_KEY ? text : null),
});

describe('the dashboard’s count of guest data left in this browser', () => {
  it('counts the stored applications', () => {
    const stored = { version: 2, data: { applications: [{}, {}, {}] } };
    expect(guestApplicationCount(holding(JSON.stringify(stored)))).toBe(3);
  });

  it('is 0, never an error, for no data or data that cannot be read', () => {
    for (const text of [null, '', 'not json', 'null', '[]', '{"data":"edited by hand"}', '{}']) {
      expect(guestApplicationCount(holding(text)), String(text)).toBe(0);
    }
  });
});
