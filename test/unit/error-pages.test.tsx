// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary as RootErrorBoundary } from '~/root';
import Guest, { clientLoader, ErrorBoundary as GuestErrorBoundary } from '~/routes/guest';
import { renderRoutes } from '../support/render';

// A page whose data could not be fetched: the browser offline, or the connection dropped.
const offline = () => {
  throw new TypeError('Failed to fetch');
};

function renderFailingPage(path: string, failure: () => never) {
  return renderRoutes(
    [
      {
        path: '/',
        ErrorBoundary: RootErrorBoundary,
        children: [{ path: path.slice(1), loader: failure, Component: () => null }],
      },
    ],
    path,
  );
}

/** Runs `check` with console.error silenced: the boundaries log what failed. */
async function quietly(check: () => Promise<void>) {
  const silence = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    await check();
  } finally {
    silence.mockRestore();
  }
}

describe('the error page when JobTrack cannot be reached', () => {
  it('says so, not that something went wrong on our side, and links back to where the person was', () =>
    quietly(async () => {
      renderFailingPage('/applications', offline);
      expect(
        await screen.findByRole('heading', { name: 'JobTrack could not be reached' }),
      ).toBeTruthy();
      expect(screen.getByText(/Nothing you saved has been lost/)).toBeTruthy();
      expect(screen.getByRole('link', { name: 'Go to your dashboard' })).toBeTruthy();
    }));

  it('leads a guest back to guest mode, not to an account’s dashboard', () =>
    quietly(async () => {
      renderFailingPage('/guest/move', offline);
      expect(
        await screen.findByRole('heading', { name: 'JobTrack could not be reached' }),
      ).toBeTruthy();
      expect(screen.getByRole('link', { name: 'Go to your guest applications' })).toBeTruthy();
    }));

  it('keeps its general message for a failure that is not the network', () =>
    quietly(async () => {
      renderFailingPage('/applications', () => {
        throw new TypeError("Cannot read properties of undefined (reading 'id')");
      });
      expect(await screen.findByRole('heading', { name: 'Something went wrong' })).toBeTruthy();
    }));

  it('stays inside guest mode, with its nav, when a guest page’s request fails', () =>
    quietly(async () => {
      localStorage.clear();
      renderRoutes(
        [
          {
            path: '/guest',
            Component: Guest,
            ErrorBoundary: GuestErrorBoundary,
            loader: () => clientLoader(),
            children: [{ path: 'move', loader: offline, Component: () => null }],
          },
        ],
        '/guest/move',
      );
      expect(
        await screen.findByRole('heading', { name: 'JobTrack could not be reached' }),
      ).toBeTruthy();
      expect(screen.getByText(/Your guest data has not been changed/)).toBeTruthy();
      expect(screen.getByRole('navigation', { name: 'Guest pages' })).toBeTruthy();
    }));
});
