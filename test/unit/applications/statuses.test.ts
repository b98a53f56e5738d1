import { describe, expect, it } from 'vitest';
import { noticeMessage } from '~/applications/notices';
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

describe('notices', () => {
  it('map a known key to fixed text and ignore anything else', () => {
    expect(noticeMessage('deleted')).toBe('The application has been deleted.');
    expect(noticeMessage('<script>alert(1)</script>')).toBeNull();
    expect(noticeMessage('toString')).toBeNull();
    expect(noticeMessage(null)).toBeNull();
  });
});
