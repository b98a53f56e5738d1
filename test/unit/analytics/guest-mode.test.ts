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

describe('an event sent while analytics are still starting', () => {
  it('is sent once they have started, not dropped', async () => {
    vi.resetModules();
    const fresh = await import('~/analytics/posthog.client');
    history.replaceState(null, '', '/applications/new');
    const started = fresh.startAnalytics({ key: 'phc_test', host: 'https://eu.i.posthog.com' });
    // posthog-js is still loading: the add form is sent now.
    fresh.track('application_created');
    expect(capture).not.toHaveBeenCalled();

    await started;

    expect(capture).toHaveBeenCalledWith('application_created');
  });

  it('is not sent at all when analytics are not starting (no key, or turned off)', async () => {
    vi.resetModules();
    const fresh = await import('~/analytics/posthog.client');
    fresh.track('application_created');
    await Promise.resolve();
    expect(capture).not.toHaveBeenCalled();
  });
});

describe('an event queued while analytics start, and what happened meanwhile', () => {
  const start = (fresh: typeof import('~/analytics/posthog.client')) =>
    fresh.startAnalytics({ key: 'phc_test', host: 'https://eu.i.posthog.com' });

  it('is not sent once the person has gone into guest mode', async () => {
    vi.resetModules();
    const fresh = await import('~/analytics/posthog.client');
    history.replaceState(null, '', '/applications');
    const started = start(fresh);
    fresh.track('status_changed');
    history.replaceState(null, '', '/guest/applications');
    await started;
    await Promise.resolve();
    expect(capture).not.toHaveBeenCalled();
  });

  it('is not sent once the person has turned analytics off', async () => {
    vi.resetModules();
    const fresh = await import('~/analytics/posthog.client');
    history.replaceState(null, '', '/applications');
    const started = start(fresh);
    fresh.track('status_changed');
    fresh.setAnalyticsOff(true, null);
    await started;
    await Promise.resolve();
    expect(capture).not.toHaveBeenCalled();
    fresh.setAnalyticsOff(false, null);
  });
});
