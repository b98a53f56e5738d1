import { describe, expect, it } from 'vitest';
import { STATUS_LABELS, statusLabel } from '~/applications/statuses';

describe('statuses', () => {
  it('have the labels the UI promises', () => {
    expect(Object.values(STATUS_LABELS)).toEqual([
      'Saved',
      'Applied',
      'Interviewing',
      'Offer',
      'Accepted',
      'Rejected',
      'Withdrawn',
      'Ghosted',
    ]);
    expect(statusLabel('interviewing')).toBe('Interviewing');
  });
});
