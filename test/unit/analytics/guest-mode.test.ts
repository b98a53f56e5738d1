// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';

const capture = vi.fn();
vi.mock('posthog-js/dist/module.slim', () => ({ default: { init: vi.fn(), capture } }));

const { startAnalytics, track, trackPageview } = await import('~/analytics/posthog.client');

afterEach(() => {
  capture.mockClear();
  history.replaceState(null, '', '/');
});

describe('analytics in guest mode', () => {
  it('sends nothing from a guest page, though analytics are running', async () => {
    expect(
      await startAnalytics({ key: 'phc_test', host: 'https://eu.i.posthog.com' }),
    ).not.toBeNull();
    history.replaceState(null, '', '/applications');
    trackPageview();
    track('status_changed');
    expect(capture).toHaveBeenCalledTimes(2);
    capture.mockClear();
    for (const path of ['/guest', '/guest/applications#q=nurse', '/guest/applications/new']) {
      history.replaceState(null, '', path);
      trackPageview();
      track('application_created');
    }
    expect(capture).not.toHaveBeenCalled();
  });
});
