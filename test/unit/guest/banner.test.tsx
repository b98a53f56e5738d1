// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { GuestBanner } from '~/guest/banner';
import { GUEST_LIST, GUEST_MOVE } from '~/guest/paths';
import { emptyDocument } from '~/guest/storage';
import type { ExportDocument } from '~/portability/format';
import { renderRoutes } from '../../support/render';

function showAt(path: string, signedIn: boolean, document: ExportDocument | null = null) {
  renderRoutes(
    [{ path, Component: () => <GuestBanner document={document} signedIn={signedIn} /> }],
    path,
  );
}

describe('guest mode’s banner', () => {
  it('offers a guest the move into an account', async () => {
    showAt(GUEST_LIST, false);
    expect(await screen.findByText('You are using JobTrack as a guest.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Keep them in an account' })).toBeTruthy();
  });

  it('tells a signed-in person these are not their account’s applications', async () => {
    showAt(GUEST_LIST, true);
    expect(
      await screen.findByText('These are guest applications, not your account’s.'),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Move into my account' })).toBeTruthy();
  });

  it('does not offer the move when nothing is left to move (all of it moved already)', async () => {
    showAt(GUEST_LIST, true, emptyDocument());
    expect(await screen.findByText(/kept only in this browser/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Move into my account' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Import a backup' })).toBeTruthy();
  });

  it('does not offer the move on the move’s own page', async () => {
    showAt(GUEST_MOVE, true);
    expect(await screen.findByText(/kept only in this browser/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Move into my account' })).toBeNull();
  });
});
