// The one wrapper around posthog-js (STYLE.md: nothing else imports it), with its second half in
// posthog-start.client.ts. Loaded only in the browser, only when a key is configured, and only
// when this browser has not said no.
import type { PostHog } from 'posthog-js/dist/module.slim';
import { isGuestPath } from '~/guest/mode';
import type { AnalyticsEvent } from './events';

export type AnalyticsSettings = { key: string; host: string };

const OFF_KEY = 'jobtrack-analytics';
const OFF = 'off';

let client: PostHog | null = null;
let starting: Promise<PostHog | null> | null = null;

/** True while the page is in guest mode, where the privacy policy promises nothing is sent. */
function inGuestMode(): boolean {
  return typeof location !== 'undefined' && isGuestPath(location.pathname);
}

/** Why analytics are off in this browser, or null when they may run. */
export function whyOff(): 'switch' | 'do-not-track' | null {
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
  if (nav.globalPrivacyControl === true || nav.doNotTrack === '1') return 'do-not-track';
  try {
    if (localStorage.getItem(OFF_KEY) === OFF) return 'switch';
  } catch {
    // Storage blocked: nothing is remembered, and the switch cannot be either.
  }
  return null;
}

/** Starts posthog-js once, cookieless and with every automatic collection off. */
export function startAnalytics(settings: AnalyticsSettings): Promise<PostHog | null> {
  if (whyOff()) return Promise.resolve(null);
  // posthog-js and its settings load together, only here: a page that sends nothing carries none.
  starting ??= import('./posthog-start.client').then(({ startPostHog }) => {
    client = startPostHog(settings);
    return client;
  });
  return starting;
}

/** A page view, the address cut down by sanitizeEvent. */
export function trackPageview() {
  if (!whyOff() && !inGuestMode()) client?.capture('$pageview');
}

/**
 * One of the allowlisted events, with no properties. Nothing when analytics are not running; sent
 * once they have started when they are still starting (a form sent as the page opens, on a slow
 * connection or a busy phone, is not lost to the count).
 */
export function track(event: AnalyticsEvent) {
  const allowed = () => !whyOff() && !inGuestMode();
  if (!allowed()) return;
  if (client) client.capture(event);
  // Asked again once started: the person may have turned analytics off, or gone into guest mode,
  // meanwhile. A posthog-js that cannot load (a blocker) sends nothing, and says nothing either.
  else
    starting
      ?.then((started) => {
        if (allowed()) started?.capture(event);
      })
      .catch(() => {});
}

/** Turns analytics off (or back on) for this browser, remembered in local storage. */
export function setAnalyticsOff(off: boolean, settings: AnalyticsSettings | null) {
  try {
    if (off) localStorage.setItem(OFF_KEY, OFF);
    else localStorage.removeItem(OFF_KEY);
  } catch {
    // Storage blocked: the choice lasts for this page only.
  }
  // posthog-js's own opt-out would store its consent in the browser; our flag is the switch, and
  // every capture checks it.
  if (!off && settings) void startAnalytics(settings);
}
