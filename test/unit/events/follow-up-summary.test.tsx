// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Status } from '~/applications/statuses';
import { FollowUpSummary } from '~/events/follow-up-summary';
import { renderRoutes } from '../../support/render';

const ID = '7d7c3f4e-5b1a-4c7e-9a55-3f1f0c1e2d10';

function show(status: Status, today = '2026-11-30') {
  renderRoutes(
    [
      {
        path: '/applications/:id',
        Component: () => (
          <FollowUpSummary
            applicationId={ID}
            status={status}
            followUpOn="2026-12-12"
            dateApplied="2026-11-28"
            today={today}
          />
        ),
      },
    ],
    `/applications/${ID}`,
  );
}

describe('an application’s follow-up date on its page', () => {
  it('is chased, with its calendar file, while the application waits for a reply', async () => {
    show('interviewing');
    expect(await screen.findByText(/Chase if no reply by/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Add to calendar (.ics)' })).toBeTruthy();
  });

  it.each([
    ['2026-12-12', 'is today'],
    ['2026-12-15', 'has passed'],
  ])('says to chase now once the day has come (today %s: the date %s)', async (today, said) => {
    show('applied', today);
    expect(await screen.findByText(/Chase now/)).toBeTruthy();
    expect(screen.getByText(new RegExp(`the follow-up date, 12 Dec 2026, ${said}`))).toBeTruthy();
    expect(screen.queryByText(/Chase if no reply by/)).toBeNull();
    expect(screen.queryByRole('link', { name: 'Add to calendar (.ics)' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Change follow-up date' })).toBeTruthy();
  });

  it.each(['rejected', 'offer', 'saved'] as const)(
    'is not chased once the application is %s, but can still be removed',
    async (status) => {
      show(status);
      expect(await screen.findByText(/Not chased: this application/)).toBeTruthy();
      expect(screen.queryByText(/Chase if no reply by/)).toBeNull();
      expect(screen.queryByRole('link', { name: 'Add to calendar (.ics)' })).toBeNull();
      expect(screen.getByRole('button', { name: 'Remove follow-up date' })).toBeTruthy();
    },
  );
});
