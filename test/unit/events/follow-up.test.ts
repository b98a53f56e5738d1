import { describe, expect, it } from 'vitest';
import { followUpAhead, followUpToOffer } from '~/events/follow-up';

const TODAY = '2026-11-30';

describe('the follow-up date JobTrack suggests', () => {
  it('is 14 days after applying while that day is today or later, and none once it has passed', () => {
    expect(followUpAhead('2026-11-25', TODAY)).toBe('2026-12-09');
    expect(followUpAhead('2026-11-16', TODAY)).toBe(TODAY);
    expect(followUpAhead('2026-11-15', TODAY)).toBeNull();
    expect(followUpAhead(null, TODAY)).toBeNull();
  });

  it('is offered only while the application waits for a reply and has no date set', () => {
    const sent = { status: 'applied' as const, followUpOn: null, dateApplied: '2026-11-25' };
    expect(followUpToOffer(sent, TODAY)).toBe('2026-12-09');
    expect(followUpToOffer({ ...sent, status: 'interviewing' }, TODAY)).toBe('2026-12-09');
    expect(followUpToOffer({ ...sent, status: 'rejected' }, TODAY)).toBeNull();
    expect(followUpToOffer({ ...sent, status: 'offer' }, TODAY)).toBeNull();
    expect(followUpToOffer({ ...sent, status: null }, TODAY)).toBeNull();
    expect(followUpToOffer({ ...sent, followUpOn: '2026-12-01' }, TODAY)).toBeNull();
    expect(followUpToOffer({ ...sent, dateApplied: '2026-10-01' }, TODAY)).toBeNull();
  });
});
