// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { GUEST_KEY } from '~/guest/mode';
import Guest, { clientLoader, ErrorBoundary } from '~/routes/guest';
import GuestApplication, { clientLoader as applicationLoader } from '~/routes/guest.application';
import { renderRoutes } from '../../support/render';

// The guest frame with one page under it whose loader throws, as a status change does for an
// id that is not (or no longer) in this browser.
function renderGuestPageThatThrows() {
  return renderRoutes(
    [
      {
        path: '/guest',
        Component: Guest,
        ErrorBoundary,
        loader: () => clientLoader(),
        children: [
          {
            path: 'application',
            Component: () => null,
            loader: () => {
              throw new Response('Not found', { status: 404 });
            },
          },
        ],
      },
    ],
    '/guest/application#0b7f3c52-8d7e-4b55-9a43-0f6f6a0c1d11',
  );
}

describe('guest mode’s error boundary', () => {
  it('keeps an unknown application inside guest mode, with its nav', async () => {
    localStorage.clear();
    renderGuestPageThatThrows();
    expect(await screen.findByRole('heading', { name: 'Application not found' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Guest pages' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to your guest applications' })).toBeTruthy();
  });

  it('shows the recovery screen with the download when the data cannot be read', async () => {
    localStorage.clear();
    localStorage.setItem(GUEST_KEY, '{"version": 1, "data": "edited by hand"');
    renderGuestPageThatThrows();
    expect(await screen.findByRole('button', { name: 'Download the data as it is' })).toBeTruthy();
    expect(localStorage.getItem(GUEST_KEY)).toContain('edited by hand');
  });

  it('keeps a page that fails to render inside guest mode, saying the data is unchanged', async () => {
    localStorage.clear();
    const silence = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      renderRoutes(
        [
          {
            path: '/guest',
            Component: Guest,
            ErrorBoundary,
            loader: () => clientLoader(),
            children: [
              {
                path: 'applications',
                Component: () => {
                  throw new Error('a bug in a guest page');
                },
              },
            ],
          },
        ],
        '/guest/applications',
      );
      expect(await screen.findByRole('heading', { name: 'Something went wrong' })).toBeTruthy();
      expect(screen.getByRole('navigation', { name: 'Guest pages' })).toBeTruthy();
      expect(screen.getByRole('complementary', { name: 'Guest mode' })).toBeTruthy();
    } finally {
      silence.mockRestore();
    }
  });

  it('an application page whose fragment names no application in this browser says so in the frame', async () => {
    localStorage.clear();
    renderRoutes(
      [
        {
          path: '/guest',
          Component: Guest,
          ErrorBoundary,
          loader: () => clientLoader(),
          children: [
            { path: 'application', Component: GuestApplication, loader: () => applicationLoader() },
          ],
        },
      ],
      '/guest/application#0b7f3c52-8d7e-4b55-9a43-0f6f6a0c1d11',
    );
    expect(await screen.findByRole('heading', { name: 'Application not found' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Guest pages' })).toBeTruthy();
  });
});
