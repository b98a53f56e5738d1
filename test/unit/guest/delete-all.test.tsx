// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { newApplication } from '~/guest/records';
import { GUEST_KEY } from '~/guest/mode';
import { updateGuest } from '~/guest/save';
import { CHECKED_KEY } from '~/guest/storage';
import GuestData, { clientAction, clientLoader } from '~/routes/guest.data';
import { renderRoutes } from '../../support/render';

describe('deleting all guest data', () => {
  it('asks first: the first click deletes nothing, the confirmation deletes everything', async () => {
    localStorage.clear();
    await updateGuest(
      (apps) => [
        ...apps,
        newApplication({
          company: 'HMRC',
          role: 'Tax Officer',
          status: 'saved',
          mayCloseEarly: false,
        }),
      ],
      localStorage,
    );
    renderRoutes(
      [
        {
          path: '/guest/data',
          Component: GuestData,
          loader: clientLoader,
          action: ({ request }) => clientAction({ request } as Parameters<typeof clientAction>[0]),
        },
        { path: '/guest', Component: () => <p>Guest home</p> },
      ],
      '/guest/data',
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Delete all guest data' }));
    expect(localStorage.getItem(GUEST_KEY)).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete all guest data' }));
    await waitFor(() => expect(localStorage.getItem(GUEST_KEY)).toBeNull());
    // Nothing of the guest's is left behind, not even the checksum of what was stored.
    expect(localStorage.getItem(CHECKED_KEY)).toBeNull();
  });
});
