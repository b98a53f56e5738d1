import { useLocation } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { useHydrated } from '~/components/hydrated';
import { isGuestPath } from '~/guest/mode';
import {
  setAnalyticsOff,
  startAnalytics,
  trackPageview,
  whyOff,
  type AnalyticsSettings,
} from './posthog.client';

/**
 * Starts analytics in the browser when configured (and not turned off) and sends a page view on
 * each navigation. Renders nothing; without JavaScript nothing is ever sent.
 */
export function Analytics({ settings }: { settings: AnalyticsSettings | null }) {
  const { pathname } = useLocation();
  const [ready, setReady] = useState(false);
  // A guest sends nothing: analytics do not even load in guest mode.
  const guest = isGuestPath(pathname);
  useEffect(() => {
    if (!settings || guest) return;
    let live = true;
    void startAnalytics(settings).then((client) => live && setReady(Boolean(client)));
    return () => {
      live = false;
    };
  }, [settings, guest]);
  useEffect(() => {
    if (ready) trackPageview();
  }, [ready, pathname]);
  return null;
}

/** The footer's switch: turns analytics off (or on) for this browser. Only with JavaScript. */
export function AnalyticsSwitch({ settings }: { settings: AnalyticsSettings | null }) {
  const hydrated = useHydrated();
  const [, rerender] = useState(0);
  if (!settings || !hydrated) return null;
  const reason = whyOff();
  if (reason === 'do-not-track') {
    return <p className="muted">Analytics are off: your browser asks sites not to track it.</p>;
  }
  const off = reason === 'switch';
  return (
    <p className="analytics-switch">
      {off ? 'Anonymous analytics are off in this browser. ' : 'Anonymous analytics are on. '}
      <button
        type="button"
        className="link-button"
        onClick={() => {
          setAnalyticsOff(!off, settings);
          rerender((n) => n + 1);
        }}
      >
        {off ? 'Turn analytics on' : 'Turn analytics off'}
      </button>
    </p>
  );
}
